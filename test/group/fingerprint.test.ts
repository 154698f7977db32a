import { describe, expect, it } from 'vitest';
import { FINGERPRINT_LENGTH, fingerprint, maskOutput } from '../../src/group/index.js';
import { ownWords } from '../../src/group/fingerprint.js';
import { DIFFER_WHEN_MASKED, SAME_WHEN_MASKED } from './noiseCases.js';

/** Two outputs that must share a fingerprint in masked mode, and differ in strict mode. */
function sameWhenMasked(a: string, b: string) {
  expect(a).not.toBe(b);
  expect(fingerprint(a, 'strict')).not.toBe(fingerprint(b, 'strict'));
  expect(fingerprint(a)).toBe(fingerprint(b));
}

describe('masked fingerprints hide noise', () => {
  const cases = SAME_WHEN_MASKED;
  for (const [kind, a, b, masked] of cases) {
    it(kind, () => {
      sameWhenMasked(a, b);
      expect(maskOutput(a)).toBe(masked);
      expect(maskOutput(b)).toBe(masked);
    });
  }

  it("hides the instance's own names, hostnames and IPs, as whole words, in any case", () => {
    const a = 'web-0001 at 10.0.0.5 (WEB-0001.prod.example.com) via fd00::5';
    const b = 'web-0002 at 10.0.0.6 (WEB-0002.prod.example.com) via fd00::6';
    const ownA = { names: ['web-0001'], ips: ['10.0.0.5', 'fd00::5'] };
    const ownB = { names: ['web-0002'], ips: ['10.0.0.6', 'fd00::6'] };
    expect(fingerprint(a)).not.toBe(fingerprint(b)); // the names differ, and numbers are signal
    expect(fingerprint(a, 'masked', ownA)).toBe(fingerprint(b, 'masked', ownB));
    expect(maskOutput(a, 'masked', ownA)).toBe('<*> at <*> (<*>.prod.example.com) via <*>');
    // Not inside another word or a longer name; names under 3 characters are ignored.
    expect(maskOutput('web-00011 myweb-0001 web-0001x', 'masked', ownA)).toBe('web-00011 myweb-0001 web-0001x');
    expect(maskOutput('db at db', 'masked', { names: ['db'], ips: [] })).toBe('db at db');
    expect(maskOutput('x', 'masked', { names: [], ips: [] })).toBe('x');
    // Characters that mean something in a pattern are taken literally.
    expect(maskOutput('a.b+c ok axb+c', 'masked', { names: ['a.b+c'], ips: [] })).toBe('<*> ok axb+c');
  });

  it('takes own names trimmed and in any case, longest first, once, and none across a line break', () => {
    expect(ownWords({ names: ['  Web-0001 ', 'web-0001', 'web-0001.PROD.example.com', 'a\nb-host', 'x\r'], ips: ['10.0.0.5', '\u00a010.0.0.5'] })).toEqual([
      'web-0001.prod.example.com',
      'web-0001',
      '10.0.0.5',
    ]);
    const name = 'db-0002.internal';
    expect(ownWords({ names: [name], ips: [] })[0]).toBe(name);
    expect(maskOutput('DB-0002.INTERNAL up', 'masked', { names: [' db-0002.Internal\t'], ips: [] })).toBe('<*> up');
  });

  it('finds own names next to characters whose lower case is longer, and in long runs of their letters', () => {
    const own = { names: ['web-0001'], ips: [] };
    expect(maskOutput('İstanbul web-0001 WEB-0001', 'masked', own)).toBe('İstanbul <*> <*>');
    const run = 'q'.repeat(100_000);
    expect(maskOutput(`${run} qqq`, 'masked', { names: ['qqq'], ips: [] }) === `${run} <*>`).toBe(true);
    expect(maskOutput('x'.repeat(300), 'masked', { names: ['x'.repeat(300)], ips: [] })).toBe('x'.repeat(300));
  });

  it('gives a short hex hash', () => {
    expect(fingerprint('hello')).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(fingerprint('')).toBe(fingerprint('', 'strict'));
  });
});

describe('masked fingerprints keep signal', () => {
  const differ = DIFFER_WHEN_MASKED;
  for (const [kind, a, b] of differ) {
    it(kind, () => {
      expect(fingerprint(a)).not.toBe(fingerprint(b));
    });
  }

  it('masks within a line: no noise spans a line break', () => {
    expect(maskOutput('took 5\nms and Dec\n 1')).toBe('took 5\nms and Dec\n 1');
    expect(maskOutput('took 5 ms and Dec  1')).toBe('took <*> and <*>');
  });

  it('leaves text without noise as it is', () => {
    const text = 'multi-threaded i-node face std::string v1.2 exit 2 load 0.5, separate Decimal 5 mayor';
    expect(maskOutput(text)).toBe(text);
  });
});

describe('loose fingerprints also hide numbers', () => {
  it('groups outputs that differ by numbers only', () => {
    expect(fingerprint('failed: 3 tests, web01', 'loose')).toBe(fingerprint('failed: 4 tests, web02', 'loose'));
    expect(maskOutput('disk 93% at 1.22.10 on web01', 'loose')).toBe('disk <*>% at <*>.<*>.<*> on web<*>');
    expect(maskOutput('at 2026-12-01T02:03:04Z', 'loose')).toBe('at <*>');
    expect(fingerprint('error: a', 'loose')).not.toBe(fingerprint('error: b', 'loose'));
  });
});

describe('strict fingerprints are the bytes', () => {
  it('masks nothing', () => {
    expect(maskOutput('at 2026-12-01T02:03:04Z on 10.0.0.1', 'strict')).toBe('at 2026-12-01T02:03:04Z on 10.0.0.1');
    expect(fingerprint('a ', 'strict')).not.toBe(fingerprint('a', 'strict'));
  });
});

describe('masking cost is linear', () => {
  // Each input is what a backtracking pattern would stumble on; a quadratic pattern would not end
  // within the test's time on 200,000 characters.
  const n = 200_000;
  const hostile: Array<[string, string]> = [
    ['a hex run ending in a word character', 'a'.repeat(n) + 'g'],
    ['a digit run with units', '1'.repeat(n) + 'x'],
    ['colons', '1:'.repeat(n / 2)],
    ['dots', '1.'.repeat(n / 2)],
    ['hex groups and colons', 'ab:'.repeat(n / 3)],
    ['dashes', '1-'.repeat(n / 2)],
    ['an endless instance id', 'i-' + 'z'.repeat(n)],
    ['months', 'Dec '.repeat(n / 4)],
  ];
  for (const [kind, text] of hostile) {
    it(kind, () => {
      const masked = maskOutput(text, 'loose');
      expect(masked.length).toBeGreaterThan(0);
      expect(maskOutput(text).length).toBeLessThanOrEqual(text.length + 8);
    });
  }
});
