/**
 * The kinds of noise after dates and times (see noise.ts for how a kind is recognised): IPv6,
 * MAC and IPv4 addresses, instance ids and ECS default hostnames, long hex ids, durations.
 */
import { at, digits, hexRun, isAlnum, isDigit, isHex, isLetter, isMu, isSpace, isWord, wordAt } from './chars.js';

/** A group of 1 to 4 hex digits at `i`: where it ends, or -1 (a longer run is no group). */
function hexGroup(b: Uint16Array, i: number, end: number): number {
  const n = hexRun(b, i, end, 5);
  return n >= 1 && n <= 4 ? i + n : -1;
}

/** Four octets of 1 to 3 digits: where the last ends (what follows is the caller's), or -1. */
function ipv4At(b: Uint16Array, i: number, end: number): number {
  for (let k = 0; k < 3; k++) {
    const d = digits(b, i, end, 3);
    if (d === 0 || at(b, i + d, end) !== 46) return -1;
    i += d + 1;
  }
  const d = digits(b, i, end, 3);
  return d === 0 ? -1 : i + d;
}

/** Not followed by a word character, `:`, or `.` and a digit. */
function v6Ends(b: Uint16Array, j: number, end: number): boolean {
  const c = at(b, j, end);
  return !(isWord(c) || c === 58 || (c === 46 && isDigit(at(b, j + 1, end))));
}

/** An optional `:` and IPv4 address after `j`, then the end of the address. */
function v6Tail(b: Uint16Array, j: number, end: number): number {
  if (at(b, j, end) === 58) {
    const v = ipv4At(b, j + 1, end);
    if (v >= 0 && v6Ends(b, v, end)) return v;
  }
  return v6Ends(b, j, end) ? j : -1;
}

const groupEnds = new Int32Array(8);

/** Up to `max` more `:group`s after `s`, as many as will do (most first), then the tail. */
function v6Groups(b: Uint16Array, s: number, end: number, max: number): number {
  let n = 0;
  groupEnds[0] = s;
  while (n < max && at(b, groupEnds[n], end) === 58) {
    const g = hexGroup(b, groupEnds[n] + 1, end);
    if (g < 0) break;
    groupEnds[++n] = g;
  }
  for (; n >= 0; n--) {
    const r = v6Tail(b, groupEnds[n], end);
    if (r >= 0) return r;
  }
  return -1;
}

/** `2001:db8::8a2e:370:7334`, `fe80::1`, `::ffff:10.0.0.1`, eight groups in full. */
function ipv6(b: Uint16Array, p: number, end: number, prev: number): number {
  if (isWord(prev) || prev === 58 || prev === 46) return -1;
  // Groups each followed by `:`, at most seven.
  let i = p;
  let k = 0;
  while (k < 7) {
    const g = hexGroup(b, i, end);
    if (g < 0 || at(b, g, end) !== 58) break;
    i = g + 1;
    k++;
  }
  if (k === 7) {
    const g = hexGroup(b, i, end);
    const r = g < 0 ? -1 : v6Tail(b, g, end);
    if (r >= 0) return r;
  }
  if (k >= 1 && at(b, i, end) === 58) {
    const g = hexGroup(b, i + 1, end);
    const r = g < 0 ? -1 : v6Groups(b, g, end, 6);
    if (r >= 0) return r;
    const t = v6Tail(b, i + 1, end);
    if (t >= 0) return t;
  }
  if (at(b, p, end) === 58 && at(b, p + 1, end) === 58) {
    const g = hexGroup(b, p + 2, end);
    if (g >= 0) return v6Groups(b, g, end, 6);
  }
  return -1;
}

/** `00:16:3e:12:34:56` or with dashes. */
function mac(b: Uint16Array, p: number, end: number): number {
  let i = p;
  for (let k = 0; k < 5; k++) {
    const s = at(b, i + 2, end);
    if (!isHex(at(b, i, end)) || !isHex(at(b, i + 1, end)) || (s !== 58 && s !== 45)) return -1;
    i += 3;
  }
  return isHex(at(b, i, end)) && isHex(at(b, i + 1, end)) && !isWord(at(b, i + 2, end)) ? i + 2 : -1;
}

function ipv4(b: Uint16Array, p: number, end: number, prev: number): number {
  if (isWord(prev) || prev === 46) return -1;
  const v = ipv4At(b, p, end);
  if (v < 0) return -1;
  const c = at(b, v, end);
  return isWord(c) || (c === 46 && isDigit(at(b, v + 1, end))) ? -1 : v;
}

function alnumRun(b: Uint16Array, i: number, end: number): number {
  let n = 0;
  while (isAlnum(at(b, i + n, end))) n++;
  return n;
}

/** `i-bp1abcdefgh12345` and `iZbp1abcdefgh12345Z`. */
function instanceId(b: Uint16Array, p: number, end: number): number {
  if (!isLetter(at(b, p, end), 105)) return -1;
  const c = at(b, p + 1, end);
  const n = c === 45 || isLetter(c, 122) ? alnumRun(b, p + 2, end) : 0;
  const after = at(b, p + 2 + n, end);
  if (c === 45 && n >= 8 && !isWord(after)) return p + 2 + n;
  if (isLetter(c, 122) && n >= 9 && isLetter(at(b, p + 1 + n, end), 122) && !isWord(after)) return p + 2 + n;
  return -1;
}

/** `0x` and 8 or more hex digits, or 8 or more hex digits with a letter among them. */
function longHex(b: Uint16Array, p: number, end: number): number {
  if (at(b, p, end) === 48 && isLetter(at(b, p + 1, end), 120)) {
    const n = hexRun(b, p + 2, end, Infinity);
    if (n >= 8 && !isWord(at(b, p + 2 + n, end))) return p + 2 + n;
  }
  let i = p;
  while (isDigit(at(b, i, end))) i++;
  const c = at(b, i, end) | 32;
  if (c < 97 || c > 102) return -1;
  const n = hexRun(b, p, end, Infinity);
  return n >= 8 && !isWord(at(b, p + n, end)) ? p + n : -1;
}

/** Digits with an optional fraction: where they end, or -1. */
function number(b: Uint16Array, i: number, end: number): number {
  if (!isDigit(at(b, i, end))) return -1;
  while (isDigit(at(b, i, end))) i++;
  if (at(b, i, end) === 46 && isDigit(at(b, i + 1, end))) {
    i += 2;
    while (isDigit(at(b, i, end))) i++;
  }
  return i;
}

/** Ends of the units `ns us µs ms s m h d` at `i`, in that order, two per number (0: none). */
function unitEnds(b: Uint16Array, i: number, end: number): number {
  const c = at(b, i, end);
  const s = isLetter(at(b, i + 1, end), 115);
  if ((isLetter(c, 110) || isLetter(c, 117) || isMu(c)) && s) return i + 2;
  if (isLetter(c, 109)) return s ? (i + 2) * 0x10000 + i + 1 : i + 1;
  if (isLetter(c, 115) || isLetter(c, 104) || isLetter(c, 100)) return i + 1;
  return 0;
}

/** `(unit number){0,4} unit \b` after a number ending at `i`. */
function unitChain(b: Uint16Array, i: number, end: number, reps: number): number {
  const ends = unitEnds(b, i, end);
  if (ends === 0) return -1;
  const first = ends >= 0x10000 ? Math.floor(ends / 0x10000) : ends;
  const second = ends >= 0x10000 ? ends % 0x10000 : 0;
  if (reps < 4) {
    for (let k = 0; k < 2; k++) {
      const u = k === 0 ? first : second;
      if (u === 0) continue;
      const j = number(b, u, end);
      const r = j < 0 ? -1 : unitChain(b, j, end, reps + 1);
      if (r >= 0) return r;
    }
  }
  if (!isWord(at(b, first, end))) return first;
  if (second && !isWord(at(b, second, end))) return second;
  return -1;
}

/** Unit words in the pattern's order, with whether a plural `s` may follow. */
const UNIT_WORDS: ReadonlyArray<readonly [string, boolean]> = [
  ['nanosecond', true],
  ['microsecond', true],
  ['millisecond', true],
  ['msec', true],
  ['ns', false],
  ['us', false],
  ['\u00b5s', false],
  ['ms', false],
  ['sec', true],
  ['second', true],
  ['min', true],
  ['minute', true],
  ['hr', true],
  ['hour', true],
  ['day', true],
];

function unitWord(b: Uint16Array, i: number, end: number): number {
  const c = at(b, i, end) | 32;
  // Every unit word starts with one of these.
  if (c !== 110 && c !== 109 && c !== 117 && c !== 115 && c !== 104 && c !== 100 && !isMu(c & ~32) && !isMu(c)) return -1;
  for (const [word, plural] of UNIT_WORDS) {
    if (!wordAt(b, i, end, word)) continue;
    const j = i + word.length;
    if (plural && isLetter(at(b, j, end), 115) && !isWord(at(b, j + 1, end))) return j + 1;
    if (!isWord(at(b, j, end))) return j;
  }
  return -1;
}

/** `12ms`, `1.5s`, `3m20s`, `0m0.003s`, `250µs`, `12 ms`, `5 seconds`, `3 days`. */
function duration(b: Uint16Array, p: number, end: number): number {
  const n = number(b, p, end);
  if (n < 0) return -1;
  const r = unitChain(b, n, end, 0);
  if (r >= 0) return r;
  for (let s = isSpace(at(b, n, end)) ? n + 1 : n; s >= n; s--) {
    const w = unitWord(b, s, end);
    if (w >= 0) return w;
  }
  return -1;
}

export { ipv6, mac, ipv4, instanceId, longHex, duration };
