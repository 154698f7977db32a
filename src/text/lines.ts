/** Untrusted multi-line text (command output, command content) to safe display lines. */
import { controlText } from './controls.js';
import { scanText } from './escapes.js';
import { forEachGlyph } from './glyphs.js';
import { displayWidth } from './width.js';
import { LineBuilder } from './line-builder.js';
import { applySgr } from './sgr.js';
import type { DisplayLine, DisplayOptions } from './types.js';

/** Starts a line on which a carriage return let later text overwrite earlier text. */
export const OVERWRITTEN_MARK = '↺ ';

const DEFAULT_TAB_WIDTH = 8;
const DEFAULT_MAX_LINE_LENGTH = 10_000;

/**
 * Splits on LF, CRLF, U+2028, U+2029 and U+0085; a final line break does not start an empty
 * line, and empty text gives no lines. Escape sequences are removed, controls shown in caret
 * notation, `\r` collapsed like a terminal (the line is marked `overwritten`), tabs expanded.
 * With `raw`, every control is shown instead (ESC as `^[` followed by the rest of its sequence).
 * An overwritten line starts with OVERWRITTEN_MARK unless `markOverwritten` is false (a pager
 * that marks it in its gutter), so plain text never hides what the CR hid.
 */
export function toDisplayLines(text: string, options: DisplayOptions = {}): DisplayLine[] {
  const raw = options.raw === true;
  const keepSgr = options.keepSgr === true;
  const tabWidth = Math.max(1, Math.floor(options.tabWidth ?? DEFAULT_TAB_WIDTH));
  const maxCells = Math.max(1, Math.floor(options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH));
  const lines: DisplayLine[] = [];
  const markOverwritten = options.markOverwritten !== false;
  const newBuilder = () => new LineBuilder(maxCells, tabWidth, keepSgr);
  let line = newBuilder();
  const finish = () => {
    const done = line.finish();
    return markOverwritten && done.overwritten ? withMark(done) : done;
  };

  const tail = scanText(text, raw, {
    text(run, ascii) {
      if (ascii) line.putAscii(run);
      else forEachGlyph(run, false, line.put);
    },
    control(code) {
      line.putAscii(controlText(code));
    },
    carriageReturn() {
      line.carriageReturn();
    },
    tab() {
      line.tab();
    },
    newline() {
      lines.push(finish());
      line = newBuilder(); // styles end with the line
    },
    sgr(params) {
      if (keepSgr) line.style = applySgr(line.style, params);
    },
  });
  if (tail < text.length) lines.push(finish());
  return lines;
}

function withMark(line: DisplayLine): DisplayLine {
  const marked: DisplayLine = { ...line, text: OVERWRITTEN_MARK + line.text, width: line.width + displayWidth(OVERWRITTEN_MARK) };
  if (line.spans) marked.spans = [{ text: OVERWRITTEN_MARK }, ...line.spans];
  return marked;
}
