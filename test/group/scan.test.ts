import { describe, expect, it } from 'vitest';
import { maskOutput, type OwnIdentity } from '../../src/group/index.js';
import { regexMask } from './regexMask.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces the kinds of noise are made of, and their near misses.
const PIECES = [
  '0', '1', '2', '12', '123', '2026', '20261201', '020304', '1234', '99999', '0x', 'ff', 'e89b', 'deadbeef', 'cafe', 'abcdef12', 'g',
  '-', '-', ':', ':', '::', '.', '.', '/', ',', ' ', ' ', '  ', '\t', '\n', '+', '_', '[', ']', '(', '<', '*', '>',
  'T', 't', 'Z', 'z', 'UTC', 'gmt', 'am', 'PM', 'Dec', 'december', 'Sept', 'may', 'Jun', 'Tue', 'Monday', 'st', 'th',
  'ms', 's', 'm', 'h', 'd', 'ns', '\u00b5s', '\u03bcs', 'us', 'sec', 'seconds', 'min', 'hours', 'days', 'mss',
  'i-', 'iZ', 'bp1', 'abcdefgh', 'web', 'web-01', 'WEB-01', 'x', 'std', 'a\u00a0', '\u0130', '\u0085', '\u3000', '\u2028',
];

const SEPARATORS = ['-', ':', '.', '/', ' ', 'T', ',', '::', ' +', 'Z '];
const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];

/** Groups of digits or hex joined by the separators of dates, times and addresses. */
function shaped(next: () => number): string {
  let out = '';
  const groups = 1 + Math.floor(next() * 8);
  for (let k = 0; k < groups; k++) {
    const len = pick(next, [1, 2, 2, 3, 4, 4, 8, 12]);
    const hex = next() < 0.3;
    for (let j = 0; j < len; j++) out += hex ? pick(next, [...'0123456789abcdef']) : String(Math.floor(next() * 10));
    if (k < groups - 1) out += pick(next, SEPARATORS);
  }
  return out;
}

function text(next: () => number, pieces: number): string {
  let out = '';
  for (let k = 0; k < pieces; k++) out += next() < 0.4 ? shaped(next) : pick(next, PIECES);
  return out;
}

describe('the scanner masks as the regular expression did', () => {
  const own: OwnIdentity = { names: ['web-01', 'dec'], ips: ['10.0.0.1', 'fe80::1', '12'] };
  for (const [mode, withOwn] of [['masked', false], ['masked', true], ['loose', false], ['loose', true]] as const) {
    it(`on generated text, ${mode}${withOwn ? ', with own names' : ''}`, () => {
      const next = random(mode.length * 7 + (withOwn ? 1 : 0));
      const differ: string[] = [];
      let changed = 0;
      for (let k = 0; k < 5000; k++) {
        const t = text(next, 2 + Math.floor(next() * 14));
        const o = withOwn ? own : undefined;
        const ours = maskOutput(t, mode, o);
        if (ours !== regexMask(t, mode, o)) differ.push(JSON.stringify(t));
        if (ours !== t) changed++;
      }
      expect(differ.slice(0, 10)).toEqual([]);
      // The pieces make noise often enough for the comparison to say something.
      expect(changed).toBeGreaterThan(2500);
    });
  }
});

describe('where the scanner differs from the regular expression', () => {
  it('folds the case of own names character by character (the context-dependent final sigma is not folded)', () => {
    const own = { names: ['\u03a3\u0391\u03a3'], ips: [] };
    expect(maskOutput('host \u03a3\u0391\u03a3 up', 'masked', own)).toBe('host <*> up');
    expect(maskOutput('host \u03c3\u03b1\u03c3 up', 'masked', own)).toBe('host <*> up');
    // Lower-casing the whole text made the last sigma final; the regular expression matched it.
    expect(regexMask('host \u03c3\u03b1\u03c2 up', 'masked', own)).toBe('host <*> up');
    expect(maskOutput('host \u03c3\u03b1\u03c2 up', 'masked', own)).toBe('host \u03c3\u03b1\u03c2 up');
  });
});
