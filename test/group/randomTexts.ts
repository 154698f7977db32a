// Random texts for the grouping tests: a seeded generator, and lines made of noise of every kind
// beside the separators and words some kind reads across (`10:`, `2026-12-`, `5 dec`), with edits
// that keep a character's class or change it.

/** mulberry32: integers in [0, k). The low bits of a plain LCG repeat too soon for several small draws in a row. */
export function mulberry32(seed: number): (k: number) => number {
  let s = seed;
  return (k) => {
    s = (s + 0x6d2b79f5) | 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) % k;
  };
}

const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function randomTexts(rand: (k: number) => number) {
  const pick = <T>(xs: ArrayLike<T>): T => xs[rand(xs.length)];
  const run = (chars: string, n: number) => Array.from({ length: n }, () => pick(chars)).join('');
  const tokens: Array<() => string> = [
    () => run(DIGITS, 1 + rand(4)),
    () => run(HEX, 8 + rand(6)),
    () => `${run(HEX, 8)}-${run(HEX, 4)}-${run(HEX, 4)}-${run(HEX, 4)}-${run(HEX, 12)}`,
    // Hex kinds (UUID, IPv6, MAC) beside what reads across into them: half the tokens.
    ...Array.from({ length: 12 }, () => () => pick(['fe80::1', 'dec::1', 'ab:cd:ef:01:23:45', '::ffff:1.2.3.4', '2001:db8::a1', `${run(HEX, 8)}-${run(HEX, 4)}-${run(HEX, 4)}-${run(HEX, 4)}-${run(HEX, 12)}`]) + pick([':', '-', ' ', '.', ''])),
    () => pick(['dec', 'feb', 'mon', 'ms', 's', 'd', 'am', 'utc', 't', 'z', 'i-', 'iz', '0x', 'abc', 'take']),
    () => pick([':', '-', '/', '.', ',', '+', '_', ' ', '  ', ' ', ' ', '\n']),
    () => `${run(DIGITS, 2)}:${run(DIGITS, 2)}:${run(DIGITS, 2)}`,
    () => `2026-12-${run(DIGITS, 2)}`,
    () => `10.${run(DIGITS, 1)}.${run(DIGITS, 2)}.${run(DIGITS, 1)}`,
    () => `i-${run(HEX, 10)}`,
    () => `${run(DIGITS, 2)}ms`,
    () => `Dec ${pick([' 5', '12'])}`,
    () => `${run(DIGITS, 1)}m${run(DIGITS, 2)}s`,
    () => `${run(DIGITS, 1)}:${run(DIGITS, 2)} ${pick(['am', 'PM', 'utc', '+0800'])}`,
    () => `${pick(['Mon', 'tue'])}, ${pick(['Dec', 'jan'])} ${run(DIGITS, 1)} ${run(DIGITS, 4)}`,
    () => `[${run(DIGITS, 2)}/Dec/2026:${run(DIGITS, 2)}:10:11 +0800]`,
    () => `${run(HEX, 2)}-${run(HEX, 2)}-${run(HEX, 2)}-${run(HEX, 2)}-${run(HEX, 2)}-${run(HEX, 2)}`,
    () => `0x${run(HEX, 9)}`,
    () => `iZbp1${run(HEX, 8)}Z`,
    () => pick(['web-01', 'web-01.prod', '10.0.0.7', 'WEB-01']),
  ];
  return {
    /** A line or two of 3 to 12 tokens. */
    text: () => `${Array.from({ length: 3 + rand(10) }, () => pick(tokens)()).join('')}\n`,
    /** `s` with one to three characters changed (a digit to a digit or a hex letter, a letter to a letter, a blank to two or a digit...), a digit put in, or one taken out. */
    edited(s: string): string {
      const a = [...s];
      for (let n = 1 + rand(3); n > 0; n--) {
        const i = rand(a.length);
        const c = a[i];
        if (/\d/.test(c)) a[i] = pick(rand(2) ? DIGITS : 'abcdef');
        else if (/[a-f]/.test(c)) a[i] = pick(HEX);
        else if (/[a-z]/.test(c)) a[i] = pick(LETTERS);
        else if (/[A-Z]/.test(c)) a[i] = c.toLowerCase();
        else if (c === ' ') a[i] = rand(2) ? '  ' : pick(DIGITS);
        else if (rand(3) === 0) a[i] = pick([':', '-', '.', ' ', '/', 'a', '1']);
        if (rand(10) === 0) a.splice(i, 0, pick(DIGITS));
        if (rand(20) === 0) a.splice(i, 1);
      }
      return a.join('');
    },
  };
}
