// Small pure formatters for times, durations and sizes on screen. Times are read against the
// app's clock (`now`), never Date.now(), so tests on a fake clock see stable text.
// Subpath imports: the date-fns index pulls in hundreds of modules at start-up.
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import { isoTime } from '../clock.js';

export type TimeMode = 'relative' | 'absolute';

/**
 * Absolute times are UTC and say so (`Z`), as --once, --wait, --json and the API give them, so a
 * time read on screen matches every other record of it whatever the terminal's zone.
 */
export const ABSOLUTE_TIME_WIDTH = 20;

/** "3 minutes ago" or "2026-11-28 09:00:12Z" (UTC); "-" when unknown. */
export function formatTime(at: number | undefined, now: number, mode: TimeMode): string {
  if (at === undefined || !Number.isFinite(at)) return '-';
  if (mode === 'absolute') return utcIso(at).slice(0, 10) + ' ' + clockTime(at);
  if (Math.abs(now - at) < 1000) return 'just now';
  return formatDistanceStrict(at, now, { addSuffix: true });
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The next moment after `now` at which the whole seconds between `from` and the clock change:
 * when a count of seconds since or until `from` next reads differently.
 */
export function nextWholeSecond(from: number, now: number): number {
  return now + SECOND - ((((now - from) % SECOND) + SECOND) % SECOND);
}

/**
 * When formatTime's text for `at` may next change: the next half unit (formatDistanceStrict
 * rounds) or the next switch of unit (59 seconds -> 1 minute), whichever comes first. Absolute
 * times never change.
 */
export function nextTimeChange(at: number | undefined, now: number, mode: TimeMode): number | undefined {
  if (mode === 'absolute' || at === undefined || !Number.isFinite(at)) return undefined;
  const age = now - at;
  // A time ahead of ours (clock skew) counts down: look again every second.
  if (age < SECOND) return nextWholeSecond(at, now);
  // Days are counted in local days (daylight saving moves them): look again within the hour.
  const [unit, upTo] =
    age < MINUTE ? [SECOND, MINUTE] : age < HOUR ? [MINUTE, HOUR] : age < DAY ? [HOUR, DAY] : [DAY, age + HOUR];
  const nextHalf = (Math.floor(age / unit - 0.5) + 1.5) * unit;
  return now + Math.min(nextHalf, upTo) - age;
}

/** "45s", "3m 05s", "2h 04m", "3d 02h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  const d = Math.floor(h / 24);
  return `${d}d ${String(h % 24).padStart(2, '0')}h`;
}

/** "12:04:31Z" (UTC). */
export function clockTime(at: number): string {
  return utcIso(at).slice(11, 19) + 'Z';
}

function utcIso(at: number): string {
  return isoTime(at) ?? '????-??-??T??:??:??';
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Seconds until `at`, at least 1, for "retrying in 8 s". */
export function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}
