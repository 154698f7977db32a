import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, fitToWidth, toDisplayLines, truncateToWidth, wrapToWidth } from '../../src/text/index.js';
import { forEachGrapheme } from '../../src/text/width.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['中文', 4],
    ['한국어', 6],
    ['ｶﾞ', 2], // halfwidth katakana with its voiced mark
    ['e\u0301', 1], // combining acute
    ['a\u0300\u0301\u0302', 1],
    ['😀', 2],
    ['👨‍👩‍👧', 2], // ZWJ family
    ['👍🏽', 2], // skin tone modifier
    ['🇯🇵🇺🇸', 4], // flags
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 2], // tag sequence flag
    ['1\ufe0f\u20e3', 2], // keycap
    ['<U+202E>', 8],
    ['a中😀e\u0301', 6],
  ])('%j is %i cells', (text, cells) => {
    expect(displayWidth(text)).toBe(cells);
  });

  it('agrees with string-width on mixed scripts (it is the authority; we only cache)', () => {
    const samples = ['\u0915\u094d\u0937\u093f', 'ﾊﾟﾋﾟ', '\u1100\u1161\u11a8', 'Ａｂｃ', '⌚⏰☀️', 'x\u20dd', 'ا\u064b', 'ก\u0e33'];
    for (const sample of samples) expect(displayWidth(sample), sample).toBe(stringWidth(sample));
  });
});

describe('truncateToWidth', () => {
  it('leaves text that fits alone', () => {
    expect(truncateToWidth('hello', 5)).toBe('hello');
    expect(truncateToWidth('中文', 4)).toBe('中文');
  });
  it('ends a cut with the ellipsis inside the width', () => {
    expect(truncateToWidth('hello world', 8)).toBe('hello w…');
    expect(truncateToWidth('hello', 4, '...')).toBe('h...');
  });
  it('never splits a wide character', () => {
    expect(truncateToWidth('中文字', 4)).toBe('中…');
    expect(truncateToWidth('a中文字', 4)).toBe('a中…');
    expect(truncateToWidth('中文字', 1)).toBe('…');
    expect(truncateToWidth('中文字', 0)).toBe('');
  });
  it('never splits a grapheme', () => {
    expect(truncateToWidth('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(truncateToWidth('👨‍👩‍👧👨‍👩‍👧', 3)).toBe('👨‍👩‍👧…');
    expect(truncateToWidth('🇯🇵🇺🇸', 3)).toBe('🇯🇵…');
  });
  it('cuts bare when the ellipsis itself does not fit', () => {
    expect(truncateToWidth('abcdef', 2, '...')).toBe('ab');
  });
});

describe('fitToWidth', () => {
  it('pads to exactly the width, at the end or the start', () => {
    expect(fitToWidth('ab', 5)).toBe('ab   ');
    expect(fitToWidth('ab', 5, 'right')).toBe('   ab');
    expect(fitToWidth('中', 3)).toBe('中 ');
  });
  it('truncates first, padding the cell a wide character could not use', () => {
    expect(fitToWidth('中文字', 4)).toBe('中… ');
    expect(fitToWidth('abcdef', 4)).toBe('abc…');
    expect(displayWidth(fitToWidth('中文字', 4, 'right'))).toBe(4);
  });
});

describe('wrapToWidth', () => {
  it('breaks at spaces', () => {
    expect(wrapToWidth('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
  });
  it('hard-breaks words longer than the width', () => {
    expect(wrapToWidth('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapToWidth('ab abcdefghij', 4)).toEqual(['ab', 'abcd', 'efgh', 'ij']);
  });
  it('never splits a wide character', () => {
    expect(wrapToWidth('中文中文中', 3)).toEqual(['中', '文', '中', '文', '中']);
    expect(wrapToWidth('a中文', 4)).toEqual(['a中', '文']);
  });
  it('keeps leading indentation and empty text', () => {
    expect(wrapToWidth('  ab cd', 5)).toEqual(['  ab', 'cd']);
    expect(wrapToWidth('', 5)).toEqual(['']);
  });
  it('shows a character wider than the whole width as an ellipsis', () => {
    expect(wrapToWidth('a中b', 1)).toEqual(['a', '…', 'b']);
  });
  it('wraps a long line whole, every chunk within the width', () => {
    const chunks = wrapToWidth('word '.repeat(20_000), 80);
    expect(chunks.every((c) => displayWidth(c) <= 80)).toBe(true);
    expect(chunks.join(' ').replace(/ +/g, ' ').trim()).toBe('word '.repeat(20_000).trim());
  });
});

// Work done, counted rather than timed: each call of the string, array and segmenter methods the
// text code reads with, plus the elements each call walks (a slice's, a join's, a segmented or
// tested string's length). Linear code does about four times the work on four times the input;
// quadratic code sixteen.
function workOf(run: () => void): number {
  let work = 0;
  const originals: [object, string, unknown][] = [];
  const count = (owner: object, name: string, size: (self: unknown, args: unknown[], result: unknown) => number) => {
    const methods = owner as Record<string, (...args: unknown[]) => unknown>;
    const original = methods[name];
    originals.push([owner, name, original]);
    methods[name] = function (this: unknown, ...args: unknown[]) {
      const result = Reflect.apply(original, this, args);
      work += 1 + size(this, args, result);
      return result;
    };
  };
  const none = () => 0;
  const lengthOf = (value: unknown) => (value as { length?: number } | null)?.length ?? 0;
  count(String.prototype, 'codePointAt', none);
  count(String.prototype, 'charCodeAt', none);
  count(String.prototype, 'slice', (_, __, result) => lengthOf(result));
  count(String.prototype, 'includes', (self) => lengthOf(self));
  count(RegExp.prototype, 'test', (_, args) => lengthOf(args[0]));
  count(Intl.Segmenter.prototype, 'segment', (_, args) => lengthOf(args[0]));
  count(Array, 'from', (_, __, result) => lengthOf(result));
  count(Array.prototype, 'push', (_, args) => args.length - 1);
  count(Array.prototype, 'slice', (_, __, result) => lengthOf(result));
  count(Array.prototype, 'join', (self) => lengthOf(self));
  try {
    work = 0; // setting up counted some pushes
    run();
    return work;
  } finally {
    for (const [owner, name, original] of originals.reverse()) (owner as Record<string, unknown>)[name] = original;
  }
}

describe('work done by measuring, cutting and wrapping', () => {
  // ASCII words, and words of wide, combining, emoji and flag clusters (through the segmenter).
  const inputs = { ascii: 'word ', mixed: 'ab中文 e\u0301x 👍🏽 🇯🇵 한국어 ' };
  const n = 500;
  // Caches fill on first sight of a cluster: warm them so both sizes see the same state.
  const measure = (f: (text: string) => unknown, unit: string) => {
    f(unit.repeat(4 * n));
    return [workOf(() => f(unit.repeat(n))), workOf(() => f(unit.repeat(4 * n)))];
  };

  it.each(Object.entries(inputs))('wrapToWidth is linear (%s)', (_, unit) => {
    const [small, large] = measure((t) => wrapToWidth(t, 80), unit);
    expect(small).toBeGreaterThanOrEqual(unit.length * n); // it counts: at least one step a character
    expect(large / small).toBeGreaterThan(3);
    expect(large / small).toBeLessThan(5);
  });

  it.each(Object.entries(inputs))('displayWidth is linear (%s)', (_, unit) => {
    const [small, large] = measure(displayWidth, unit);
    expect(small).toBeGreaterThanOrEqual(n);
    expect(large / small).toBeGreaterThan(3);
    expect(large / small).toBeLessThan(5);
  });

  it.each(Object.entries(inputs))('truncateToWidth reads only what it keeps, however long the text (%s)', (_, unit) => {
    const [small, large] = measure((t) => truncateToWidth(t, 80), unit);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(unit.length * n);
    expect(large).toBe(small);
  });
});

describe('display line widths', () => {
  it('measures CJK, emoji and combining marks per cell', () => {
    const [line] = toDisplayLines('中文 👨‍👩‍👧 e\u0301\n');
    expect(line.text).toBe('中文 👨‍👩‍👧 e\u0301');
    expect(line.width).toBe(4 + 1 + 2 + 1 + 1);
  });
  it('expands tabs by cells after wide characters', () => {
    expect(toDisplayLines('中文\tx')[0].text).toBe('中文    x');
    expect(toDisplayLines('a\tb', { tabWidth: 4 })[0].text).toBe('a   b');
  });
});

describe('grapheme walk (islands around clustering code points)', () => {
  const segmenter = new Intl.Segmenter();
  const pieces = ['a', ' ', '中', '한', '\u1100', '\u1161', '\u11a8', 'e\u0301', '\u0301', '\u200d', '\u200b', '\u202e', '😀', '❤', '\ufe0f', '🇺', '🇸', '🏽', '\u0915', '\u094d', '\u0600', '1', '\u20e3', '\u{e0041}', '\uff9e', '\u0e33'];

  it('cuts where Intl.Segmenter cuts, on random strings', () => {
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 2000; n++) {
      const count = Math.floor(next() * 40);
      const text = Array.from({ length: count }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const mine: string[] = [];
      forEachGrapheme(text, (g) => {
        mine.push(g);
      });
      expect(mine, JSON.stringify(text)).toEqual(Array.from(segmenter.segment(text), (s) => s.segment));
    }
  });

  it('gathers a cluster longer than a segmenting window, and long islands, in order', () => {
    const zalgo = 'e' + '\u0301'.repeat(1000);
    const flags = '🇺🇸'.repeat(300);
    const text = `x${zalgo}y${flags}z`;
    const mine: string[] = [];
    forEachGrapheme(text, (g) => {
      mine.push(g);
    });
    expect(mine).toEqual(['x', zalgo, 'y', ...Array(300).fill('🇺🇸'), 'z']);
  });
});
