/**
 * Printable runs to cell-sized glyphs, with every invisible or reordering code point turned into
 * a visible `<U+XXXX>` marker.
 */
import { codePointMarker, hasMarkedCodePoint, MARKED_CODE_POINT } from './controls.js';
import { codePointWidth, forEachGrapheme, graphemeWidth } from './width.js';

/** Receives one glyph: a grapheme cluster with its cells (1 or more), or one ASCII char of a marker. */
export type GlyphSink = (glyph: string, width: number) => void;

// Emoji sequences keep their ZWJ and tag characters: the set is closed, so nothing hides in them.
// Compiled on first use (tens of ms): only a cluster with a marked code point asks.
let rgiEmoji: RegExp | undefined;
const isRgiEmoji = (g: string): boolean => (rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(g);

// Whether a code point is marked, filled on first use (2 = not yet known).
const markedTable = new Uint8Array(0x110000).fill(2);

function isMarked(codePoint: number): boolean {
  if (codePoint < 0x7f) return false;
  let marked = markedTable[codePoint];
  if (marked === 2) {
    marked = MARKED_CODE_POINT.test(String.fromCodePoint(codePoint)) ? 1 : 0;
    markedTable[codePoint] = marked;
  }
  return marked === 1;
}

function putMarker(codePoint: number, put: GlyphSink): void {
  const marker = codePointMarker(codePoint);
  for (let k = 0; k < marker.length; k++) put(marker[k], 1);
}

/** Walks a printable run (no controls, no line breaks) glyph by glyph. */
export function forEachGlyph(run: string, ascii: boolean, put: GlyphSink): void {
  if (ascii) {
    for (let k = 0; k < run.length; k++) put(run[k], 1);
    return;
  }
  forEachGrapheme(run, (g, codePoint) => {
    if (codePoint >= 0) {
      const w = codePointWidth(codePoint);
      if (w === 0 || isMarked(codePoint)) putMarker(codePoint, put);
      else put(g, w);
      return;
    }
    if (hasMarkedCodePoint(g) && !isRgiEmoji(g)) {
      // Keep the pieces between markers together (a base with its combining marks).
      let piece = '';
      for (const ch of g) {
        if (!MARKED_CODE_POINT.test(ch)) {
          piece += ch;
          continue;
        }
        putCluster(piece, put);
        piece = '';
        putMarker(ch.codePointAt(0)!, put);
      }
      putCluster(piece, put);
      return;
    }
    putCluster(g, put);
  });
}

// Longer than any emoji sequence (about 17 code units). Beyond it a cluster is stacked marks
// ("Zalgo") that terminals draw over the lines around it, or choke on when there are megabytes.
const MAX_CLUSTER_LENGTH = 32;

function putCluster(cluster: string, put: GlyphSink): void {
  if (cluster === '') return;
  if (cluster.length > MAX_CLUSTER_LENGTH) {
    const kept = cluster.slice(0, cluster.codePointAt(MAX_CLUSTER_LENGTH - 1)! > 0xffff ? MAX_CLUSTER_LENGTH - 1 : MAX_CLUSTER_LENGTH);
    putCluster(kept, put);
    let dropped = 0;
    for (let k = kept.length; k < cluster.length; k++) if (!(cluster.charCodeAt(k) >= 0xdc00 && cluster.charCodeAt(k) <= 0xdfff)) dropped++;
    const note = `<+${dropped} marks>`;
    for (let k = 0; k < note.length; k++) put(note[k], 1);
    return;
  }
  const w = graphemeWidth(cluster);
  // A cluster with no cells of its own (a combining mark cut off from its base by a control or
  // an escape) would stick to whatever precedes it on screen: show it as a marker instead.
  if (w === 0) for (const ch of cluster) putMarker(ch.codePointAt(0)!, put);
  else put(cluster, w);
}

// ---------------------------------------------------------------- ASCII screens

/**
 * Whether the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE, LANG that is set
 * decides (POSIX order). None set reads as UTF-8, as every current terminal is.
 */
export function utf8Locale(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
  return !locale || /utf-?8/i.test(locale);
}

/** One-cell ASCII stand-ins for the glyphs catop draws itself (markers, arrows, borders). */
const ASCII_GLYPHS: Record<string, string> = {
  '✓': '+',
  '✗': 'x',
  '↻': '~',
  '⊘': '-',
  '●': '*',
  '·': '|',
  '…': '.',
  '—': '-',
  '▸': '>',
  '›': '>',
  '↺': 'r',
  '↓': 'v',
  '↑': '^',
  '←': '<',
  '→': '>',
  '─': '-',
  '│': '|',
};
for (const corner of '┌┐└┘├┤┬┴┼╭╮╰╯') ASCII_GLYPHS[corner] = '+';

const NON_ASCII_RUN = /[^\u0000-\u007f]+/g;

/**
 * `text` with every non-ASCII glyph replaced by ASCII of the same width: ours by their stand-ins,
 * anything else by one `?` per cell (marks that take no cell go). Escape sequences are ASCII and
 * pass unchanged, so a whole frame can go through here and keep its layout.
 */
export function asciiGlyphs(text: string): string {
  return text.replace(NON_ASCII_RUN, (run) => {
    let out = '';
    forEachGrapheme(run, (g) => {
      out += ASCII_GLYPHS[g] ?? '?'.repeat(graphemeWidth(g));
    });
    return out;
  });
}
