// Character classes over UTF-16 code units, as the scanner (scan.ts, noise.ts) reads them: the
// same sets as JavaScript's `\w`, `\d` and `\s`, and ASCII-only case folding (as `/i` does
// without the `u` flag). A position past the end reads as -1, which is in no class.

/** The code unit at `i`, or -1 at or past `end` (a name of the instance's own starts there). */
export function at(b: Uint16Array, i: number, end: number): number {
  return i < end ? b[i] : -1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `[A-Za-z0-9_]`. */
export function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
}

/** `[0-9a-z]` in any case. */
export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** `[0-9a-f]` in any case. */
export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** ASCII letter `lower` (given in lower case) in either case; -1 and non-ASCII never match. */
export function isLetter(c: number, lower: number): boolean {
  return (c | 32) === lower;
}

/** `µ` as `/µ/i` matches it: the micro sign, and Greek mu in both cases. */
export function isMu(c: number): boolean {
  return c === 0xb5 || c === 0x3bc || c === 0x39c;
}

/** `\s`: ASCII and Unicode white space and line terminators. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** How many digits from `i`, at most `max`. */
export function digits(b: Uint16Array, i: number, end: number, max: number): number {
  let k = 0;
  while (k < max && i + k < end && isDigit(b[i + k])) k++;
  return k;
}

/** How many hex digits from `i`, at most `max`. */
export function hexRun(b: Uint16Array, i: number, end: number, max: number): number {
  let k = 0;
  while (k < max && i + k < end && isHex(b[i + k])) k++;
  return k;
}

/** `word`'s first `n` characters (ASCII letters in lower case, `µ` for its family) at `i`, in any case. */
export function wordAt(b: Uint16Array, i: number, end: number, word: string, n = word.length): boolean {
  if (i + n > end) return false;
  for (let k = 0; k < n; k++) {
    const w = word.charCodeAt(k);
    const c = b[i + k];
    if (w === 0xb5 ? !isMu(c) : (c | 32) !== w) return false;
  }
  return true;
}

const lowerCache = new Map<number, number>();

/** Lower case of one code unit (unchanged when its lower case is not one code unit). */
export function lowerCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, l);
  }
  return l;
}
