import { describe, expect, it } from 'vitest';
import { OVERWRITTEN_MARK, toDisplayLines } from '../../src/text/index.js';
import { CORPUS, type CorpusCase } from './hostile-corpus.js';
import { expectSafeLines } from './invariants.js';

function render(c: CorpusCase, input = c.input) {
  return toDisplayLines(input, { raw: c.raw, maxLineLength: c.maxLineLength });
}

/** An overwritten line keeps a visible mark of the carriage return in its text. */
function expected(c: CorpusCase) {
  return c.lines.map((l) => (typeof l === 'string' ? { text: l, overwritten: false } : { text: OVERWRITTEN_MARK + l[0], overwritten: true }));
}

/** Prefixes at every code point boundary: what a poll sees while the output is still growing. */
function* prefixes(input: string): Generator<string> {
  for (let end = 0; end < input.length; end++) {
    const c = input.charCodeAt(end);
    if (c >= 0xdc00 && c <= 0xdfff && end > 0) {
      const h = input.charCodeAt(end - 1);
      if (h >= 0xd800 && h <= 0xdbff) continue;
    }
    yield input.slice(0, end);
  }
}

describe('hostile corpus', () => {
  it('has at least 25 inputs', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const lines = render(c);
    expect(lines.map((l) => ({ text: l.text, overwritten: l.overwritten }))).toEqual(expected(c));
    expectSafeLines(lines);
  });
});

describe('hostile corpus as a growing output', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s: every prefix is safe and never shows part of a sequence', (_name, c) => {
    const final = render(c);
    for (const prefix of prefixes(c.input)) {
      const lines = render(c, prefix);
      expectSafeLines(lines);
      expect(lines.length).toBeLessThanOrEqual(final.length);
      // Lines the prefix has finished are already final.
      for (let k = 0; k < lines.length - 1; k++) expect(lines[k], JSON.stringify(prefix)).toEqual(final[k]);
      const last = lines.at(-1);
      if (last === undefined) continue;
      const target = final[lines.length - 1];
      // The line still being written shows a beginning of what it will show (no half sequence),
      // unless a carriage return has yet to overwrite it or a grapheme is still being completed.
      if (!target.overwritten && !c.raw && !c.unstablePrefix && !/\p{Extended_Pictographic}/u.test(target.text) && !target.text.includes('… [')) {
        expect(target.text.startsWith(last.text), `${JSON.stringify(prefix)} -> ${JSON.stringify(last.text)}`).toBe(true);
      }
      if (c.raw) expect(target.text.startsWith(last.text)).toBe(true);
    }
  });
});
