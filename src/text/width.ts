/**
 * Terminal cell widths of already-safe text, and cutting, padding and wrapping by cells.
 * string-width is the one authority on widths (CJK and emoji are two cells, combining marks none).
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();

/** Terminal cells of already-safe text (CJK/emoji = 2, combining = 0). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

// Widths of graphemes seen before: output repeats the same few hundred characters, and
// string-width re-segments every string it is given. Bounded so hostile input cannot grow it.
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 8192;

/** Cells of one grapheme cluster. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1) {
    const c = grapheme.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    width = stringWidth(grapheme);
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(grapheme, width);
  }
  return width;
}

/** Grapheme clusters of `text`. */
export function graphemes(text: string): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (const { segment } of segmenter.segment(text)) yield segment;
    },
  };
}

/** Cut to at most `width` cells, ending with `ellipsis` when cut; never splits a wide char or a grapheme. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const ellipsisWidth = displayWidth(ellipsis);
  // The ellipsis alone does not fit: cut the text bare rather than overflow.
  const room = ellipsisWidth <= width ? width - ellipsisWidth : width;
  let used = 0;
  let cutAt = -1; // index where the text must end if it turns out to be too wide
  let index = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (cutAt < 0 && used + w > room) cutAt = index;
    used += w;
    if (used > width) return text.slice(0, cutAt) + (ellipsisWidth <= width ? ellipsis : '');
    index += g.length;
  }
  return text;
}

/** Pad with spaces (end, or start when align === 'right') to exactly `width` cells, truncating first if needed. */
export function fitToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const cut = truncateToWidth(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'right' ? pad + cut : cut + pad;
}

/**
 * Soft-wrap safe text into chunks of at most `width` cells: breaks after spaces (dropping the
 * spaces at the break), hard-breaks words longer than a chunk. A glyph wider than the whole
 * width (a CJK char at width 1) becomes '…'. Linear time.
 */
export function wrapToWidth(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const glyphs: string[] = [];
  const widths: number[] = [];
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    glyphs.push(w > limit ? '…' : g);
    widths.push(w > limit ? 1 : w);
  }
  const chunks: string[] = [];
  const emit = (from: number, to: number) => chunks.push(glyphs.slice(from, to).join(''));
  let start = 0; // first glyph of the current chunk
  let used = 0; // cells from start to the current glyph
  let breakAt = -1; // first space of the last space run inside the chunk
  let resumeAt = -1; // first glyph after that run
  let usedAtResume = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const w = widths[i];
    if (glyphs[i] === ' ') {
      if (i > start && glyphs[i - 1] !== ' ') breakAt = i;
      if (used + w > limit) {
        emit(start, breakAt > start ? breakAt : i);
        while (i < glyphs.length && glyphs[i] === ' ') i++;
        start = i;
        used = 0;
        breakAt = -1;
        i--;
        continue;
      }
      used += w;
      resumeAt = i + 1;
      usedAtResume = used;
      continue;
    }
    if (used + w > limit) {
      if (breakAt > start) {
        emit(start, breakAt);
        start = resumeAt;
        used -= usedAtResume;
      } else {
        emit(start, i);
        start = i;
        used = 0;
      }
      breakAt = -1;
      if (used + w > limit) {
        emit(start, i);
        start = i;
        used = 0;
      }
    }
    used += w;
  }
  if (start < glyphs.length || chunks.length === 0) emit(start, glyphs.length);
  return chunks;
}
