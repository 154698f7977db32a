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
 * One pass over the output's characters (scan.ts) finds the noise and the instance's own names
 * and hashes the masked text without building it; each kind of noise is recognised by hand
 * (noise.ts, addresses.ts), as a backtracking pattern of the kind would match it, and starts only
 * where no word character precedes (an own name: no word character, `.`, `:` or `-`). Names are
 * compared case-insensitively character by character.
 */
import { lowerCode } from './chars.js';
import { LOOSE, MASKED, STRICT, scan, scanned } from './scan.js';
import type { GroupMode, OwnIdentity } from './types.js';

/** What every kind of noise becomes (the placeholder of log-template miners such as Drain). */
export const NOISE = '<*>';

/** Longer is not a hostname (at most 253) nor an address; the bound keeps the scan linear. */
const OWN_WORD_MAX = 255;

function lowerWord(w: string): string {
  let out = '';
  for (let k = 0; k < w.length; k++) out += String.fromCharCode(lowerCode(w.charCodeAt(k)));
  return out;
}

/** The instance's own names and IPs, lower case, longest first; null when none. */
export function ownWords(own: OwnIdentity | undefined): string[] | null {
  if (!own) return null;
  const words = new Set<string>();
  const keep = (w: string, min: number) => {
    const t = w.trim();
    if (t.length >= min && t.length <= OWN_WORD_MAX) words.add(lowerWord(t));
  };
  for (const n of own.names) if (n) keep(n, 3);
  for (const ip of own.ips) if (ip) keep(ip, 2);
  return words.size ? [...words].sort((x, y) => y.length - x.length) : null;
}

const MODES: Record<GroupMode, number> = { strict: STRICT, masked: MASKED, loose: LOOSE };

/** The text of the last scan with its noise replaced. */
function masked(output: string): string {
  const { spans, count } = scanned;
  if (count === 0) return output;
  const parts: string[] = [];
  let done = 0;
  for (let k = 0; k < count; k++) {
    parts.push(output.slice(done, spans[2 * k]), NOISE);
    done = spans[2 * k + 1];
  }
  parts.push(output.slice(done));
  return parts.join('');
}

/** The output as its fingerprint sees it (exported for tests and for showing what was hidden). */
export function maskOutput(output: string, mode: GroupMode = 'masked', own?: OwnIdentity): string {
  if (mode === 'strict') return output;
  scan(output, MODES[mode], ownWords(own));
  return masked(output);
}

/** Hex characters of the hash kept: 64 bits, ample for the groups of one invocation. */
export const FINGERPRINT_LENGTH = 16;

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex8 = (h: number) => h.toString(16).padStart(8, '0');

/**
 * A 64-bit hash (16 hex digits) of the output with noise masked per `mode`. `words`: the own
 * names as `ownWords` gives them, when the caller has them already.
 */
export function fingerprint(output: string, mode: GroupMode = 'masked', own?: OwnIdentity, words = ownWords(own)): string {
  scan(output, MODES[mode], mode === 'strict' ? null : words);
  const { maskedLength: m, hash1, hash2 } = scanned;
  return hex8(fmix(hash1 ^ m)) + hex8(fmix(hash2 ^ Math.imul(m, 0x9e3779b1)));
}
