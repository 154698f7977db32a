/**
 * Output fingerprints: a short hash of the output with noise masked, so that instances whose
 * outputs differ only by a timestamp, a hostname or an IP fall into one group.
 *
 * - `strict`: the output's bytes, nothing masked.
 * - `masked` (the default) hides, each as `<*>`:
 *   - ISO 8601 dates and times (`2026-12-01T02:03:04.5+08:00`, `2026-12-01 02:03:04`,
 *     `20261201T020304Z`);
 *   - common log timestamps: syslog and `date` (`Dec  1 02:03:04`, `Tue Dec  1 02:03:04 UTC 2026`),
 *     Apache (`[01/Dec/2026:02:03:04 +0800]`), RFC 2822 (`Tue, 01 Dec 2026 02:03:04 +0000`);
 *   - dates (`2026-12-01`, `2026/12/01`, `01/12/2026`, `01.12.2026`, `Dec 1`, `1 Dec 2026`);
 *   - clock times (`02:03`, `02:03:04`, `02:03:04,123`, `2:03 PM`) with a zone (`Z`, `UTC`, `GMT`,
 *     `+08:00`) when one follows;
 *   - durations (`12ms`, `1.5s`, `3m20s`, `0m0.003s`, `250µs`, `12 ms`, `5 seconds`, `3 days`);
 *   - IPv4 addresses (`10.0.0.1`), IPv6 addresses (`fe80::1`, `2001:db8::8a2e:370:7334`,
 *     `::ffff:10.0.0.1`) and MAC addresses (`00:16:3e:12:34:56`);
 *   - UUIDs, and long hex ids: 8 or more hex digits with at least one letter (git shas,
 *     container ids), or any `0x` with 8 or more;
 *   - instance ids (`i-` and 8 or more letters or digits) and ECS default hostnames (`iZ…Z`);
 *   - the instance's own names, hostnames and IPs when given, case-insensitively, as whole
 *     words (names shorter than 3 characters or longer than 255 are ignored).
 *   Other numbers are kept: an exit count or a disk percentage is signal.
 * - `loose`: as masked, and every other run of digits too.
 *
 * Linear in the output's length: a native scan for each of the instance's own names and IPs (when
 * given), then one pass of one regular expression whose alternatives each start at a word boundary
 * (or an address boundary) and never nest unbounded repeats.
 */
import { createHash } from 'node:crypto';
import type { GroupMode, OwnIdentity } from './types.js';

/** Blank within a line: no kind of noise spans a line break, so a line masks the same alone. */
const SP = '[^\\S\\r\\n]';
const MON = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}';
const FRAC = '(?:[.,]\\d{1,9})';
const ZONE = `(?:z|${SP}?(?:utc|gmt)|${SP}?[+-]\\d{2}:?\\d{2})`;
const CLOCK = `\\d{1,2}:\\d{2}(?::\\d{2}${FRAC}?)?(?:${SP}?[ap]m)?`;
const H = '[0-9a-f]{1,4}';
const IPV4 = '(?:\\d{1,3}\\.){3}\\d{1,3}';
const UNIT = '(?:ns|us|µs|ms|s|m|h|d)';
const WORD_UNIT =
  '(?:nanoseconds?|microseconds?|milliseconds?|msecs?|ns|us|µs|ms|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?)';

/** The kinds of noise, tried in this order at each position where no word character precedes. */
const KINDS: readonly string[] = [
  // ISO 8601, extended and basic; a date alone when no time follows.
  `\\d{4}-\\d{1,2}-\\d{1,2}(?:[t_ ]\\d{2}:\\d{2}(?::\\d{2}${FRAC}?)?${ZONE}?)?(?!\\d)`,
  `\\d{8}t\\d{6}${FRAC}?z?\\b`,
  // Apache/nginx access logs.
  `\\d{1,2}/${MON}/\\d{4}(?::\\d{2}:\\d{2}:\\d{2})?(?:${SP}[+-]\\d{4})?`,
  // Month names (syslog, `date`, RFC 2822), with an optional weekday before.
  `(?:${WEEKDAY},?${SP}+)?(?:${MON}\\.?${SP}+\\d{1,2}(?:st|nd|rd|th)?(?:,?${SP}+\\d{4})?|\\d{1,2}${SP}+${MON}\\.?(?:${SP}+\\d{4})?)\\b`,
  `(?:\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4})\\b`,
  '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b',
  `(?<![\\w:.])(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:(?:${H}(?::${H}){0,6})?|::${H}(?::${H}){0,6})(?::${IPV4})?(?![\\w:]|\\.\\d)`,
  '(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\\b',
  `${CLOCK}${ZONE}?(?![\\d:])`,
  `(?<![\\w.])${IPV4}(?!\\w|\\.\\d)`,
  'i-[0-9a-z]{8,}\\b',
  'iz[0-9a-z]{8,}z\\b',
  '(?:0x[0-9a-f]{8,}|(?=\\d*[a-f])[0-9a-f]{8,})\\b',
  `(?:\\d+(?:\\.\\d+)?(?:${UNIT}\\d+(?:\\.\\d+)?){0,4}${UNIT}|\\d+(?:\\.\\d+)?${SP}?${WORD_UNIT})\\b`,
];

/** What every kind of noise becomes (the placeholder of log-template miners such as Drain). */
export const NOISE = '<*>';

/**
 * Every kind starts where no word character precedes, checked once up front: most positions are
 * inside a word and fail there at once (a dozen alternatives tried at every position cost 40x).
 * One constant replacement, no callback: a callback per match doubled the cost.
 * `capture`: each kind in a group of its own (group k + 1 is KINDS[k]), for templates.
 */
function compile(kinds: readonly string[], flags: string, capture = false): RegExp {
  const alts = kinds.map((p) => (capture ? `(${p})` : `(?:${p})`)).join('|');
  return new RegExp(`(?<!\\w)(?=[\\w:])(?:${alts})`, flags);
}

/** Loose mode's extra kind: every run of digits, anywhere. */
const DIGITS = '\\d+';

const MASKED = compile(KINDS, 'gi');
const LOOSE = new RegExp(`${MASKED.source}|${DIGITS}`, 'gi');

/** Indexes in `KINDS` of the kinds a template checks by a rule of their own; `digits` is loose mode's. */
export const KIND = { month: 3, instanceId: 10, hex: 12, duration: 13, digits: KINDS.length } as const;
/** Kinds of hex digits (UUID, IPv6, MAC): any hex digit may stand for another. */
export const HEX_KINDS: ReadonlySet<number> = new Set([5, 6, 7]);
/** Kinds of ids (`i-…`, `iZ…Z`): any letter or digit after the prefix may stand for another. */
export const ID_KINDS: ReadonlySet<number> = new Set([10, 11]);

const CAPTURED_MASKED = compile(KINDS, 'gi', true);
const CAPTURED = { masked: CAPTURED_MASKED, loose: new RegExp(`${CAPTURED_MASKED.source}|(${DIGITS})`, 'gi') };

/**
 * Per mode: every kind, each captured (a match's kind is its first defined group, less one). One
 * object per mode, shared (a caller that runs it by `exec` starts from `lastIndex` 0): the first
 * run of an expression this size costs milliseconds, so a run's first page, which builds
 * templates and masks their samples, runs one, not two.
 */
export function kindsPattern(mode: 'masked' | 'loose'): RegExp {
  return CAPTURED[mode];
}

/** Per mode: the noise that starts exactly at `lastIndex`, if any. */
export function stickyPattern(mode: 'masked' | 'loose'): RegExp {
  return new RegExp((mode === 'loose' ? LOOSE : MASKED).source, 'iy');
}

/** Longer is not a hostname (at most 253) nor an address; the bound keeps the scan linear. */
const OWN_WORD_MAX = 255;

/** The instance's own names and IPs, lower case, longest first (made for every output grouped: kept plain). */
export function ownWords(own: OwnIdentity | undefined): string[] {
  const words: string[] = [];
  if (own) {
    for (const n of own.names) keepWord(words, n, 3);
    for (const ip of own.ips) keepWord(words, ip, 2);
  }
  return words;
}

/**
 * `w` trimmed and in lower case, or '' when a line break is left in it (a word across one would
 * make masking depend on more than one line). Most names and IPs already are: a scan finds no
 * upper-case letter, blank or control character, nor anything past ASCII, and `w` itself is the
 * answer (trimming and folding case copied each name of every output grouped, a microsecond or
 * two an output).
 */
function normalWord(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c <= 32 || c > 126 || (c >= 65 && c <= 90)) {
      const t = w.trim().toLowerCase();
      return t.includes('\n') || t.includes('\r') ? '' : t;
    }
  }
  return w;
}

/** Adds `w` to `words` (longest first, the first of a length first) unless it is too short or long, spans a line break, or is there. */
function keepWord(words: string[], w: string, min: number): void {
  if (!w) return;
  const t = normalWord(w);
  if (t.length < min || t.length > OWN_WORD_MAX || words.includes(t)) return;
  let at = words.length;
  words.push(t);
  for (; at > 0 && words[at - 1].length < t.length; at--) words[at] = words[at - 1];
  words[at] = t;
}

/** A name's neighbours that would make it part of a longer word, name or address. */
const JOINS_BEFORE = /[\w.:-]/;
const JOINS_AFTER = /[\w:-]/;

/**
 * Whole-word occurrences of the words, case-insensitively, in order and none overlapping (the
 * longest at a place wins), by `indexOf` on a lower-case copy (a native scan per word; a regular
 * expression of the words cost a third of the masking). Undefined when lower case changes the
 * text's length: its offsets would not line up.
 */
export function ownHits(text: string, words: readonly string[]): Array<[number, number]> | undefined {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  const hits: Array<[number, number]> = [];
  for (const w of words) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      const end = at + w.length;
      if (at > 0 && JOINS_BEFORE.test(lower[at - 1])) continue;
      if (end < lower.length && JOINS_AFTER.test(lower[end])) continue;
      hits.push([at, end]);
    }
  }
  hits.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const kept: Array<[number, number]> = [];
  let done = 0;
  for (const hit of hits) {
    if (hit[0] < done) continue;
    kept.push(hit);
    done = hit[1];
  }
  return kept;
}

function maskOwn(text: string, words: readonly string[]): string {
  const hits = ownHits(text, words);
  if (!hits) return maskOwnByPattern(text, words);
  if (hits.length === 0) return text;
  const parts: string[] = [];
  let done = 0;
  for (const [at, end] of hits) {
    parts.push(text.slice(done, at), NOISE);
    done = end;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function maskOwnByPattern(text: string, words: readonly string[]): string {
  const re = new RegExp(`(?<![\\w.:-])(?:${words.map(escapeRegExp).join('|')})(?![\\w:-])`, 'gi');
  return text.replace(re, NOISE);
}

/** The output as its fingerprint sees it (exported for tests and for showing what was hidden). */
export function maskOutput(output: string, mode: GroupMode = 'masked', own?: OwnIdentity): string {
  return mode === 'strict' ? output : maskWithWords(output, mode, ownWords(own));
}

/**
 * `maskOutput` with the own words already made (`ownWords`). `kinds`: the kinds' expression,
 * `kindsPattern`'s for a text that also has a template (it masks alike, a third slower: its groups
 * capture).
 */
export function maskWithWords(text: string, mode: 'masked' | 'loose', words: readonly string[], kinds = mode === 'loose' ? LOOSE : MASKED): string {
  return (words.length ? maskOwn(text, words) : text).replace(kinds, NOISE);
}

/** Hex characters of the hash kept: 64 bits, ample for the groups of one invocation. */
export const FINGERPRINT_LENGTH = 16;

/** A short hash (SHA-1, hex prefix) of the output with noise masked per `mode`. */
export function fingerprint(output: string, mode: GroupMode = 'masked', own?: OwnIdentity): string {
  return hashMasked(maskOutput(output, mode, own));
}

/** The fingerprint of an output already masked (`maskOutput`, or a template's `masked`). */
export function hashMasked(masked: string): string {
  return createHash('sha1').update(masked).digest('hex').slice(0, FINGERPRINT_LENGTH);
}
