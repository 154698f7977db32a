import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nextRunAt } from '../../src/ui/nextRun.js';
import { frequencyText, lastRunSummary, repeatMode, scheduleText } from '../../src/ui/schedule.js';
import type { InstanceResult } from '../../src/api/model.js';

const { CronExpressionParser } = createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser');
const NOW = Date.UTC(2026, 10, 28, 9, 0, 30);

describe('a Frequency in words', () => {
  it('says a cron with seconds in words, with the expression beside it', () => {
    expect(frequencyText('0 */20 * * * *')).toBe('every 20 minutes (0 */20 * * * *)');
    expect(frequencyText('0 0/5 * * * ?')).toBe('every 5 minutes (0 0/5 * * * ?)');
    expect(frequencyText('0 * * * * *')).toBe('every minute (0 * * * * *)');
    expect(frequencyText('*/30 * * * * *')).toBe('every 30 seconds (*/30 * * * * *)');
    expect(frequencyText('0 0 */2 * * *')).toBe('every 2 hours (0 0 */2 * * *)');
    expect(frequencyText('0 15 * * * *')).toBe('every hour at :15 (0 15 * * * *)');
    expect(frequencyText('0 30 2 * * ?')).toBe('every day at 02:30 (0 30 2 * * ?)');
    expect(frequencyText('0 0 3 * * MON-FRI')).toBe('every MON-FRI at 03:00 (0 0 3 * * MON-FRI)');
    expect(frequencyText('0 0 4 1 * ?')).toBe('monthly on day 1 at 04:00 (0 0 4 1 * ?)');
  });

  it('names the time zone the expression names', () => {
    expect(frequencyText('0 0 12 * * ? Asia/Shanghai')).toBe('every day at 12:00 Asia/Shanghai (0 0 12 * * ? Asia/Shanghai)');
    expect(frequencyText('at(2026-12-01 02:00:00 Asia/Shanghai)')).toBe('once at 2026-12-01 02:00:00 Asia/Shanghai');
    expect(frequencyText('at(2026-12-01 02:00:00)')).toBe('once at 2026-12-01 02:00:00 UTC');
    expect(frequencyText('at(2026-12-01 02:00:00 +08:00)')).toBe('once at 2026-12-01 02:00:00 +08:00');
  });

  it('says rate() in words, and leaves what it cannot read as it is', () => {
    expect(frequencyText('rate(5m)')).toBe('every 5 minutes');
    expect(frequencyText('rate(1h)')).toBe('every hour');
    expect(frequencyText('rate(30s)')).toBe('every 30 seconds');
    expect(frequencyText('0 0 1-5 * * *')).toBe('0 0 1-5 * * *');
    expect(frequencyText('not a cron')).toBe('not a cron');
    expect(frequencyText(undefined)).toBe('');
  });

  it('shows RepeatMode, also for the reboot modes that have no Frequency', () => {
    expect(repeatMode({ timed: true })).toBe('Period');
    expect(repeatMode({ timed: false })).toBe('Once');
    expect(repeatMode({ timed: false, repeatMode: 'EveryReboot' })).toBe('EveryReboot');
    expect(scheduleText({ timed: false, repeatMode: 'NextRebootOnly' })).toBe('at the next reboot');
    expect(scheduleText({ timed: false, repeatMode: 'Once' })).toBe('');
    expect(scheduleText({ timed: true, repeatMode: 'Period', frequency: 'rate(5m)' })).toBe('every 5 minutes');
  });
});

describe('the next run time', () => {
  const viaCronParser = (expr: string, tz: string, now: number) =>
    CronExpressionParser.parse(expr, { currentDate: new Date(now), tz }).next().getTime();

  it('agrees with cron-parser for cron with seconds, in UTC and in a named zone', () => {
    for (const [expr, tz] of [
      ['0 */20 * * * *', 'UTC'],
      ['15 0 2 * * ?', 'UTC'],
      ['0 0 12 * * ?', 'Asia/Shanghai'],
      ['0 30 9 * * MON-FRI', 'America/New_York'],
    ] as const) {
      const freq = tz === 'UTC' ? expr : `${expr} ${tz}`;
      for (const now of [NOW, NOW + 3_600_000 * 7, Date.UTC(2026, 2, 8, 6, 59, 59)]) {
        expect(nextRunAt(freq, undefined, now), `${freq} after ${new Date(now).toISOString()}`).toBe(viaCronParser(expr, tz, now));
      }
    }
  });

  it('is the at() time itself while it is ahead, in its zone or offset, and none after it', () => {
    // 02:00 in Shanghai is 18:00 UTC the day before.
    expect(nextRunAt('at(2026-12-01 02:00:00 Asia/Shanghai)', undefined, NOW)).toBe(Date.UTC(2026, 10, 30, 18, 0, 0));
    expect(nextRunAt('at(2026-12-01 02:00:00 +08:00)', undefined, NOW)).toBe(Date.UTC(2026, 10, 30, 18, 0, 0));
    expect(nextRunAt('at(2026-12-01 02:00:00)', undefined, NOW)).toBe(Date.UTC(2026, 11, 1, 2, 0, 0));
    expect(nextRunAt('at(2026-11-01 02:00:00)', undefined, NOW)).toBeUndefined();
  });

  it('counts rate() periods from the creation time', () => {
    expect(nextRunAt('rate(5m)', NOW - 11 * 60_000, NOW)).toBe(NOW + 4 * 60_000);
  });
});

describe("the last run's result", () => {
  const inst = (over: Partial<InstanceResult>): InstanceResult => ({
    invokeId: 't-1', instanceId: 'i-1', invocationStatus: 'Scheduled', exitCode: 0, dropped: 0, repeats: 3, ...over,
  });
  it('counts instances whose last run failed or succeeded, and ignores those not run yet', () => {
    const s = lastRunSummary({
      instances: [inst({ finishTime: 10 }), inst({ instanceId: 'i-2', exitCode: 1, errorCode: 'ExitCodeNonzero', finishTime: 20 }), inst({ instanceId: 'i-3', repeats: 0 })],
    });
    expect(s).toEqual({ text: '1 ok, 1 failed', at: 20, failed: 1 });
    expect(lastRunSummary({ instances: [inst({ repeats: 0 })] })).toBeUndefined();
  });
});

describe('the words alone, for a narrow column', () => {
  it('drops the expression only where there are words for it', () => {
    expect(frequencyText('0 */20 * * * *', false)).toBe('every 20 min');
    expect(frequencyText('rate(1h)', false)).toBe('every h');
    expect(frequencyText('0 30 2 * * ?', false)).toBe('daily 02:30');
    expect(frequencyText('0 0 1-5 * * *', false)).toBe('0 0 1-5 * * *');
    expect(scheduleText({ timed: true, frequency: '0 0 12 * * ? Asia/Shanghai' }, false)).toBe('daily 12:00 Asia/Shanghai');
  });
});
