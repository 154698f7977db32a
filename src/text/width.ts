/**
 * Terminal cell widths of already-safe text, and cutting, padding and wrapping by cells.
 * string-width is the one authority on widths (CJK and emoji are two cells, combining marks none).
 */
import stringWidth from 'string-width';

// Made on first use: creating one loads ICU's break data (tens of ms), which a run that measures
// only ASCII (a status line) never needs.
let graphemeSegmenter: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (graphemeSegmenter ??= new Intl.Segmenter());

// Code points that can join a neighbour into one grapheme cluster (UAX #29): marks and other
// extenders, ZWJ, prepended signs, Hangul jamo, emoji modifiers, regional indicators (flags), and
// lone surrogates. Other format characters (bidi controls, ZWSP) are clusters of their own. Two
// adjacent code points outside this set always have a grapheme boundary between them, so only
// the short islands around these need Intl.Segmenter, which is the slow part of measuring.
const CLUSTERING = new RegExp(
  '[\\p{M}\\p{Grapheme_Extend}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u200D' +
    '\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u0D4E\\u0E33\\u0EB3' +
    '\\u1100-\\u11FF\\uA960-\\uA97F\\uD7B0-\\uD7FF\\uD800-\\uDFFF\\u{110BD}\\u{110CD}\\u{111C2}\\u{111C3}' +
    '\\u{113D1}\\u{1193F}\\u{11941}\\u{11A3A}\\u{11A84}-\\u{11A89}\\u{11D46}\\u{11F02}]',
  'u',
);
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

// Per code point facts, filled on first use (255 = not yet known).
const clusteringTable = new Uint8Array(0x110000).fill(255);
const widthTable = new Uint8Array(0x110000).fill(255);

function isClustering(codePoint: number): boolean {
  if (codePoint < 0x300) return false; // no mark or joiner before U+0300
  let clustering = clusteringTable[codePoint];
  if (clustering === 255) {
    clustering = CLUSTERING.test(String.fromCodePoint(codePoint)) ? 1 : 0;
    clusteringTable[codePoint] = clustering;
  }
  return clustering === 1;
}

/** Cells of the code point `codePoint` standing alone. */
export function codePointWidth(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  let width = widthTable[codePoint];
  if (width === 255) {
    width = stringWidth(String.fromCodePoint(codePoint));
    widthTable[codePoint] = width;
  }
  return width;
}

function codePointLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c >= 0xd800 && c <= 0xdbff && at + 1 < text.length) {
    const d = text.charCodeAt(at + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Calls `visit` with each grapheme cluster of `text`, in order, and the cluster's code point when
 * it is a single one (else -1); stops early when `visit` returns false.
 */
export function forEachGrapheme(
  text: string,
  visit: (grapheme: string, codePoint: number) => boolean | void,
): void {
  const n = text.length;
  let k = 0;
  while (k < n) {
    const cp = text.codePointAt(k)!;
    const size = codePointLength(text, k);
    if (!isClustering(cp) && (k + size === n || !isClustering(text.codePointAt(k + size)!))) {
      if (visit(size === 1 ? text[k] : text.slice(k, k + 2), cp) === false) return;
      k += size;
      continue;
    }
    // An island: runs until two adjacent code points that cannot cluster.
    let previousClustering = isClustering(cp);
    let end = k + size;
    while (end < n) {
      const next = text.codePointAt(end)!;
      const nextClustering = isClustering(next);
      if (!nextClustering && !previousClustering) break;
      previousClustering = nextClustering;
      end += codePointLength(text, end);
    }
    if (!segmentIsland(text, k, end, visit)) return;
    k = end;
  }
}

// Intl.Segmenter in Node 20 slows down with the length of the string it walks (quadratic in
// practice: 60 000 graphemes take seconds), so islands are segmented in windows of this size.
const SEGMENT_WINDOW = 256;

function visitSegment(segment: string, visit: (grapheme: string, codePoint: number) => boolean | void): boolean {
  const single = segment.length === codePointLength(segment, 0) ? segment.codePointAt(0)! : -1;
  return visit(segment, single) !== false;
}

/**
 * Segments text[from, to) window by window. The last segment of a window may go on past it, so
 * it is left for the next window; a cluster longer than a whole window (stacked marks) is
 * gathered across windows.
 */
function segmentIsland(
  text: string,
  from: number,
  to: number,
  visit: (grapheme: string, codePoint: number) => boolean | void,
): boolean {
  let k = from;
  // A cluster longer than a window, still being gathered: its pieces (joined once, since
  // reading a string built by += flattens it each time) and its last code point.
  const giant: string[] = [];
  let giantTail = '';
  const lastCodePoint = (piece: string) => {
    const at = piece.length >= 2 && codePointLength(piece, piece.length - 2) === 2 ? piece.length - 2 : piece.length - 1;
    return piece.slice(at);
  };
  while (k < to) {
    let end = Math.min(to, k + SEGMENT_WINDOW);
    if (end < to && codePointLength(text, end - 1) === 2) end--; // never split a surrogate pair
    const isLast = end === to;
    const parts = Array.from(segmenter().segment(text.slice(k, end)), (s) => s.segment);
    let p = 0;
    if (giant.length > 0) {
      const joined = Array.from(segmenter().segment(giantTail + parts[0])).length === 1;
      if (joined) {
        giant.push(parts[0]);
        giantTail = lastCodePoint(parts[0]);
        k += parts[0].length;
        p = 1;
        if (parts.length === 1 && !isLast) continue; // still going on
      }
      if (!visitSegment(giant.join(''), visit)) return false;
      giant.length = 0;
    }
    const keep = isLast ? parts.length : parts.length - 1;
    if (p === 0 && keep === 0) {
      giant.push(parts[0]); // one cluster fills the whole window
      giantTail = lastCodePoint(parts[0]);
      k += parts[0].length;
      continue;
    }
    for (; p < keep; p++) {
      if (!visitSegment(parts[p], visit)) return false;
      k += parts[p].length;
    }
  }
  if (giant.length > 0) return visitSegment(giant.join(''), visit);
  return true;
}

/**
 * Terminal cells of already-safe text (CJK/emoji = 2, combining = 0). The same number as
 * string-width, which sums a width per grapheme cluster; measured per cluster here so that
 * repeated characters hit a cache.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (text.includes('\u001b') || text.includes('\u009b')) return stringWidth(text);
  let width = 0;
  forEachGrapheme(text, (g) => {
    width += graphemeWidth(g);
  });
  return width;
}

// Widths of clusters seen before: output repeats the same few hundred, and string-width
// re-segments every string it is given. Bounded so hostile input cannot grow it.
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 8192;
const CACHED_CLUSTER_LENGTH = 32;

/** Cells of one grapheme cluster. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === codePointLength(grapheme, 0)) return codePointWidth(grapheme.codePointAt(0)!);
  if (grapheme.length > CACHED_CLUSTER_LENGTH) return stringWidth(grapheme);
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    width = stringWidth(grapheme);
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(grapheme, width);
  }
  return width;
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
  let tooWide = false;
  forEachGrapheme(text, (g) => {
    const w = graphemeWidth(g);
    if (cutAt < 0 && used + w > room) cutAt = index;
    used += w;
    index += g.length;
    tooWide = used > width;
    return !tooWide;
  });
  return tooWide ? text.slice(0, cutAt) + (ellipsisWidth <= width ? ellipsis : '') : text;
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
  forEachGrapheme(text, (g) => {
    const w = graphemeWidth(g);
    glyphs.push(w > limit ? '…' : g);
    widths.push(w > limit ? 1 : w);
  });
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
