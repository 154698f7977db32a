// When a scheduled invocation runs next, from its Frequency: `rate(5m)` (every period from the
// creation time), `at(2026-12-01 02:00:00 Asia/Shanghai)` (once, at a wall-clock time in a zone,
// UTC or an offset) or a cron expression with seconds and an optional time zone
// (`0 */20 * * * *`, `0 0 12 * * ? Asia/Shanghai`). Undefined for anything else (junk).
import { createRequire } from 'node:module';

const RATE = /^rate\(\s*(\d+)\s*([smhd])\s*\)$/i;
const AT = /^at\(\s*(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:Z|\s+([A-Za-z_]+(?:\/[A-Za-z_+-]+)*|[+-]\d\d:\d\d))?\s*\)$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A Frequency taken apart: what the words (schedule.ts) and the next run are made from. */
export type Frequency =
  | { kind: 'rate'; count: number; unit: 's' | 'm' | 'h' | 'd'; periodMs: number }
  | { kind: 'at'; fields: number[]; zone: string }
  | { kind: 'cron'; fields: string[]; zone?: string };

export function parseFrequency(frequency: string | undefined): Frequency | undefined {
  const text = frequency?.trim();
  if (!text) return undefined;
  const rate = RATE.exec(text);
  if (rate) {
    const unit = rate[2].toLowerCase() as 's' | 'm' | 'h' | 'd';
    const periodMs = Number(rate[1]) * UNIT_MS[unit];
    return periodMs >= 1_000 ? { kind: 'rate', count: Number(rate[1]), unit, periodMs } : undefined;
  }
  const at = AT.exec(text);
  if (at) return { kind: 'at', fields: at.slice(1, 7).map(Number), zone: at[7] ?? 'UTC' };
  const parts = text.split(/\s+/);
  let zone: string | undefined;
  if (parts.length === 7 && /\/|^UTC$|^GMT/.test(parts[6])) zone = parts.pop() as string;
  return parts.length === 6 ? { kind: 'cron', fields: parts, zone } : undefined;
}

type CronParser = typeof import('cron-parser').CronExpressionParser;
let cronParser: CronParser | undefined;

/** The first fire of `fields` strictly after `after`, in `tz`; undefined when cron-parser refuses it. */
function cronNext(fields: string, tz: string, after: number): number | undefined {
  // Loaded on first use: cron-parser brings luxon, which start-up does not need.
  cronParser ??= (createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser')).CronExpressionParser;
  try {
    return cronParser.parse(fields, { currentDate: new Date(after), tz }).next().getTime();
  } catch {
    return undefined;
  }
}

/** The instant of an `at()` time: its wall clock as a cron of that one day, in its zone. */
export function atTime(f: Extract<Frequency, { kind: 'at' }>): number | undefined {
  const [y, mo, d, h, mi, s] = f.fields;
  // luxon (under cron-parser) reads a fixed offset as `UTC+08:00`.
  const tz = /^[+-]\d\d:\d\d$/.test(f.zone) ? `UTC${f.zone}` : f.zone;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Every zone is within a day of UTC: the first such wall clock after a day before is the one.
  const t = cronNext(`${s} ${mi} ${h} ${d} ${mo} *`, tz, wall - 86_400_000 - 1_000);
  return t !== undefined && Math.abs(t - wall) <= 86_400_000 ? t : undefined;
}

/** The first run strictly after `now`. */
export function nextRunAt(frequency: string | undefined, createdAt: number | undefined, now: number): number | undefined {
  const f = parseFrequency(frequency);
  if (!f) return undefined;
  if (f.kind === 'rate') {
    if (createdAt === undefined) return undefined;
    const period = f.periodMs;
    return now < createdAt ? createdAt + period : createdAt + (Math.floor((now - createdAt) / period) + 1) * period;
  }
  if (f.kind === 'at') {
    const t = atTime(f);
    return t !== undefined && t > now ? t : undefined;
  }
  return cronNext(f.fields.join(' '), f.zone ?? 'UTC', now);
}
