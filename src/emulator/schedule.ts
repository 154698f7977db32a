// When a scheduled invocation fires: `rate(5m)` or a cron expression with seconds
// (`0 */20 * * * *`, as Cloud Assistant's Frequency). Fire times are computed on demand and cached,
// so a health check that has fired every minute for two weeks costs one pass, once.
import { CronExpressionParser } from 'cron-parser';

export interface Schedule {
  /** Number of fires in (createdAt, t]. */
  countAt(t: number): number;
  /** Time of the k-th fire, 1-based. */
  fireAt(k: number): number;
}

const RATE = /^rate\(\s*(\d+)\s*([smhd])\s*\)$/i;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

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
  // Cloud Assistant cron has seconds; a trailing time zone (`... Asia/Shanghai`) is allowed.
  const parts = frequency.trim().split(/\s+/);
  let tz = 'UTC';
  if (parts.length === 7 && /[A-Za-z]+\/[A-Za-z_]+|^UTC$|^GMT/.test(parts[6])) tz = parts.pop() as string;
  if (parts.length !== 6) return undefined;
  let iter: ReturnType<typeof CronExpressionParser.parse>;
  try {
    iter = CronExpressionParser.parse(parts.join(' '), { currentDate: new Date(createdAt), tz });
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
