/**
 * One display line as terminal cells, so a carriage return can overwrite from column 0 the way a
 * terminal does, tabs land on cell stops, and a line of megabytes keeps only what fits.
 */
import { displayWidth } from './width.js';
import { sameStyle, PLAIN_STYLE } from './sgr.js';
import type { DisplayLine, StyledSpan, TextStyle } from './types.js';

// The right-hand cells of a wide glyph.
const CONTINUATION = '';

export class LineBuilder {
  private cells: string[] = [];
  private styles: TextStyle[] = [];
  private cursor = 0;
  /** Rightmost cell ever reached, stored or not. */
  private extent = 0;
  private overwritten = false;
  /** A CR moved the cursor back over text; the next glyph overwrites. */
  private crPending = false;
  style: TextStyle = PLAIN_STYLE;

  constructor(
    private readonly maxCells: number,
    private readonly tabWidth: number,
    private readonly keepStyles: boolean,
  ) {}

  /** Writes one glyph of `width` cells at the cursor. */
  readonly put = (glyph: string, width: number): void => {
    if (this.crPending) {
      this.overwritten = true;
      this.crPending = false;
    }
    const cells = this.cells;
    const at = this.cursor;
    const end = at + width;
    this.cursor = end;
    if (end > this.extent) this.extent = end;
    if (end > this.maxCells) {
      // Past the cut: counted, not kept. A wide glyph straddling the cut leaves no half behind.
      if (at < cells.length) this.truncateCells(at);
      return;
    }
    if (at === cells.length) {
      cells.push(glyph);
      for (let k = 1; k < width; k++) cells.push(CONTINUATION);
      if (this.keepStyles) for (let k = 0; k < width; k++) this.styles.push(this.style);
      return;
    }
    while (cells.length < at) this.pushBlank();
    // Overwriting: a wide glyph partly covered loses its other half, as on a terminal.
    if (at < cells.length && cells[at] === CONTINUATION) {
      for (let k = at - 1; k >= 0; k--) {
        const lead = cells[k] !== CONTINUATION;
        cells[k] = ' ';
        if (lead) break;
      }
    }
    for (let k = end; k < cells.length && cells[k] === CONTINUATION; k++) cells[k] = ' ';
    for (let k = 0; k < width; k++) {
      cells[at + k] = k === 0 ? glyph : CONTINUATION;
      if (this.keepStyles) this.styles[at + k] = this.style;
    }
  };

  /** A run of printable ASCII: one cell per char, skipped in bulk past the cut. */
  putAscii(run: string): void {
    const kept = Math.min(run.length, Math.max(0, this.maxCells - this.cursor));
    for (let k = 0; k < kept; k++) this.put(run[k], 1);
    if (kept === run.length) return;
    if (this.crPending) {
      this.overwritten = true;
      this.crPending = false;
    }
    this.cursor += run.length - kept;
    if (this.cursor > this.extent) this.extent = this.cursor;
  }

  carriageReturn(): void {
    this.cursor = 0;
    if (this.extent > 0) this.crPending = true;
  }

  /** Moves to the next tab stop; like a terminal it does not erase what it passes over. */
  tab(): void {
    const next = (Math.floor(this.cursor / this.tabWidth) + 1) * this.tabWidth;
    while (this.cells.length < Math.min(next, this.maxCells)) this.pushBlank();
    this.cursor = next;
    if (next > this.extent) this.extent = next;
  }

  finish(): DisplayLine {
    let text = this.cells.join('');
    const cut = this.extent - this.cells.length;
    const marker = cut > 0 ? `… [${cut} more]` : '';
    text += marker;
    const line: DisplayLine = { text, width: displayWidth(text), overwritten: this.overwritten };
    if (this.keepStyles) line.spans = this.spans(marker);
    return line;
  }

  private spans(marker: string): StyledSpan[] {
    const spans: StyledSpan[] = [];
    let from = 0;
    for (let k = 1; k <= this.cells.length; k++) {
      if (k < this.cells.length && sameStyle(this.styles[k], this.styles[from])) continue;
      spans.push({ ...this.styles[from], text: this.cells.slice(from, k).join('') });
      from = k;
    }
    if (marker) spans.push({ text: marker });
    return spans;
  }

  private pushBlank(): void {
    this.cells.push(' ');
    if (this.keepStyles) this.styles.push(PLAIN_STYLE);
  }

  private truncateCells(length: number): void {
    if (this.cells[length] === CONTINUATION) {
      for (let k = length - 1; k >= 0; k--) {
        const lead = this.cells[k] !== CONTINUATION;
        this.cells[k] = ' ';
        if (lead) break;
      }
    }
    this.cells.length = length;
    this.styles.length = Math.min(this.styles.length, length);
  }
}
