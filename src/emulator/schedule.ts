// When a scheduled invocation fires: `rate(5m)`, `at(2026-11-28 10:00:00 Asia/Shanghai)` (once) or
// a cron expression with seconds (`0 */20 * * * *`, as Cloud Assistant's Frequency). A fire counts
// when it is strictly after the creation time (as cron-parser's `next()` from it).
//
// Cron in UTC whose day fields are wildcards (the common `0 */5 * * * *` kind) fires at the same
// times every day, so counts and fire times are arithmetic on one day's list: the demo's health
// check, two days old at start-up, cost ~150 ms of cron-parser (luxon) steps before the first frame.
// Everything else goes through cron-parser, loaded only then, with fire times cached.
import { createRequire } from 'node:module';

export interface Schedule {
  /** Number of fires in (createdAt, t]. */
  countAt(t: number): number;
  /** Time of the k-th fire, 1-based. */
  fireAt(k: number): number;
  /** How many fires there are in all, when the schedule ends (`at()`: one). */
  total?: number;
}

const RATE = /^rate\(\s*(\d+)\s*([smhd])\s*\)$/i;
const AT = /^at\(\s*(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:Z|\s+([A-Za-z_]+(?:\/[A-Za-z_]+)*|[+-]\d\d:\d\d))?\s*\)$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DAY_MS = 86_400_000;

/** Parse a Frequency; returns undefined when it is not a valid schedule (the service reports BadCronExpression). */
export function parseSchedule(frequency: string, createdAt: number): Schedule | undefined {
  const rate = RATE.exec(frequency.trim());
  if (rate) {
    const period = Number(rate[1]) * UNIT_MS[rate[2].toLowerCase()];
    if (!(period >= 1_000)) return undefined;
    return {
      countAt: (t) => (t <= createdAt ? 0 : Math.floor((t - createdAt) / period)),
      fireAt: (k) => createdAt + k * period,
    };
  }
  const at = AT.exec(frequency.trim());
  if (at) {
    const fire = zonedTime(at.slice(1, 7).map(Number), at[7] ?? 'UTC');
    // A time already past cannot fire: the service refuses it like a bad expression.
    if (fire === undefined || fire <= createdAt) return undefined;
    return { countAt: (t) => (t >= fire ? 1 : 0), fireAt: () => fire, total: 1 };
  }
  const cron = splitCron(frequency);
  if (!cron) return undefined;
  const daily = cron.tz === 'UTC' ? dailyOffsets(cron.fields) : undefined;
  return daily ? dailySchedule(daily, createdAt) : cronParserSchedule(cron.fields, cron.tz, createdAt);
}

/** UTC ms of a wall-clock time in a time zone (IANA name, UTC/GMT or an offset such as +08:00). */
function zonedTime([y, mo, d, h, mi, s]: number[], zone: string): number | undefined {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const fixed = /^([+-])(\d\d):(\d\d)$/.exec(zone);
  if (fixed) return wall - (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return undefined;
  }
  // The zone's offset at an instant: its wall clock then, read as UTC, minus the instant.
  const offset = (t: number) => {
    const p = Object.fromEntries(format.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t;
  };
  const first = wall - offset(wall);
  return wall - offset(first);
}

/** Cloud Assistant cron has seconds; a trailing time zone (`... Asia/Shanghai`) is allowed. */
function splitCron(frequency: string): { fields: string[]; tz: string } | undefined {
  const parts = frequency.trim().split(/\s+/);
  let tz = 'UTC';
  if (parts.length === 7 && /[A-Za-z]+\/[A-Za-z_]+|^UTC$|^GMT/.test(parts[6])) tz = parts.pop() as string;
  return parts.length === 6 ? { fields: parts, tz } : undefined;
}

/**
 * Milliseconds into the UTC day of every fire, ascending, when the expression fires the same
 * way every day: seconds, minutes and hours made of `*`, `N`, `N-M` with an optional `/S`, and
 * `*` (or `?`) for day of month, month and day of week. Undefined for anything else, including
 * what cron-parser would reject: that path decides.
 */
export function dailyOffsets(fields: readonly string[]): number[] | undefined {
  const [sec, min, hour, dom, month, dow] = fields;
  if ((dom !== '*' && dom !== '?') || month !== '*' || (dow !== '*' && dow !== '?')) return undefined;
  const s = fieldValues(sec, 59);
  const m = fieldValues(min, 59);
  const h = fieldValues(hour, 23);
  if (!s || !m || !h) return undefined;
  const out: number[] = [];
  for (const hv of h) for (const mv of m) for (const sv of s) out.push(hv * 3_600_000 + mv * 60_000 + sv * 1_000);
  return out; // ascending: each list is ascending and the units nest
}

const PART = /^(\*|\d{1,2}(?:-\d{1,2})?)(?:\/(\d{1,2}))?$/;

/** Sorted distinct values of one field in 0..max, or undefined when outside the simple forms. */
function fieldValues(field: string, max: number): number[] | undefined {
  const set = new Set<number>();
  for (const part of field.split(',')) {
    const p = PART.exec(part);
    if (!p) return undefined;
    let lo: number;
    let hi: number;
    if (p[1] === '*') [lo, hi] = [0, max];
    else {
      const [a, b] = p[1].split('-').map(Number);
      lo = a;
      // `N/S` runs from N to the end of the range, as in cron-parser.
      hi = b ?? (p[2] !== undefined ? max : a);
    }
    const step = p[2] !== undefined ? Number(p[2]) : 1;
    if (lo > hi || hi > max || step < 1 || step > max) return undefined;
    for (let v = lo; v <= hi; v += step) {
      if (set.has(v)) return undefined; // cron-parser rejects a value listed twice
      set.add(v);
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** Fires at day * DAY_MS + offsets[j] for every UTC day; the first one strictly after `createdAt`. */
function dailySchedule(offsets: readonly number[], createdAt: number): Schedule {
  const perDay = offsets.length;
  /** Fires at or before `t`, counted from the epoch. */
  const upTo = (t: number): number => {
    const day = Math.floor(t / DAY_MS);
    const rem = t - day * DAY_MS;
    let lo = 0;
    let hi = perDay;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offsets[mid] <= rem) lo = mid + 1;
      else hi = mid;
    }
    return day * perDay + lo;
  };
  const before = upTo(createdAt);
  return {
    countAt: (t) => (t <= createdAt ? 0 : upTo(t) - before),
    fireAt(k) {
      if (!(k >= 1)) return Infinity;
      const i = before + k - 1;
      const day = Math.floor(i / perDay);
      return day * DAY_MS + offsets[i - day * perDay];
    },
  };
}

type CronParser = typeof import('cron-parser').CronExpressionParser;
let cronParser: CronParser | undefined;

/** Any other cron: cron-parser's iterator, fire times computed on demand and cached. */
export function cronParserSchedule(fields: readonly string[], tz: string, createdAt: number): Schedule | undefined {
  // Loaded here: luxon, which cron-parser steps with, is most of the emulator's start-up otherwise.
  cronParser ??= (createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser')).CronExpressionParser;
  let iter: ReturnType<CronParser['parse']>;
  try {
    iter = cronParser.parse(fields.join(' '), { currentDate: new Date(createdAt), tz });
  } catch {
    return undefined;
  }
  const fires: number[] = [];
  let next = nextFire();
  function nextFire(): number {
    try {
      return iter.next().getTime();
    } catch {
      return Infinity;
    }
  }
  function ensure(t: number): void {
    while (next <= t) {
      fires.push(next);
      next = nextFire();
    }
  }
  return {
    countAt(t) {
      ensure(t);
      // Binary search: fires <= t.
      let lo = 0;
      let hi = fires.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (fires[mid] <= t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    fireAt(k) {
      while (fires.length < k && next !== Infinity) {
        fires.push(next);
        next = nextFire();
      }
      return fires[k - 1] ?? Infinity;
    },
  };
}
