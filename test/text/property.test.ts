import { describe, expect, it } from 'vitest';
import { displayWidth, fitToWidth, sanitizeInline, toDisplayLines, truncateToWidth, wrapToWidth } from '../../src/text/index.js';
import { expectSafeLines, expectSafeText } from './invariants.js';

/** mulberry32: a small seeded PRNG so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ESC = '\x1b';
// Pieces that make terminals act, and text that makes widths hard.
const ALPHABET: string[] = [
  ...'abc XYZ 019;[]\\?#(P_^%'.split(''),
  ESC, ESC + '[', ESC + ']', ESC + 'P', ESC + '_', ESC + '^', ESC + 'X', ESC + '\\', ESC + '(', ESC + ' ',
  '\x00', '\x07', '\b', '\t', '\n', '\x0b', '\x0c', '\r', '\r\n', '\x0e', '\x18', '\x1a', '\x7f',
  '\u0080', '\u0085', '\u008d', '\u0090', '\u0098', '\u009b', '\u009c', '\u009d', '\u009e', '\u009f',
  '\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200d', '\ufeff', '\u00ad',
  '\u2028', '\u2029', '\u3164', '\u{e0041}',
  '\ud800', '\udc00', '\udbff',
  '中', '文', '한', '\u1100', '\u1161', '\uff76', '\uff9e', 'é', 'e\u0301', '\u0301', '\u0915\u094d\u0937',
  '😀', '👨‍👩‍👧', '🇺', '🇸', '👍🏽', '\ufe0f', '❤', '1\ufe0f\u20e3',
  '31m', '38;5;200m', '38;2;1;2;3m', '0;t', '52;c;QQ==',
];

function randomText(next: () => number, maxPieces: number): string {
  const count = Math.floor(next() * maxPieces);
  const pieces: string[] = [];
  for (let k = 0; k < count; k++) pieces.push(ALPHABET[Math.floor(next() * ALPHABET.length)]);
  return pieces.join('');
}

const CASES = 3000;

describe('property: nothing unsafe comes out, widths agree', () => {
  it(`toDisplayLines (plain, keepSgr, raw, short lines) on ${CASES} random strings`, () => {
    const next = prng(0xc47a);
    for (let n = 0; n < CASES; n++) {
      const text = randomText(next, 60);
      for (const options of [{}, { keepSgr: true }, { raw: true }, { maxLineLength: 7, tabWidth: 4 }]) {
        expectSafeLines(toDisplayLines(text, options), JSON.stringify({ text, options }));
      }
    }
  });

  it(`sanitizeInline on ${CASES} random strings`, () => {
    const next = prng(0x5eed);
    for (let n = 0; n < CASES; n++) {
      const out = sanitizeInline(randomText(next, 60));
      expectSafeText(out);
      if (out.includes('\t')) expect.fail(JSON.stringify(out));
    }
  });

  it(`truncate, fit and wrap stay within the width on ${CASES} random safe strings`, () => {
    const next = prng(0xfeed);
    for (let n = 0; n < CASES; n++) {
      const safe = sanitizeInline(randomText(next, 30));
      const width = Math.floor(next() * 12);
      const cut = truncateToWidth(safe, width);
      const context = JSON.stringify({ safe, width, cut });
      if (displayWidth(cut) > width) expect.fail(`too wide: ${context}`);
      // Cut on a grapheme boundary: what is kept is a beginning of the text, then the ellipsis.
      if (cut !== safe && !(cut.endsWith('…') && safe.startsWith(cut.slice(0, -1))) && cut !== '') expect.fail(`bad cut: ${context}`);
      if (displayWidth(fitToWidth(safe, width)) !== width) expect.fail(`fit: ${context}`);
      if (displayWidth(fitToWidth(safe, width, 'right')) !== width) expect.fail(`fit right: ${context}`);
      const wrapWidth = Math.max(1, width);
      for (const chunk of wrapToWidth(safe, wrapWidth)) if (displayWidth(chunk) > wrapWidth) expect.fail(`wrap: ${context}`);
    }
  });
});
