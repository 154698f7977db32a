/**
 * A group's sample as a template: the sample with the spans its mask hid (the instance's own
 * names, each kind of noise), so that another output can be checked against it without masking
 * it whole. Most outputs of a fleet differ from their group's sample only inside those spans.
 *
 * The check walks both texts while they agree. Where they differ inside a span of the sample,
 * the other output's text there is checked as noise of the same kind: the same shape with other
 * digits, or the instance's own name, or the kind's pattern at that place. Anywhere else (or
 * when that fails), that one line is masked alone and compared with the sample's masked line:
 * no kind of noise spans a line break, so a line masks the same alone as in its output.
 *
 * `matchesTemplate` answering true means the output masks to the sample's masked text; false
 * means "not shown": the caller masks the output whole and compares fingerprints. For ASCII texts
 * the common steps run in WebAssembly (walk.ts), which hands back the steps it cannot take.
 */
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';
import { HEX_KINDS, KIND, NOISE, kindsPattern, maskWithWords, ownHits, ownWords, stickyPattern } from './fingerprint.js';
import { digitRunsEnd, follows, hexIdEnd, hexSwaps, isMonthDay, monthDayEnd, ownNameAt, sameShapeEnd, standsAlone } from './noiseRules.js';
import { OWN, mayMaskAsOwn, ownGuardOf, type OwnGuard } from './ownGuard.js';
import type { OwnIdentity } from './types.js';
import { fastWalk, type FastWalk } from './walk.js';

export interface Template {
  mode: 'masked' | 'loose';
  /** The sample, raw. */
  text: string;
  /** Its characters' codes (a typed array reads faster than `charCodeAt`). */
  codes: Uint16Array;
  /** The sample masked (`maskOutput`). */
  masked: string;
  /** Spans hidden by the mask: start, end (in `text`) and kind, three numbers each, in order. */
  spans: Int32Array;
  /** 1 for each span of a hex kind or a hex id where any hex digit may stand for another (noiseRules.ts's `hexSwaps`; for a hex id, walk.ts's alone). */
  hexSwaps: Uint8Array;
  /** The sample's text before each span, and after the last (compared whole: native, unlike a loop per character). */
  pieces: readonly string[];
  /** Where each line of `text` starts. */
  lineStarts: Int32Array;
  maskedLines: readonly string[];
  /** Where another instance's own name would be masked as its own (ownGuard.ts). */
  guard: OwnGuard;
}

const PATTERNS = { masked: kindsPattern('masked'), loose: kindsPattern('loose') };

/** `text`'s UTF-16 code units by one native copy (a template is built on a run's first page, before loops are warm). */
function codesOf(text: string): Uint16Array {
  if (endianness() === 'LE') {
    const units = Buffer.from(text, 'utf16le');
    // A large Buffer has an ArrayBuffer of its own at offset 0; a small one, an even offset in the pool.
    if (units.byteOffset % 2 === 0) return new Uint16Array(units.buffer, units.byteOffset, text.length);
  }
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}
const STICKY = { masked: stickyPattern('masked'), loose: stickyPattern('loose') };
/** The sample's template, or undefined when its spans cannot be placed (case folding changes its length). */
export function buildTemplate(text: string, mode: 'masked' | 'loose', own?: OwnIdentity): Template | undefined {
  const hits = ownHits(text, ownWords(own));
  if (!hits) return undefined;
  // The text with own names as NOISE (what the kinds' pattern runs on), and where each hit went.
  const parts: string[] = [];
  const shifted: number[] = [];
  let done = 0;
  let shift = 0;
  for (const [at, end] of hits) {
    parts.push(text.slice(done, at), NOISE);
    shifted.push(at - shift);
    shift += end - at - NOISE.length;
    done = end;
  }
  parts.push(text.slice(done));
  const ownMasked = parts.join('');
  const spans: number[] = [];
  const masked: string[] = [];
  let hit = 0;
  shift = 0;
  let from = 0;
  const re = PATTERNS[mode];
  re.lastIndex = 0;
  // Not run on an empty text (an agent not running): V8 compiles an expression's first run on a
  // short text to bytecode, and again natively when a long one comes (4 ms for this one), where a
  // long text's first run compiles it natively at once.
  for (let m = ownMasked ? re.exec(ownMasked) : null; m; m = re.exec(ownMasked)) {
    const at = m.index;
    const end = at + m[0].length;
    // Own names before this match, in the raw text's offsets.
    while (hit < hits.length && shifted[hit] + NOISE.length <= at) {
      spans.push(hits[hit][0], hits[hit][1], OWN);
      shift += hits[hit][1] - hits[hit][0] - NOISE.length;
      hit++;
    }
    if (hit < hits.length && shifted[hit] < end) return undefined; // a kind across an own name: not expected
    let kind = 1;
    while (m[kind] === undefined) kind++;
    spans.push(at + shift, end + shift, kind - 1);
    masked.push(ownMasked.slice(from, at), NOISE);
    from = end;
  }
  for (; hit < hits.length; hit++) spans.push(hits[hit][0], hits[hit][1], OWN);
  masked.push(ownMasked.slice(from));
  const maskedText = masked.join('');
  const pieces: string[] = [];
  let after = 0;
  for (let i = 0; i < spans.length; i += 3) {
    pieces.push(text.slice(after, spans[i]));
    after = spans[i + 1];
  }
  pieces.push(text.slice(after));
  const lineStarts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lineStarts.push(nl + 1);
  const maskedLines = maskedText.split('\n');
  const codes = codesOf(text);
  const swaps = new Uint8Array(spans.length / 3);
  for (let i = 0; i < swaps.length; i++) {
    const kind = spans[i * 3 + 2];
    if ((HEX_KINDS.has(kind) || kind === KIND.hex) && hexSwaps(text, spans[i * 3], spans[i * 3 + 1])) swaps[i] = 1;
  }
  const spanArray = Int32Array.from(spans);
  return {
    mode,
    text,
    codes,
    masked: maskedText,
    spans: spanArray,
    hexSwaps: swaps,
    pieces,
    lineStarts: Int32Array.from(lineStarts),
    maskedLines,
    guard: ownGuardOf({ text, codes, spans: spanArray, hexSwaps: swaps }, maskedLines, mode),
  };
}

/**
 * End of the noise in `x` at `at` standing for span `i` of the template (followed as the sample's
 * span is), or -1. The rules in noiseRules.ts, in this order; noise of another shape than the
 * sample's only where it stands alone (`standsAlone`).
 */
function noiseEnd(t: Template, i: number, x: string, at: number, names: readonly string[]): number {
  const s = t.text;
  const spans = t.spans;
  const start = spans[i * 3];
  const end = spans[i * 3 + 1];
  const kind = spans[i * 3 + 2];
  if (kind !== OWN) {
    let k = kind === KIND.hex ? -1 : sameShapeEnd(t.codes, start, end, kind, x, at, t.hexSwaps[i] === 1);
    if (follows(s, end, x, k)) return k;
    if (kind === KIND.duration || kind === KIND.digits) k = digitRunsEnd(s, start, end, x, at);
    else if (kind === KIND.hex) k = hexIdEnd(s, start, x, at);
    if (follows(s, end, x, k) && standsAlone(x, at, k)) return k;
  }
  // An own name masks as NOISE before the kinds are looked for, in both outputs; for a kind's span, it is of another shape.
  const own = ownNameAt(x, at, names);
  if (follows(s, end, x, own) && (kind === OWN || standsAlone(x, at, own))) return own;
  // The pattern's look-behind would see an own name's raw text here, not its NOISE.
  if (i > 0 && spans[i * 3 - 2] === start && spans[i * 3 - 1] === OWN) return -1;
  if (kind === KIND.month && isMonthDay(t.codes, start, end)) {
    const k = monthDayEnd(t.codes, start, end, x, at);
    if (follows(s, end, x, k)) return k;
  }
  const sticky = STICKY[t.mode];
  sticky.lastIndex = at;
  const m = sticky.exec(x);
  return m && follows(s, end, x, sticky.lastIndex) && standsAlone(x, at, sticky.lastIndex) ? sticky.lastIndex : -1;
}

/** The line of `text` holding offset `at`. */
function lineOf(t: Template, at: number): number {
  let lo = 0;
  let hi = t.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (t.lineStarts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Pieces this short are compared a character at a time: slicing costs more than the loop. */
const SHORT_PIECE = 8;

/** `x` at `px` has the sample's `len` characters from `ps` (which ends piece `i`). */
function samePiece(t: Template, i: number, ps: number, len: number, x: string, px: number): boolean {
  if (len <= SHORT_PIECE) {
    if (px + len > x.length) return false;
    const codes = t.codes;
    for (let k = 0; k < len; k++) if (codes[ps + k] !== x.charCodeAt(px + k)) return false;
    return true;
  }
  const piece = i === 0 || t.spans[i * 3 - 2] === ps ? t.pieces[i] : t.text.slice(ps, ps + len);
  return x.slice(px, px + len) === piece;
}

/** Where span `i` starts, or the text's end for the piece after the last span. */
function pieceEnd(t: Template, i: number): number {
  return i * 3 < t.spans.length ? t.spans[i * 3] : t.text.length;
}

/**
 * True when `x` (with the instance's own names `names`, from `ownWords`) masks to the template's
 * masked text. False: not shown this way (it may still; mask it whole to know). `walker`: the
 * WebAssembly walk of the common steps (walk.ts), by default this process's; null, every step here.
 */
export function matchesTemplate(t: Template, x: string, names: readonly string[], walker: FastWalk | null = fastWalk() ?? null): boolean {
  if (mayMaskAsOwn(t.guard, names)) return false;
  const fast = walker?.load(t, x, names) ? walker : undefined;
  const s = t.text;
  const spans = t.spans;
  const n = s.length;
  const m = x.length;
  const count = spans.length / 3;
  /** Where the walk is in the sample and in `x`; `i`: the next span, at or after `ps`. */
  let ps = 0;
  let px = 0;
  let i = 0;
  let lastLine = -1;
  for (;;) {
    if (fast) {
      if (fast.walk(i, ps, px)) return true;
      ({ i, ps, px } = fast);
    }
    const end = pieceEnd(t, i);
    const len = end - ps;
    if (len > 0) {
      if (!samePiece(t, i, ps, len, x, px)) {
        // Where they part, to settle that line.
        while (ps < end && px < m && s.charCodeAt(ps) === x.charCodeAt(px)) {
          ps++;
          px++;
        }
      } else {
        ps = end;
        px += len;
      }
    }
    if (ps === end) {
      if (i === count) {
        if (px === m) return true;
      } else {
        const k = noiseEnd(t, i, x, px, names);
        if (k >= 0) {
          ps = spans[i * 3 + 1];
          px = k;
          i++;
          continue;
        }
      }
    }
    // Settle this one line by masking it alone.
    if (ps === n && px < m) return false;
    const line = lineOf(t, ps);
    if (line === lastLine) return false;
    lastLine = line;
    const xStart = px === 0 ? 0 : x.lastIndexOf('\n', px - 1) + 1;
    const xNl = x.indexOf('\n', px);
    const xEnd = xNl < 0 ? m : xNl;
    if (maskWithWords(x.slice(xStart, xEnd), t.mode, names, PATTERNS[t.mode]) !== t.maskedLines[line]) return false;
    ps = line + 1 < t.lineStarts.length ? t.lineStarts[line + 1] - 1 : n;
    px = xEnd;
    while (i < count && spans[i * 3] < ps) i++;
  }
}
