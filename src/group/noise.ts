/**
 * The kinds of noise that masked fingerprints hide (listed in fingerprint.ts), each recognised
 * by hand at one position: `noiseAt` returns where the noise starting there ends, or -1. Each
 * kind keeps the choices of a backtracking pattern (greedy, longest first, then the next
 * alternative), so the first kind that matches wins as in an alternation. Reads stop at `end`
 * (the end of the output, or where a name of the instance's own starts), which reads as -1.
 */
import { at, digits, hexRun, isDigit, isLetter, isSpace, isWord, wordAt } from './chars.js';

/** What must not follow: nothing, a digit, a digit or `:`, a word character. */
const ANY = 0;
const NO_DIGIT = 1;
const NO_DIGIT_COLON = 2;

function follows(b: Uint16Array, t: number, end: number, rule: number): boolean {
  if (rule === ANY) return true;
  const c = at(b, t, end);
  return !(isDigit(c) || (rule === NO_DIGIT_COLON && c === 58));
}

/** `\b` at `t`. */
function boundary(b: Uint16Array, t: number, end: number): boolean {
  return isWord(at(b, t - 1, end)) !== isWord(at(b, t, end));
}

function twoDigits(b: Uint16Array, i: number, end: number): boolean {
  return digits(b, i, end, 2) === 2;
}

/** A zone (`Z`, ` UTC`, `GMT`, `+08:00`, ` +0800`) or none, then `rule`. */
function zoneThen(b: Uint16Array, q: number, end: number, rule: number): number {
  const c = at(b, q, end);
  if (isLetter(c, 122) && follows(b, q + 1, end, rule)) return q + 1;
  const sp = isSpace(c) ? 1 : 0;
  for (let s = q + sp; s >= q; s--) {
    if ((wordAt(b, s, end, 'utc') || wordAt(b, s, end, 'gmt')) && follows(b, s + 3, end, rule)) return s + 3;
  }
  for (let s = q + sp; s >= q; s--) {
    const sign = at(b, s, end);
    if ((sign !== 43 && sign !== 45) || !twoDigits(b, s + 1, end)) continue;
    if (at(b, s + 3, end) === 58 && twoDigits(b, s + 4, end) && follows(b, s + 6, end, rule)) return s + 6;
    if (twoDigits(b, s + 3, end) && follows(b, s + 5, end, rule)) return s + 5;
  }
  return follows(b, q, end, rule) ? q : -1;
}

/** `:ss` with an optional fraction after `k`, each choice tried with `then`, then without. */
function secondsThen(b: Uint16Array, k: number, end: number, then: (b: Uint16Array, q: number, end: number) => number): number {
  if (at(b, k, end) === 58 && twoDigits(b, k + 1, end)) {
    const k2 = k + 3;
    const f = at(b, k2, end);
    if (f === 46 || f === 44) {
      for (let n = digits(b, k2 + 1, end, 9); n >= 1; n--) {
        const r = then(b, k2 + 1 + n, end);
        if (r >= 0) return r;
      }
    }
    const r = then(b, k2, end);
    if (r >= 0) return r;
  }
  return then(b, k, end);
}

const zoneNoDigit = (b: Uint16Array, q: number, end: number) => zoneThen(b, q, end, NO_DIGIT);

/** ISO 8601 extended: `2026-12-01`, then optionally `T02:03:04.5+08:00` (or `_`, a space). */
function isoDate(b: Uint16Array, p: number, end: number): number {
  if (digits(b, p, end, 4) !== 4 || at(b, p + 4, end) !== 45) return -1;
  let i = p + 5;
  const m = digits(b, i, end, 2);
  if (m === 0 || at(b, i + m, end) !== 45) return -1;
  i += m + 1;
  const d = digits(b, i, end, 2);
  if (d === 0) return -1;
  const j = i + d;
  const s = at(b, j, end);
  if ((isLetter(s, 116) || s === 95 || s === 32) && twoDigits(b, j + 1, end) && at(b, j + 3, end) === 58 && twoDigits(b, j + 4, end)) {
    const r = secondsThen(b, j + 6, end, zoneNoDigit);
    if (r >= 0) return r;
  }
  return isDigit(at(b, j, end)) ? -1 : j;
}

/** ISO 8601 basic: `20261201T020304Z`. */
function isoBasic(b: Uint16Array, p: number, end: number): number {
  if (digits(b, p, end, 8) !== 8 || !isLetter(at(b, p + 8, end), 116) || digits(b, p + 9, end, 6) !== 6) return -1;
  const base = p + 15;
  const f = at(b, base, end);
  const z = (q: number) => (isLetter(at(b, q, end), 122) && !isWord(at(b, q + 1, end)) ? q + 1 : !isWord(at(b, q, end)) ? q : -1);
  if (f === 46 || f === 44) {
    for (let n = digits(b, base + 1, end, 9); n >= 1; n--) {
      const r = z(base + 1 + n);
      if (r >= 0) return r;
    }
  }
  return z(base);
}

/** Month names and the lengths of their forms, longest first (`sep`, `sept`, `september`). */
const MONTHS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['january', [7, 3]],
  ['february', [8, 3]],
  ['march', [5, 3]],
  ['april', [5, 3]],
  ['may', [3]],
  ['june', [4, 3]],
  ['july', [4, 3]],
  ['august', [6, 3]],
  ['september', [9, 4, 3]],
  ['october', [7, 3]],
  ['november', [8, 3]],
  ['december', [8, 3]],
];
const WEEKDAY = 16;

/** Three lower-case letters as 15 bits, or -1. */
function trigram(b: Uint16Array, i: number, end: number): number {
  let key = 0;
  for (let k = 0; k < 3; k++) {
    const l = at(b, i + k, end) | 32;
    if (l < 97 || l > 122) return -1;
    key = (key << 5) | (l - 96);
  }
  return key;
}

/** Month (1 to 12) or WEEKDAY by the first three letters: one look-up per word tried. */
const TRIGRAMS = new Uint8Array(1 << 15);
const keyOf = (w: string) => ((w.charCodeAt(0) - 96) << 10) | ((w.charCodeAt(1) - 96) << 5) | (w.charCodeAt(2) - 96);
MONTHS.forEach(([name], k) => (TRIGRAMS[keyOf(name)] = k + 1));
for (const w of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) TRIGRAMS[keyOf(w)] = WEEKDAY;

/** The first two letters of every month and weekday name. */
export const NAME_PAIRS: readonly string[] = [...MONTHS.map(([name]) => name), 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((w) => w.slice(0, 2));

/** Whether a month or weekday name starts at `i` (else no month-name date can start there). */
function monthOrWeekday(b: Uint16Array, i: number, end: number): boolean {
  const key = trigram(b, i, end);
  return key >= 0 && TRIGRAMS[key] !== 0;
}

/**
 * The lengths of the month name's forms at `i`, longest first, four bits each (0: none), so
 * that the many words tried allocate nothing: `for (let f = forms; f; f >>= 4) use(f & 15)`.
 */
function monthForms(b: Uint16Array, i: number, end: number): number {
  const key = trigram(b, i, end);
  const month = key < 0 ? 0 : TRIGRAMS[key];
  if (month === 0 || month === WEEKDAY) return 0;
  const [name, lengths] = MONTHS[month - 1];
  let forms = 0;
  let shift = 0;
  for (const n of lengths) {
    if (n > 3 && !wordAt(b, i, end, name, n)) continue;
    forms |= n << shift;
    shift += 4;
  }
  return forms;
}

/** Apache and nginx: `01/Dec/2026:02:03:04 +0800`. */
function apache(b: Uint16Array, p: number, end: number): number {
  const d = digits(b, p, end, 2);
  if (d === 0 || at(b, p + d, end) !== 47) return -1;
  const i = p + d + 1;
  for (let f = monthForms(b, i, end); f; f >>= 4) {
    const n = f & 15;
    const j = i + n + 1;
    if (at(b, i + n, end) !== 47 || digits(b, j, end, 4) !== 4) continue;
    let k = j + 4;
    if (at(b, k, end) === 58 && twoDigits(b, k + 1, end) && at(b, k + 3, end) === 58 && twoDigits(b, k + 4, end) && at(b, k + 6, end) === 58 && twoDigits(b, k + 7, end)) k += 9;
    const sign = at(b, k + 1, end);
    if (isSpace(at(b, k, end)) && (sign === 43 || sign === 45) && digits(b, k + 2, end, 4) === 4) k += 6;
    return k;
  }
  return -1;
}

/** After `Tue, ` / `Tuesday `: where the date goes on, or -1. */
function weekday(b: Uint16Array, p: number, end: number): number {
  const key = trigram(b, p, end);
  if (key < 0 || TRIGRAMS[key] !== WEEKDAY) return -1;
  let i = p + 3;
  let letters = 0;
  while (((at(b, i, end) | 32) >= 97 && (at(b, i, end) | 32) <= 122) && letters <= 6) {
    i++;
    letters++;
  }
  if (letters > 6) return -1;
  if (at(b, i, end) === 44) i++;
  const s = i;
  while (isSpace(at(b, i, end))) i++;
  return i > s ? i : -1;
}

function spacesFrom(b: Uint16Array, i: number, end: number): number {
  while (isSpace(at(b, i, end))) i++;
  return i;
}

/** `,? +2026` after `q` with `\b` after: where it ends, or -1. */
function yearAfter(b: Uint16Array, q: number, end: number, comma: boolean): number {
  const i = comma && at(b, q, end) === 44 ? q + 1 : q;
  const s = spacesFrom(b, i, end);
  if (s === i || digits(b, s, end, 4) !== 4) return -1;
  return boundary(b, s + 4, end) ? s + 4 : -1;
}

/** `Dec 1`, `Dec 1st, 2026`, `1 Dec 2026`, each with `\b` after. */
function monthDate(b: Uint16Array, i: number, end: number): number {
  for (let f = monthForms(b, i, end); f; f >>= 4) {
    const j = i + (f & 15);
    for (let dot = at(b, j, end) === 46 ? 1 : 0; dot >= 0; dot--) {
      const s = spacesFrom(b, j + dot, end);
      if (s === j + dot) continue;
      for (let d = digits(b, s, end, 2); d >= 1; d--) {
        const q = s + d;
        const x = at(b, q, end) | 32;
        const y = at(b, q + 1, end) | 32;
        const suffix = (x === 115 && y === 116) || (x === 110 && y === 100) || (x === 114 && y === 100) || (x === 116 && y === 104);
        for (let q2 = suffix ? q + 2 : q; q2 >= q; q2 -= 2) {
          const r = yearAfter(b, q2, end, true);
          if (r >= 0) return r;
          if (boundary(b, q2, end)) return q2;
        }
      }
    }
  }
  const d = digits(b, i, end, 2);
  if (d === 0) return -1;
  const k = spacesFrom(b, i + d, end);
  if (k === i + d) return -1;
  for (let f = monthForms(b, k, end); f; f >>= 4) {
    const j = k + (f & 15);
    for (let q = at(b, j, end) === 46 ? j + 1 : j; q >= j; q--) {
      const r = yearAfter(b, q, end, false);
      if (r >= 0) return r;
      if (boundary(b, q, end)) return q;
    }
  }
  return -1;
}

function monthNames(b: Uint16Array, p: number, end: number): number {
  const w = weekday(b, p, end);
  if (w >= 0) {
    const r = monthDate(b, w, end);
    if (r >= 0) return r;
  }
  return monthDate(b, p, end);
}

const isDateSep = (c: number) => c === 47 || c === 46 || c === 45;

/** `2026/12/01`, `2026.12.01`, `01/12/2026`, `01.12.2026`, `01-12-2026`. */
function numericDate(b: Uint16Array, p: number, end: number): number {
  if (digits(b, p, end, 4) === 4) {
    const s = at(b, p + 4, end);
    if (s === 47 || s === 46) {
      const i = p + 5;
      const m = digits(b, i, end, 2);
      const s2 = at(b, i + m, end);
      if (m > 0 && (s2 === 47 || s2 === 46)) {
        const j = i + m + 1;
        const d = digits(b, j, end, 2);
        if (d > 0 && !isWord(at(b, j + d, end))) return j + d;
      }
    }
  }
  const d = digits(b, p, end, 2);
  if (d === 0 || !isDateSep(at(b, p + d, end))) return -1;
  const i = p + d + 1;
  const m = digits(b, i, end, 2);
  if (m === 0 || !isDateSep(at(b, i + m, end))) return -1;
  const j = i + m + 1;
  return digits(b, j, end, 4) === 4 && !isWord(at(b, j + 4, end)) ? j + 4 : -1;
}

function hexExactly(b: Uint16Array, i: number, end: number, n: number): boolean {
  return hexRun(b, i, end, n) === n;
}

const UUID_GROUPS = [8, 4, 4, 4];

function uuid(b: Uint16Array, p: number, end: number): number {
  let i = p;
  for (const n of UUID_GROUPS) {
    if (!hexExactly(b, i, end, n) || at(b, i + n, end) !== 45) return -1;
    i += n + 1;
  }
  return hexExactly(b, i, end, 12) && !isWord(at(b, i + 12, end)) ? i + 12 : -1;
}

const zoneNoDigitColon = (b: Uint16Array, q: number, end: number) => zoneThen(b, q, end, NO_DIGIT_COLON);

/** ` PM`, `am` or none, then a zone or none, then no digit nor `:`. */
function meridiemThen(b: Uint16Array, q: number, end: number): number {
  const c = at(b, q, end);
  const ap = (x: number) => isLetter(x, 97) || isLetter(x, 112);
  if (isSpace(c) && ap(at(b, q + 1, end)) && isLetter(at(b, q + 2, end), 109)) {
    const r = zoneNoDigitColon(b, q + 3, end);
    if (r >= 0) return r;
  }
  if (ap(c) && isLetter(at(b, q + 1, end), 109)) {
    const r = zoneNoDigitColon(b, q + 2, end);
    if (r >= 0) return r;
  }
  return zoneNoDigitColon(b, q, end);
}

/** Clock times: `02:03`, `2:03 PM`, `02:03:04,123`, with a zone when one follows. */
function clock(b: Uint16Array, p: number, end: number): number {
  const h = digits(b, p, end, 2);
  if (h === 0 || at(b, p + h, end) !== 58 || !twoDigits(b, p + h + 1, end)) return -1;
  return secondsThen(b, p + h + 3, end, meridiemThen);
}

export { isoDate, isoBasic, apache, monthNames, monthOrWeekday, numericDate, uuid, clock };
