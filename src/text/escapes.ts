/**
 * One pass over untrusted text that removes every terminal escape sequence (ECMA-48 / xterm:
 * 7-bit ESC forms and their 8-bit C1 twins) and reports what is left to a sink: printable runs,
 * controls to show, line breaks, carriage returns, tabs and SGR parameters.
 *
 * Linear in the input: a state machine over UTF-16 code units, no regular expressions, no string
 * building; printable runs are handed over as slices of the input.
 */

export interface ScanSink {
  /** Printable text with no control, escape or line break; `ascii` when it is all 0x20-0x7e. */
  text(run: string, ascii: boolean): void;
  /** A control to show, never apply (C0, DEL, C1; in raw mode also ESC, CR, tab, separators). */
  control(code: number): void;
  carriageReturn(): void;
  tab(): void;
  newline(): void;
  /** Parameters of a complete `CSI ... m` with no intermediates (may still be non-numeric). */
  sgr(params: string): void;
}

const GROUND = 0;
const ESCAPE = 1; // after ESC
const ESCAPE_INTERMEDIATE = 2; // ESC followed by 0x20-0x2f (charset designation, DEC tests...)
const CSI = 3;
const CONTROL_STRING = 4; // OSC, DCS, SOS, PM, APC body
const CONTROL_STRING_ESCAPE = 5; // ESC inside a control string: ST if `\` follows

const ESC = 0x1b;

/** 8-bit introducers of a control string: DCS, SOS, OSC, PM, APC. */
function isC1StringIntroducer(c: number): boolean {
  return c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f;
}

/** Line breaks: LF, NEL (U+0085 as a decoded code point), LINE and PARAGRAPH SEPARATOR. */
function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * Scans `input` and returns the index just after its last line break, so the caller knows
 * whether text follows the final break. An escape sequence cut off at the end of the input
 * (output that is still growing) is dropped whole; an unterminated control string ends at the
 * next line break.
 */
export function scanText(input: string, raw: boolean, sink: ScanSink): number {
  const n = input.length;
  let state = GROUND;
  let i = 0;
  let runStart = -1;
  let runAscii = true;
  let csiStart = 0;
  let csiPlain = true; // no intermediate and no control inside: may be an SGR
  let tail = 0;

  const flush = (end: number) => {
    if (runStart >= 0) {
      sink.text(input.slice(runStart, end), runAscii);
      runStart = -1;
      runAscii = true;
    }
  };

  while (i < n) {
    const c = input.charCodeAt(i);
    switch (state) {
      case GROUND: {
        if (c >= 0x20 && c < 0x7f) {
          if (runStart < 0) runStart = i;
          i++;
          continue;
        }
        if (c >= 0xa0 && c !== 0x2028 && c !== 0x2029) {
          if (c >= 0xd800 && c <= 0xdfff) {
            const low = i + 1 < n ? input.charCodeAt(i + 1) : 0;
            if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
              if (runStart < 0) runStart = i;
              runAscii = false;
              i += 2;
              continue;
            }
            flush(i);
            sink.text('\uFFFD', false); // lone surrogate
            i++;
            continue;
          }
          if (runStart < 0) runStart = i;
          runAscii = false;
          i++;
          continue;
        }
        flush(i);
        i++;
        if (raw) {
          if (c === 0x0a) {
            sink.newline();
            tail = i;
          } else {
            sink.control(c);
            if (isLineBreak(c)) {
              sink.newline();
              tail = i;
            }
          }
          continue;
        }
        if (isLineBreak(c)) {
          sink.newline();
          tail = i;
        } else if (c === 0x0d) sink.carriageReturn();
        else if (c === 0x09) sink.tab();
        else if (c === ESC) state = ESCAPE;
        else if (c === 0x9b) {
          state = CSI;
          csiStart = i;
          csiPlain = true;
        } else if (isC1StringIntroducer(c)) state = CONTROL_STRING;
        else sink.control(c);
        continue;
      }

      case ESCAPE: {
        if (c === 0x5b) {
          state = CSI;
          csiStart = i + 1;
          csiPlain = true;
        } else if (c === 0x5d || c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) {
          state = CONTROL_STRING; // ESC ] OSC, ESC P DCS, ESC X SOS, ESC ^ PM, ESC _ APC
        } else if (c >= 0x20 && c <= 0x2f) state = ESCAPE_INTERMEDIATE;
        else if (c >= 0x30 && c <= 0x7e) state = GROUND; // ESC c, ESC 7, ESC =, ESC M ...
        else if (c !== ESC) {
          state = GROUND; // a control or non-ASCII cancels the escape; the character itself stays
          continue;
        }
        i++;
        continue;
      }

      case ESCAPE_INTERMEDIATE: {
        if (c >= 0x20 && c <= 0x7e) {
          if (c >= 0x30) state = GROUND;
          i++;
        } else state = c === ESC ? ESCAPE : GROUND; // ESC restarts, anything else is reprocessed
        if (c === ESC) i++;
        continue;
      }

      case CSI: {
        if (c >= 0x20 && c <= 0x3f) {
          if (c <= 0x2f) csiPlain = false;
          i++;
        } else if (c >= 0x40 && c <= 0x7e) {
          if (c === 0x6d && csiPlain) sink.sgr(input.slice(csiStart, i));
          state = GROUND;
          i++;
        } else if (c === ESC) {
          state = ESCAPE;
          i++;
        } else if (c === 0x7f) i++; // ignored inside a sequence, as terminals do
        else if (c < 0x20 && c !== 0x0a && c !== 0x18 && c !== 0x1a) {
          // Terminals execute C0 controls in the middle of a CSI; we show them instead.
          csiPlain = false;
          i++;
          if (c === 0x0d) sink.carriageReturn();
          else if (c === 0x09) sink.tab();
          else sink.control(c);
        } else state = GROUND; // LF, CAN, SUB, C1, non-ASCII: the sequence is abandoned
        continue;
      }

      case CONTROL_STRING: {
        if (c === 0x07 || c === 0x9c) {
          state = GROUND; // BEL or 8-bit ST
          i++;
        } else if (c === ESC) {
          state = CONTROL_STRING_ESCAPE;
          i++;
        } else if (isLineBreak(c) || c === 0x18 || c === 0x1a) {
          state = GROUND; // unterminated: dropped to the end of its line only
        } else i++;
        continue;
      }

      case CONTROL_STRING_ESCAPE: {
        if (c === 0x5c) {
          state = GROUND; // ESC \ is ST
          i++;
        } else state = ESCAPE; // any other ESC ends the string and starts a new sequence
        continue;
      }
    }
  }
  flush(n);
  return tail;
}
