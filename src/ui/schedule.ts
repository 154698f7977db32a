// A schedule in words: the Frequency as a person says it, with the expression beside it when it
// is a cron (`every 20 minutes (0 *\/20 * * * *)`), RepeatMode, and the last run's result over the
// instances. Pure: the next run time comes from nextRun.ts.
import type { Invocation } from '../api/model.js';
import { parseFrequency, type Frequency } from './nextRun.js';

const UNIT_WORDS = { s: 'second', m: 'minute', h: 'hour', d: 'day' } as const;

const every = (n: number, unit: string) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
/** The list's narrow column: `every 20 min`. */
const SHORT: Record<string, string> = { 'every second': 'every s', 'every minute': 'every min', 'every hour': 'every h', 'every day': 'daily' };
function shorten(words: string): string {
  return words
    .replace(/^every (\d+) (second|minute|hour|day)s/, (_, n: string, u: string) => `every ${n} ${u === 'second' ? 's' : u === 'minute' ? 'min' : u === 'hour' ? 'h' : 'days'}`)
    .replace(/^every (second|minute|hour|day)\b/, (w) => SHORT[w] ?? w)
    .replace(/^daily at /, 'daily ');
}
const wild = (f: string) => f === '*' || f === '?';
const NUMBER = /^\d{1,2}$/;
/** `*\/20` or `0/20`: a step from the start of the range. */
const step = (f: string) => /^(?:\*|0)\/(\d{1,2})$/.exec(f)?.[1];
const two = (n: string) => n.padStart(2, '0');

function timeOfDay(sec: string, min: string, hour: string): string {
  return `${two(hour)}:${two(min)}${Number(sec) !== 0 ? `:${two(sec)}` : ''}`;
}

/** Cron fields (seconds first) in words; undefined when they say something less regular. */
function cronWords([sec, min, hour, dom, month, dow]: readonly string[], zone: string | undefined): string | undefined {
  const at = (words: string) => (zone ? `${words} ${zone}` : words);
  const days = wild(dom) && wild(month);
  if (days && wild(dow)) {
    const s = step(sec);
    if ((s || sec === '*') && min === '*' && hour === '*') return every(Number(s ?? 1), 'second');
    if (!NUMBER.test(sec)) return undefined;
    const m = step(min);
    if ((m || min === '*') && hour === '*') return every(Number(m ?? 1), 'minute');
    if (!NUMBER.test(min)) return undefined;
    const h = step(hour);
    if (h || hour === '*') return every(Number(h ?? 1), 'hour') + (Number(min) || Number(sec) ? ` at :${two(min)}` : '');
    if (NUMBER.test(hour)) return at(`every day at ${timeOfDay(sec, min, hour)}`);
    return undefined;
  }
  if (![sec, min, hour].every((f) => NUMBER.test(f))) return undefined;
  if (days && /^[A-Za-z0-7,-]+$/.test(dow)) return at(`every ${dow.toUpperCase()} at ${timeOfDay(sec, min, hour)}`);
  if (wild(month) && wild(dow) && NUMBER.test(dom)) return at(`monthly on day ${Number(dom)} at ${timeOfDay(sec, min, hour)}`);
  return undefined;
}

function atWords(f: Extract<Frequency, { kind: 'at' }>): string {
  const [y, mo, d, h, mi, s] = f.fields.map((n) => String(n));
  return `once at ${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)} ${f.zone}`;
}

/**
 * The Frequency in words: `every 20 minutes (0 *\/20 * * * *)`, `every 5 minutes` for
 * `rate(5m)`, `once at 2026-12-01 02:00:00 Asia/Shanghai`; the expression alone when it has no
 * simpler words; '' for none. `withRaw` false: the words alone, shortened (`every 20 min`, a narrow column).
 */
export function frequencyText(frequency: string | undefined, withRaw = true): string {
  const raw = frequency?.trim() ?? '';
  const f = parseFrequency(raw);
  if (!f) return raw;
  if (f.kind === 'rate') return withRaw ? every(f.count, UNIT_WORDS[f.unit]) : shorten(every(f.count, UNIT_WORDS[f.unit]));
  if (f.kind === 'at') return atWords(f);
  const words = cronWords(f.fields, f.zone);
  return words ? (withRaw ? `${words} (${raw})` : shorten(words)) : raw;
}

/** RepeatMode as the API names it; without one, Period for a timed invocation, else Once. */
export function repeatMode(inv: Pick<Invocation, 'repeatMode' | 'timed'>): string {
  return inv.repeatMode || (inv.timed ? 'Period' : 'Once');
}

/** Invocations that run more than once: their runs have a history (IncludeHistory). */
export function hasRunHistory(inv: Pick<Invocation, 'repeatMode' | 'timed'>): boolean {
  const mode = repeatMode(inv);
  return mode === 'Period' || mode === 'EveryReboot';
}

/** The schedule column and header: the Frequency in words, or the RepeatMode for reboot modes. */
export function scheduleText(inv: Pick<Invocation, 'repeatMode' | 'timed' | 'frequency'>, withRaw = true): string {
  const mode = repeatMode(inv);
  if (mode === 'NextRebootOnly') return 'at the next reboot';
  if (mode === 'EveryReboot') return 'at every reboot';
  return inv.timed ? frequencyText(inv.frequency, withRaw) || 'timed' : '';
}

/** Did the last run on this instance succeed: exit 0 and no error code. */
export function runFailed(r: { exitCode: number | null; errorCode?: string; invocationStatus?: string }): boolean {
  return Boolean(r.errorCode) || (r.exitCode !== null && r.exitCode !== 0) || r.invocationStatus === 'Failed';
}

/** The last run's result over the instances that have run: `3 ok, 1 failed`; undefined before any run. */
export function lastRunSummary(inv: Pick<Invocation, 'instances'>): { text: string; at?: number; failed: number } | undefined {
  let ok = 0;
  let failed = 0;
  let at: number | undefined;
  for (const i of inv.instances) {
    if (i.repeats <= 0) continue;
    // A run in flight has no result yet: its instance's last one is what it reports between runs.
    if (i.invocationStatus !== 'Scheduled' && i.invocationStatus !== 'Success' && i.invocationStatus !== 'Failed') continue;
    if (runFailed(i)) failed++;
    else ok++;
    const t = i.finishTime ?? i.startTime;
    if (t !== undefined && (at === undefined || t > at)) at = t;
  }
  if (ok + failed === 0) return undefined;
  const text = [ok ? `${ok} ok` : '', failed ? `${failed} failed` : ''].filter(Boolean).join(', ');
  return { text, at, failed };
}
