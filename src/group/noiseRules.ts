/**
 * The rules by which template.ts shows another output's text at one of its sample's spans to be
 * noise of that span's kind: each answers where that noise ends in the other output, or -1.
 * walk.wat holds the same rules for ASCII texts; the two must answer alike (test/group/walk.test.ts).
 */
import { HEX_KINDS, ID_KINDS, KIND } from './fingerprint.js';

export const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexLetter = (c: number) => (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
export const isHex = (c: number) => isDigit(c) || isHexLetter(c);
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
export const isAlnum = (c: number) => isDigit(c) || isLetter(c);
const isWordChar = (c: number) => isAlnum(c) || c === 95;
/** fingerprint.ts's JOINS_AFTER (`[\w:-]`) and JOINS_BEFORE (`[\w.:-]`), by code. */
const joinsAfter = (c: number) => isWordChar(c) || c === 58 || c === 45;
const joinsBefore = (c: number) => joinsAfter(c) || c === 46;
/** fingerprint.ts's blank within a line (`[^\S\r\n]`), of ASCII. */
const isBlank = (c: number) => c === 32 || c === 9 || c === 11 || c === 12;
const isLineEnd = (c: number) => c === 10 || c === 13;
/** What some kind of noise reads on across: letters, digits, `.:,-/+_`, blanks; anything not ASCII (`µs`, other blanks). */
const isTokenChar = (c: number) => isWordChar(c) || isBlank(c) || c === 46 || c === 58 || c === 44 || c === 45 || c === 47 || c === 43 || c > 127;

/** `x` has `word` (lower case) at `at`, case-insensitively. */
function hasWordAt(x: string, at: number, word: string): boolean {
  const last = word.length - 1;
  if (at + word.length > x.length) return false;
  // First and last characters first (an ASCII case fold): most other names fail there, unsliced.
  if ((x.charCodeAt(at) | 32) !== (word.charCodeAt(0) | 32) || (x.charCodeAt(at + last) | 32) !== (word.charCodeAt(last) | 32)) return false;
  const there = x.slice(at, at + word.length);
  return there === word || there.toLowerCase() === word;
}

/** `x` from `at` to `end` is a whole word as an own name is one (nothing joins it before or after). */
export function isWholeWord(x: string, at: number, end: number): boolean {
  return !(at > 0 && joinsBefore(x.charCodeAt(at - 1))) && !(end < x.length && joinsAfter(x.charCodeAt(end)));
}

/** End of one of the instance's own names at `at`, as a whole word, or -1. */
export function ownNameAt(x: string, at: number, names: readonly string[]): number {
  for (const w of names) {
    const end = at + w.length;
    if (hasWordAt(x, at, w) && isWholeWord(x, at, end)) return end;
  }
  return -1;
}

/** A character before `x` or `X` stands only for itself: another digit there could make `0x…`, a hex id. */
export const keptBefore = (next: number) => (next | 32) === 120;

/**
 * `x` from `at` has the span's shape: the same characters but for digits (and, where `swaps`,
 * hex digits; in ids, id characters). A digit for a digit never changes what the mask's pattern
 * sees (no kind asks for one digit rather than another, but `0x`), so the span's neighbours mask
 * as in the sample. A hex letter for a digit can (`10:` then `12cd…` is a clock time where
 * `10:` then `abcd…` is not): `hexSwaps` says where it cannot.
 */
export function sameShapeEnd(codes: Uint16Array, start: number, end: number, kind: number, x: string, at: number, swaps = false): number {
  const len = end - start;
  if (at + len > x.length) return -1;
  const loose = swaps || ID_KINDS.has(kind);
  for (let i = 0; i < len; i++) {
    const a = codes[start + i];
    const b = x.charCodeAt(at + i);
    if (a === b) continue;
    if (start + i + 1 < codes.length && keptBefore(codes[start + i + 1])) return -1;
    if ((a - 48) >>> 0 <= 9 && (b - 48) >>> 0 <= 9) continue;
    if (loose && substitutes(kind, i, len, a, b)) continue;
    return -1;
  }
  return at + len;
}

/**
 * A hex kind's span of the sample (UUID, IPv6, MAC; and a hex id, for walk.wat's sweep) where any
 * hex digit may stand for another: it stands alone (no kind reads across its neighbours into it,
 * as a clock time would from `10:` or a date from `2026-12-`, or a month from `5 ` into
 * `dec::1`), and holds no IPv4 address (`::ffff:1.2.3.4`, whose digits only digits may replace).
 * The kind matched at its start then matches the same characters in any output that has the same
 * text around it.
 */
export function hexSwaps(text: string, start: number, end: number): boolean {
  const dot = text.indexOf('.', start);
  return (dot < 0 || dot >= end) && standsAlone(text, start, end);
}

/** In hex kinds any hex digit for another; in ids, after `i-` or `iz` (and before `iZ…Z`'s last `Z`), any letter or digit. */
function substitutes(kind: number, i: number, len: number, a: number, b: number): boolean {
  if (HEX_KINDS.has(kind)) return isHex(a) && isHex(b);
  return i >= 2 && (kind === KIND.instanceId || i < len - 1) && isAlnum(a) && isAlnum(b);
}

/** Durations and loose digits: the same characters, each run of digits of any length. */
export function digitRunsEnd(s: string, start: number, end: number, x: string, at: number): number {
  let i = start;
  let k = at;
  while (i < end) {
    const a = s.charCodeAt(i);
    if (isDigit(a)) {
      if (!isDigit(x.charCodeAt(k))) return -1;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      while (k < x.length && isDigit(x.charCodeAt(k))) k++;
    } else {
      if (x.charCodeAt(k) !== a) return -1;
      i++;
      k++;
    }
  }
  return k;
}

/** A hex id: 8 or more hex digits with a letter among them, or `0x` and 8 or more. */
export function hexIdEnd(s: string, start: number, x: string, at: number): number {
  const prefixed = s.charCodeAt(start) === 48 && (s.charCodeAt(start + 1) | 32) === 120;
  let k = at;
  if (prefixed) {
    if (x.charCodeAt(k) !== 48 || (x.charCodeAt(k + 1) | 32) !== 120) return -1;
    k += 2;
  }
  const from = k;
  let letter = prefixed;
  for (; k < x.length && isHex(x.charCodeAt(k)); k++) letter ||= isHexLetter(x.charCodeAt(k));
  if (k - from < 8 || !letter || (k < x.length && isWordChar(x.charCodeAt(k)))) return -1;
  return k;
}

/** The sample's span is a month and day as syslog writes them (`Dec  1`: letters, `.`?, blanks, one or two digits). */
export function isMonthDay(codes: Uint16Array, start: number, end: number): boolean {
  let k = start;
  while (k < end && isLetter(codes[k])) k++;
  if (k === start) return false;
  if (k < end && codes[k] === 46) k++;
  const blanks = k;
  while (k < end && isBlank(codes[k])) k++;
  if (k === blanks) return false;
  const digits = k;
  while (k < end && isDigit(codes[k])) k++;
  return k === end && (end - digits === 1 || end - digits === 2);
}

/**
 * Where the mask's pattern, at `at` in `x`, ends a month and day of the sample's (`isMonthDay`)
 * span `start..end`: the same month word, blanks, one or two digits, then neither a word
 * character (the day's `\b`; no `st`) nor a year the pattern would take in (`,? blanks dddd\b`).
 * Else -1: the caller runs the pattern itself. Kinds that would start before it and read on into
 * the day (a weekday, a day before the month) would have done so in the sample: the text up to
 * the day is the sample's.
 */
export function monthDayEnd(codes: Uint16Array, start: number, end: number, x: string, at: number): number {
  if (at > 0 && isWordChar(x.charCodeAt(at - 1))) return -1;
  let p = start;
  while (p < end && !isBlank(codes[p])) p++;
  const m = x.length;
  let k = at;
  for (let q = start; q < p; q++, k++) if (k >= m || x.charCodeAt(k) !== codes[q]) return -1;
  if (!isBlank(x.charCodeAt(k))) return -1;
  while (isBlank(x.charCodeAt(k))) k++;
  const day = k;
  while (isDigit(x.charCodeAt(k))) k++;
  if (k - day < 1 || k - day > 2 || isWordChar(x.charCodeAt(k))) return -1;
  let y = x.charCodeAt(k) === 44 ? k + 1 : k;
  if (isBlank(x.charCodeAt(y))) {
    while (isBlank(x.charCodeAt(y))) y++;
    const year = y;
    while (isDigit(x.charCodeAt(y))) y++;
    if (y - year === 4 && !isWordChar(x.charCodeAt(y))) return -1;
  }
  return k;
}

/** Months and weekdays by their first three letters: the words some kind reads on from across blanks. */
const JOINS_ACROSS_BLANKS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
/** First letters of the words some kind takes in after blanks: units, `am`/`pm`, `utc`/`gmt`, a month after a day. */
const TAKEN_AFTER_BLANKS = new Set('adfghjmnopsu');

/**
 * Noise of another shape than the sample's (another length, other letters) stands alone: no kind
 * of noise could join it to the text around it. Else the mask's pattern might read across, in the
 * other output though not in the sample (`10:5ms` masks as `10:<*>`, `10:15ms` as `<*>ms`): the
 * caller masks that line alone. Either side, a character no kind reads on across, or blanks with
 * such a character or a word no kind reads on from beyond them.
 */
export function standsAlone(x: string, at: number, end: number): boolean {
  return alonePast(x, at) && aloneBefore(x, end);
}

function alonePast(x: string, at: number): boolean {
  let p = at;
  while (p > 0 && isBlank(x.charCodeAt(p - 1))) p--;
  if (p === 0) return true;
  const c = x.charCodeAt(p - 1);
  if (isLineEnd(c) || !isTokenChar(c)) return true;
  if (p === at || !isLetter(c)) return false;
  let q = p - 1;
  while (q > 0 && isLetter(x.charCodeAt(q - 1))) q--;
  // A word inside a longer token (`2026-Dec`) is part of that token.
  if (q > 0 && isTokenChar(x.charCodeAt(q - 1)) && !isBlank(x.charCodeAt(q - 1))) return false;
  return p - q < 3 || !JOINS_ACROSS_BLANKS.has(x.slice(q, q + 3).toLowerCase());
}

function aloneBefore(x: string, end: number): boolean {
  let q = end;
  while (q < x.length && isBlank(x.charCodeAt(q))) q++;
  if (q === x.length) return true;
  const c = x.charCodeAt(q);
  if (isLineEnd(c) || !isTokenChar(c)) return true;
  return q > end && isLetter(c) && !TAKEN_AFTER_BLANKS.has(String.fromCharCode(c | 32));
}

/** `x` at `k` goes on as the sample does after a span ending at `end`. */
export function follows(s: string, end: number, x: string, k: number): boolean {
  return k >= 0 && (end === s.length ? k === x.length : x.charCodeAt(k) === s.charCodeAt(end));
}
