// Fire times of scheduled invocations: the arithmetic path for daily-repeating UTC cron gives
// exactly what cron-parser's iterator gives (counts at any time, the k-th fire), and every
// expression cron-parser rejects is still rejected.
import { describe, expect, it } from 'vitest';
import { cronParserSchedule, dailyOffsets, parseSchedule, type Schedule } from '../../src/emulator/schedule.js';
import { Prng } from '../../src/emulator/prng.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 13, 7, 21, 345);

function viaCronParser(frequency: string, createdAt: number): Schedule | undefined {
  const parts = frequency.trim().split(/\s+/);
  const tz = parts.length === 7 ? (parts.pop() as string) : 'UTC';
  return cronParserSchedule(parts, tz, createdAt);
}

/** Counts at fire times, a millisecond either side and random times; the first `fires` fire times. */
function expectSame(frequency: string, createdAt: number, fires: number, rng: Prng): void {
  const fast = parseSchedule(frequency, createdAt);
  const slow = viaCronParser(frequency, createdAt);
  expect(fast, frequency).toBeDefined();
  expect(slow, frequency).toBeDefined();
  const times: number[] = [createdAt - 1, createdAt, createdAt + 1];
  for (let k = 1; k <= fires; k++) {
    const f = slow!.fireAt(k);
    expect(fast!.fireAt(k), `${frequency} from ${new Date(createdAt).toISOString()}: fire ${k}`).toBe(f);
    times.push(f - 1, f, f + 1);
  }
  const last = slow!.fireAt(fires);
  for (let i = 0; i < 20; i++) times.push(createdAt + Math.floor(rng.next() * (last - createdAt)));
  // Ascending, then out of order: the cached iterator must not depend on the order of questions.
  for (const t of [...times.sort((a, b) => a - b), ...times.reverse()]) {
    expect(fast!.countAt(t), `${frequency} from ${new Date(createdAt).toISOString()}: count at ${new Date(t).toISOString()}`).toBe(
      slow!.countAt(t),
    );
  }
}

describe('daily cron in UTC without cron-parser', () => {
  const rng = new Prng(7);
  const expressions = [
    '0 * * * * *',
    '* * * * * *',
    '0 */20 * * * *',
    '0 0/5 * * * *',
    '*/7 * * * * *',
    '5/20 * * * * *',
    '0 0 */5 * * *',
    '30 15 9 * * ?',
    '0 0 0 * * *',
    '0,15,45 1-3 * * * *',
    '10-40/10 59 23 * * *',
    '0 0 12 ? * *',
    '07 05 * * * *',
    '*/59 */59 */23 * * *',
    '0 0 12 * * * UTC',
  ];
  const starts = [
    T0,
    Date.UTC(2026, 0, 1, 0, 0, 0, 0), // a fire time itself: not counted
    Date.UTC(2026, 0, 1, 23, 59, 59, 999),
    Date.UTC(2024, 1, 28, 12, 0, 0, 0), // across a leap day
    Date.UTC(2026, 11, 31, 23, 59, 30, 0), // across a year
  ];
  for (const expr of expressions) {
    it(`"${expr}" fires exactly when cron-parser says`, () => {
      expect(dailyOffsets(expr.split(/\s+/).slice(0, 6)), expr).toBeDefined();
      for (const start of starts) expectSame(expr, start, 200, rng);
    });
  }

  it('two days of a per-minute schedule: counts across the whole span and far ahead', () => {
    const createdAt = T0 - 2 * DAY;
    const fast = parseSchedule('0 * * * * *', createdAt)!;
    const slow = viaCronParser('0 * * * * *', createdAt)!;
    for (let t = createdAt; t <= T0 + DAY; t += 997_331) expect(fast.countAt(t)).toBe(slow.countAt(t));
    expect(fast.countAt(T0)).toBe(2 * 24 * 60);
    expect(fast.fireAt(2 * 24 * 60)).toBe(slow.fireAt(2 * 24 * 60));
  });

  it('random simple expressions agree with cron-parser', () => {
    const r = new Prng(42);
    const part = (max: number): string => {
      const kind = r.int(0, 5);
      const a = r.int(0, max);
      const b = r.int(a, max);
      const s = r.int(1, max);
      return ['*', `*/${s}`, String(a), `${a}-${b}`, `${a}-${b}/${s}`, `${a}/${s}`][kind];
    };
    let rejected = 0;
    const list = (max: number) => Array.from({ length: r.chance(0.8) ? 1 : r.int(2, 3) }, () => part(max)).join(',');
    for (let i = 0; i < 80; i++) {
      const expr = `${list(59)} ${list(59)} ${list(23)} ${r.chance(0.5) ? '*' : '?'} * ${r.chance(0.5) ? '*' : '?'}`;
      const createdAt = T0 + r.int(0, DAY);
      // Some draws list a value twice, which cron-parser rejects: so must we.
      if (viaCronParser(expr, createdAt) === undefined) {
        expect(parseSchedule(expr, createdAt), expr).toBeUndefined();
        rejected++;
      } else expectSame(expr, createdAt, 50, r);
    }
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(40);
  });
});

describe('other schedules', () => {
  it('cron with day fields or another time zone goes through cron-parser', () => {
    expect(dailyOffsets('0 0 12 1 * *'.split(' '))).toBeUndefined();
    expect(dailyOffsets('0 0 12 * * MON'.split(' '))).toBeUndefined();
    expect(dailyOffsets('0 0 12 * 1-6 *'.split(' '))).toBeUndefined();
    expect(dailyOffsets('0 0 12 L * *'.split(' '))).toBeUndefined();
    const monday = parseSchedule('0 0 12 * * MON', T0)!;
    expect(new Date(monday.fireAt(1)).getUTCDay()).toBe(1);
    const shanghai = parseSchedule('0 0 9 * * * Asia/Shanghai', T0)!;
    expect(new Date(shanghai.fireAt(1)).getUTCHours()).toBe(1);
  });

  it('what cron-parser rejects is still no schedule (BadCronExpression)', () => {
    for (const bad of ['0 60 * * * *', '0 0 24 * * *', '*/0 * * * * *', '5-3 * * * * *', '0 0 12 * *', 'every tuesday', '* * * * * * * *']) {
      expect(parseSchedule(bad, T0), bad).toBeUndefined();
    }
  });

  it('rate(...) is arithmetic from the creation time', () => {
    const s = parseSchedule('rate(5m)', T0)!;
    expect(s.countAt(T0)).toBe(0);
    expect(s.countAt(T0 + 5 * 60_000)).toBe(1);
    expect(s.fireAt(3)).toBe(T0 + 15 * 60_000);
    expect(parseSchedule('rate(0s)', T0)).toBeUndefined();
  });
});
