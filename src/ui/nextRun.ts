// When a scheduled invocation runs next, from its Frequency: `rate(5m)` (every period from the
// creation time) or a cron expression with seconds and an optional time zone
// (`0 */20 * * * *`, `0 0 12 * * ? Asia/Shanghai`). Undefined for anything else (`at(...)`, junk).
import { createRequire } from 'node:module';

const RATE = /^rate\(\s*(\d+)\s*([smhd])\s*\)$/i;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

type CronParser = typeof import('cron-parser').CronExpressionParser;
let cronParser: CronParser | undefined;

/** The first run strictly after `now`. */
export function nextRunAt(frequency: string | undefined, createdAt: number | undefined, now: number): number | undefined {
  const text = frequency?.trim();
  if (!text) return undefined;
  const rate = RATE.exec(text);
  if (rate) {
    const period = Number(rate[1]) * UNIT_MS[rate[2].toLowerCase()];
    if (!(period >= 1_000) || createdAt === undefined) return undefined;
    return now < createdAt ? createdAt + period : createdAt + (Math.floor((now - createdAt) / period) + 1) * period;
  }
  const parts = text.split(/\s+/);
  let tz = 'UTC';
  if (parts.length === 7 && /\/|^UTC$|^GMT/.test(parts[6])) tz = parts.pop() as string;
  if (parts.length !== 6) return undefined;
  // Loaded on first use: cron-parser brings luxon, which start-up does not need.
  cronParser ??= (createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser')).CronExpressionParser;
  try {
    return cronParser.parse(parts.join(' '), { currentDate: new Date(now), tz }).next().getTime();
  } catch {
    return undefined;
  }
}
