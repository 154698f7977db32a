// What Ink measures of a table's text, in place of the text itself. Ink measures every text node
// with string-width on every frame: a line holding one character outside printable ASCII (the
// ellipsis of a cut cell, a CJK name) takes its slow path, which walks the whole line grapheme by
// grapheme (about 100 µs for a 120-cell row, several ms a frame for a window of them). And Ink
// keeps the size of every distinct text it has laid out, for good: a column's text is new with
// every window and every tick of a relative time. A table's cells are cut to their widths already
// and never wrap, so the node can hold a stand-in of the same shape instead (a FILLER in every
// cell, every line filled out to the column's width: the same for every window in the same
// colours), with the real text put back into the lines Ink draws (a <Transform>), after measuring.
import { forEachGrapheme, graphemeWidth } from '../../text/width.js';

/** What stands in for every cell. */
const FILLER = '_';

export interface StandIn {
  /** Each part with every cell a FILLER, each line filled out to the width. */
  parts: string[];
  /**
   * Line `index` as Ink draws it from the stand-in parts (its SGR codes kept), with the real
   * text back in its cells: the `transform` of a <Transform>.
   */
  restore: (line: string, index: number) => string;
}

/**
 * The stand-in for `parts` (runs of lines each drawn in its own style; a run may hold line
 * breaks) whose lines are at most `width` cells, or undefined when a cluster of no width has no
 * cell to stand in (the text is measured as it is).
 */
export function asciiStandIn(parts: readonly string[], width: number): StandIn | undefined {
  // By line, then by cell: what goes there ('' for the second cell of a wide cluster and the
  // cells that fill the line out).
  const real: string[][] = [[]];
  let line = real[0];
  const standIns: string[] = [];
  let zeroWidth = false;
  const fillOut = () => {
    const missing = Math.max(0, width - line.length);
    for (let k = 0; k < missing; k++) line.push('');
    return FILLER.repeat(missing);
  };
  for (const part of parts) {
    let standIn = '';
    forEachGrapheme(part, (g, codePoint) => {
      if (codePoint === 0x0a) {
        standIn += fillOut() + g;
        line = [];
        real.push(line);
        return;
      }
      const cells = codePoint >= 0x20 && codePoint < 0x7f ? 1 : graphemeWidth(g);
      if (cells === 0) {
        zeroWidth = true;
        return false;
      }
      standIn += FILLER.repeat(cells);
      line.push(g);
      for (let k = 1; k < cells; k++) line.push('');
    });
    if (zeroWidth) return undefined;
    standIns.push(standIn);
  }
  if (standIns.length > 0) standIns[standIns.length - 1] += fillOut();
  return { parts: standIns, restore: (text, index) => (real[index] ? restoreLine(text, real[index]) : text) };
}

function restoreLine(line: string, real: readonly string[]): string {
  let out = '';
  let cell = 0;
  let i = 0;
  while (i < line.length) {
    if (line.charCodeAt(i) === 0x1b) {
      // A style's code (CSI: parameters and intermediates, then one final byte): copied whole.
      let end = i + 1;
      if (line[end] === '[') {
        end++;
        while (end < line.length && line.charCodeAt(end) >= 0x20 && line.charCodeAt(end) <= 0x3f) end++;
      }
      end = Math.min(line.length, end + 1);
      out += line.slice(i, end);
      i = end;
      continue;
    }
    const ch = line[i];
    // Only a filler is replaced: anything else in its place was not drawn from the stand-in.
    out += ch === FILLER && cell < real.length ? real[cell] : ch;
    cell++;
    i++;
  }
  return out;
}
