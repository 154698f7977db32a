/**
 * One pass over an output's UTF-16 code units that finds its noise (noise.ts, addresses.ts) and
 * the instance's own names, and hashes the masked text as it goes, without building it: most
 * characters are inside words, where no noise starts, and cost a table test and two multiplies.
 *
 * The hash is Σ (unit + 1) × W[position mod 256] mod 2^32 in two lanes with fixed random odd
 * weights W, each lane mixed (a bijection) after every 256 units: little carried state, so the
 * multiplies do not wait on each other, and tables small enough to stay in cache (1 MB of weights
 * ran 3x slower on a busy machine). Two texts that differ in one unit never collide; otherwise a
 * lane collides with odds of about 2^-32. It is a function of the masked text alone (a noise
 * placeholder hashes as its three characters), so equal masked texts give equal hashes. It is
 * not meant to resist crafted collisions: an instance that controls its output can print the
 * majority's output anyway.
 */
import { endianness } from 'node:os';
import { digits, hexRun, isDigit, isMu, isSpace, isWord, lowerCode } from './chars.js';
import { NAME_PAIRS, apache, clock, isoBasic, isoDate, monthNames, monthOrWeekday, numericDate, uuid } from './noise.js';
import { duration, instanceId, ipv4, ipv6, longHex, mac } from './addresses.js';

export const STRICT = 0;
export const MASKED = 1;
export const LOOSE = 2;

/** What noise becomes, as code units. */
const LT = 60;
const STAR = 42;
const GT = 62;

const BLOCK = 256;
const MASK = BLOCK - 1;

function weights(seed: number): Int32Array {
  const w = new Int32Array(BLOCK);
  let s = seed | 0;
  for (let k = 0; k < w.length; k++) {
    // splitmix32
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    w[k] = (z ^ (z >>> 16)) | 1;
  }
  return w;
}
const W1 = weights(0x2545f491);
const W2 = weights(0x6c8e9cf5);

const LITTLE_ENDIAN = endianness() === 'LE';
let units = new Uint16Array(4096);
let unitBytes = Buffer.from(units.buffer);

/** The text's code units in a buffer reused from call to call (a native copy). */
function load(text: string): Uint16Array {
  if (units.length < text.length) {
    units = new Uint16Array(Math.max(text.length, units.length * 2));
    unitBytes = Buffer.from(units.buffer);
  }
  if (LITTLE_ENDIAN) unitBytes.write(text, 0, text.length * 2, 'utf16le');
  else for (let k = 0; k < text.length; k++) units[k] = text.charCodeAt(k);
  return units;
}

/**
 * First two characters a letter-led kind can start with: hex and a hex digit, `:` or `-`
 * (UUIDs, IPv6, MAC, hex ids), `i-` and `iz`, and the first two letters of a month or weekday.
 */
const LETTER_PAIRS = new Uint8Array(128 * 128);
for (let c0 = 97; c0 <= 122; c0++) {
  for (let c1 = 0; c1 < 0x80; c1++) {
    const l1 = c1 | 32;
    const hex = c0 <= 102 && (isDigit(c1) || (l1 >= 97 && l1 <= 102) || c1 === 58 || c1 === 45);
    const id = c0 === 105 && (c1 === 45 || l1 === 122);
    const name = l1 >= 97 && l1 <= 122 && NAME_PAIRS.includes(String.fromCharCode(c0, l1));
    if (hex || id || name) LETTER_PAIRS[(c0 << 7) | c1] = 1;
  }
}

/** Noise starting at `p` (no word character before it), or -1. Kinds in fingerprint.ts's order. */
function noiseAt(b: Uint16Array, p: number, end: number, prev: number): number {
  const c = b[p];
  let r: number;
  if (isDigit(c)) {
    // The run of digits and what follows it rule most kinds out at once.
    const d = digits(b, p, end, 9);
    const s = p + d < end ? b[p + d] : -1;
    const short = d <= 2;
    const hx = d === 9 ? 9 : hexRun(b, p, end, 9);
    if (d === 4 && s === 45 && (r = isoDate(b, p, end)) >= 0) return r;
    if (d === 8 && (r = isoBasic(b, p, end)) >= 0) return r;
    if (short && s === 47 && (r = apache(b, p, end)) >= 0) return r;
    if (short && isSpace(s) && (r = monthNames(b, p, end)) >= 0) return r;
    if ((d === 4 || short) && (s === 47 || s === 46 || s === 45) && (r = numericDate(b, p, end)) >= 0) return r;
    if (hx === 8 && (r = uuid(b, p, end)) >= 0) return r;
    if (hx <= 4 && p + hx < end && b[p + hx] === 58 && (r = ipv6(b, p, end, prev)) >= 0) return r;
    if (hx === 2 && (r = mac(b, p, end)) >= 0) return r;
    if (short && s === 58 && (r = clock(b, p, end)) >= 0) return r;
    if (d <= 3 && s === 46 && (r = ipv4(b, p, end, prev)) >= 0) return r;
    if ((hx >= 8 || (d === 1 && c === 48)) && (r = longHex(b, p, end)) >= 0) return r;
    return s === 46 || isWord(s) || isSpace(s) || isMu(s) ? duration(b, p, end) : -1;
  }
  if (c === 58) return ipv6(b, p, end, prev);
  // Most words are ruled out by their first two characters.
  const c1 = p + 1 < end ? b[p + 1] : 0;
  if (c >= 0x80 || LETTER_PAIRS[((c | 32) << 7) | (c1 < 0x80 ? c1 : 0)] === 0) return -1;
  const l = c | 32;
  if (monthOrWeekday(b, p, end) && (r = monthNames(b, p, end)) >= 0) return r;
  if (l >= 97 && l <= 102) {
    // Every hex kind has 8 hex digits, or a group of them followed by `:` or `-`.
    const n = hexRun(b, p, end, 8);
    const after = p + n < end ? b[p + n] : -1;
    if (n < 8 && after !== 58 && after !== 45) return -1;
    if ((r = uuid(b, p, end)) >= 0) return r;
    if ((r = ipv6(b, p, end, prev)) >= 0) return r;
    if ((r = mac(b, p, end)) >= 0) return r;
    return longHex(b, p, end);
  }
  if (l === 105) return instanceId(b, p, end);
  return -1;
}

/** Classes of the code units, one table look-up each in the loop: `\w`, digit, and what joins a name. */
const WORD = 1;
const DIGIT = 2;
/** Before a name, these make it part of a longer word, name or address; after it, all but `.`. */
const JOINS_BEFORE = 4;
const JOINS_AFTER = 8;
const CLASSES = new Uint8Array(0x80);
/** The class of `c` (none beyond ASCII). */
function cls(c: number): number {
  return c < 0x80 ? CLASSES[c] : 0;
}
for (let c = 0; c < 0x80; c++) {
  if (isWord(c)) CLASSES[c] |= WORD | JOINS_BEFORE | JOINS_AFTER;
  if (isDigit(c)) CLASSES[c] |= DIGIT;
}
for (const c of [46, 58, 45]) CLASSES[c] |= JOINS_BEFORE;
for (const c of [58, 45]) CLASSES[c] |= JOINS_AFTER;

/** Length of the longest of `words` (lower case, longest first) at `i` as a whole word, or 0. */
function ownAt(b: Uint16Array, i: number, n: number, words: readonly string[]): number {
  const first = lowerCode(b[i]);
  for (let x = 0; x < words.length; x++) {
    const w = words[x];
    const len = w.length;
    if (w.charCodeAt(0) !== first || i + len > n) continue;
    let k = 1;
    while (k < len && lowerCode(b[i + k]) === w.charCodeAt(k)) k++;
    if (k === len && (i + len === n || (cls(b[i + len]) & JOINS_AFTER) === 0)) return len;
  }
  return 0;
}

/** ASCII code units whose lower case starts one of the current scan's own names. */
const OWN_FIRST = new Uint8Array(0x80);

function markOwnFirsts(words: readonly string[]): void {
  for (let c = 0; c < 0x80; c++) {
    const l = lowerCode(c);
    OWN_FIRST[c] = words.some((w) => w.charCodeAt(0) === l) ? 1 : 0;
  }
}

/** Whether an own name may start with `c` (a cheap test before `ownAt`). */
function mayStartOwn(c: number): boolean {
  return c >= 0x80 || OWN_FIRST[c] === 1;
}

/** Where the first own name in [from, to) starts, or -1. */
function ownWithin(b: Uint16Array, from: number, to: number, n: number, words: readonly string[]): number {
  for (let q = from; q < to; q++) {
    if (mayStartOwn(b[q]) && (cls(b[q - 1]) & JOINS_BEFORE) === 0 && ownAt(b, q, n, words) > 0) return q;
  }
  return -1;
}

/** What the last `scan` found: noise from `spans[2k]` to `spans[2k + 1]`, the masked length and hash. */
export const scanned = { spans: new Int32Array(512), count: 0, maskedLength: 0, hash1: 0, hash2: 0 };

function pushSpan(k: number, from: number, to: number): void {
  let s = scanned.spans;
  if (k * 2 + 2 > s.length) {
    s = new Int32Array(s.length * 2);
    s.set(scanned.spans);
    scanned.spans = s;
  }
  s[k * 2] = from;
  s[k * 2 + 1] = to;
}

/**
 * Scan `text` in `mode` with the instance's own names (`words`: lower case, longest first, or
 * null), leaving what it found in `scanned`: first the noise, then the hash of the text between
 * (two tight loops ran faster than one that did both).
 */
export function scan(text: string, mode: number, words: readonly string[] | null): void {
  const b = load(text);
  const n = text.length;
  const count = mode === STRICT ? 0 : findNoise(b, n, mode, words);
  const w1 = W1;
  const w2 = W2;
  const spans = scanned.spans;
  let h1 = 0;
  let h2 = 0;
  let m = 0;
  let from = 0;
  for (let k = 0; k <= count; k++) {
    const to = k < count ? spans[2 * k] : n;
    for (let i = from; i < to; i++) {
      if ((m & MASK) === 0) {
        h1 = Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d);
        h2 = Math.imul(h2 ^ (h2 >>> 13), 0x297a2d39);
      }
      const c = b[i] + 1;
      h1 = (h1 + Math.imul(c, w1[m & MASK])) | 0;
      h2 = (h2 + Math.imul(c, w2[m & MASK])) | 0;
      m++;
    }
    if (k === count) break;
    for (let j = 0; j < 3; j++) {
      if ((m & MASK) === 0) {
        h1 = Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d);
        h2 = Math.imul(h2 ^ (h2 >>> 13), 0x297a2d39);
      }
      const c = (j === 0 ? LT : j === 1 ? STAR : GT) + 1;
      h1 = (h1 + Math.imul(c, w1[m & MASK])) | 0;
      h2 = (h2 + Math.imul(c, w2[m & MASK])) | 0;
      m++;
    }
    from = spans[2 * k + 1];
  }
  scanned.count = count;
  scanned.maskedLength = m;
  scanned.hash1 = h1;
  scanned.hash2 = h2;
}

/** The noise and own names of the text in `b`, into `scanned.spans`; how many. */
function findNoise(b: Uint16Array, n: number, mode: number, words: readonly string[] | null): number {
  let count = 0;
  let afterOwn = false;
  let i = 0;
  // In loose mode a run of digits inside a word is noise too.
  const stop = mode === LOOSE ? DIGIT : 0;
  if (words !== null) markOwnFirsts(words);
  while (i < n) {
    const c = b[i];
    if (words !== null && mayStartOwn(c) && (i === 0 || (cls(b[i - 1]) & JOINS_BEFORE) === 0)) {
      const len = ownAt(b, i, n, words);
      if (len > 0) {
        pushSpan(count++, i, i + len);
        i += len;
        afterOwn = true;
        continue;
      }
    }
    const k = cls(c);
    // Noise starts at a word character or `:` only.
    if ((k & WORD) === 0 && c !== 58) {
      afterOwn = false;
      i++;
      continue;
    }
    // After an own name the masked text reads `>`.
    const prev = i === 0 ? -1 : afterOwn ? GT : b[i - 1];
    afterOwn = false;
    let t = -1;
    if (prev < 0 || (cls(prev) & WORD) === 0) {
      t = noiseAt(b, i, n, prev);
      // An own name inside it was masked first: the noise ends before it.
      if (t > i && words !== null) {
        const q = ownWithin(b, i + 1, t, n, words);
        if (q > 0) t = noiseAt(b, i, q, prev);
      }
    }
    if (t <= i && (k & stop) !== 0) {
      t = i + 1;
      while (t < n && (cls(b[t]) & DIGIT) !== 0) t++;
    }
    if (t > i) {
      pushSpan(count++, i, t);
      i = t;
      continue;
    }
    i++;
    // The rest of the word: neither noise nor an own name starts inside one.
    while (i < n && (k & WORD) !== 0) {
      const w = cls(b[i]);
      if ((w & WORD) === 0 || (w & stop) !== 0) break;
      i++;
    }
  }
  return count;
}
