// Ink measures every text node with string-width on every frame, to see whether it must wrap. A
// line holding one character outside printable ASCII (the ellipsis of a cut cell, a CJK name)
// takes string-width's slow path, which walks the whole line grapheme by grapheme: about 100 µs
// for a 120-cell row, a full window of them several ms a frame. A table's cells are cut to their
// widths already and never wrap, so their text node can hold an ASCII stand-in of the same cells,
// with the real characters put back into the lines Ink draws (a <Transform>), after measuring.
import { forEachGrapheme, graphemeWidth } from '../../text/width.js';

/** What stands in for each cell of a character outside printable ASCII. */
const FILLER = '_';
const PRINTABLE_ASCII = /^[\u0020-\u007e\n]*$/;

export interface StandIn {
  /** Each part with every cluster outside printable ASCII replaced by one FILLER per cell. */
  parts: string[];
  /**
   * Line `index` as Ink draws it from the stand-in parts (its SGR codes kept), with the real
   * clusters back: the `transform` of a <Transform>.
   */
  restore: (line: string, index: number) => string;
}

/**
 * An ASCII stand-in for `parts` (the runs of some lines, each run drawn in its own style; a run
 * may hold line breaks), or undefined when they are printable ASCII already, or hold a cluster of
 * no width (it has no cell to stand in: the text is drawn as it is).
 */
export function asciiStandIn(parts: readonly string[]): StandIn | undefined {
  if (parts.every((p) => PRINTABLE_ASCII.test(p))) return undefined;
  // By line, then by cell: the cluster that goes there (undefined: the ASCII char stays; '': the
  // second cell of a wide cluster).
  const real: (string | undefined)[][] = [[]];
  let line = real[0];
  const standIns: string[] = [];
  let zeroWidth = false;
  for (const part of parts) {
    let standIn = '';
    forEachGrapheme(part, (g, codePoint) => {
      if (codePoint === 0x0a) {
        standIn += g;
        line = [];
        real.push(line);
        return;
      }
      if (codePoint >= 0x20 && codePoint < 0x7f) {
        standIn += g;
        line.push(undefined);
        return;
      }
      const width = graphemeWidth(g);
      if (width === 0) {
        zeroWidth = true;
        return false;
      }
      standIn += FILLER.repeat(width);
      line.push(g);
      for (let k = 1; k < width; k++) line.push('');
    });
    if (zeroWidth) return undefined;
    standIns.push(standIn);
  }
  return { parts: standIns, restore: (text, index) => (real[index] ? restoreLine(text, real[index]) : text) };
}

function restoreLine(line: string, real: readonly (string | undefined)[]): string {
  if (!real.some((cluster) => cluster !== undefined)) return line;
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
    const cluster = real[cell];
    // Only a filler is replaced: anything else in its place was not drawn from the stand-in.
    out += cluster !== undefined && ch === FILLER ? cluster : ch;
    cell++;
    i++;
  }
  return out;
}
