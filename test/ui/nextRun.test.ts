import { describe, expect, it } from 'vitest';
import { nextRunAt } from '../../src/ui/nextRun.js';
import { fitHints } from '../../src/ui/widgets/Footer.js';
import { fitTrail } from '../../src/ui/widgets/Breadcrumb.js';
import { wrapLines } from '../../src/ui/errorText.js';

const NOW = Date.UTC(2026, 10, 28, 9, 0, 30);

describe('the next run of a schedule', () => {
  it('reads rate(), cron with seconds, and cron with a time zone; nothing for what it cannot read', () => {
    expect(nextRunAt('rate(5m)', NOW - 60_000, NOW)).toBe(NOW + 4 * 60_000);
    expect(nextRunAt('0 * * * * *', undefined, NOW)).toBe(Date.UTC(2026, 10, 28, 9, 1, 0));
    expect(nextRunAt('0 */20 * * * *', undefined, NOW)).toBe(Date.UTC(2026, 10, 28, 9, 20, 0));
    // Noon in Shanghai is 04:00 UTC: the next one is tomorrow's.
    expect(nextRunAt('0 0 12 * * ? Asia/Shanghai', undefined, NOW)).toBe(Date.UTC(2026, 10, 29, 4, 0, 0));
    expect(nextRunAt('at(2026-11-01 00:00:00)', undefined, NOW)).toBeUndefined();
    expect(nextRunAt('not a cron', undefined, NOW)).toBeUndefined();
    expect(nextRunAt('', undefined, NOW)).toBeUndefined();
  });
});

describe('fitting words to the width', () => {
  it('keeps help and quit as the last hints to go', () => {
    const hints = ['Enter open', '/ filter', 's status', 'x stop', '? help', 'q quit'];
    expect(fitHints(hints, 200)).toBe(hints.join('  '));
    expect(fitHints(hints, 30)).toBe('Enter open  ? help  q quit');
    expect(fitHints(hints, 5)).toBe('? help  q quit');
  });

  it('shortens the trail, root first, so the note stays whole', () => {
    expect(fitTrail(['Invocations', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop'], 80)).toEqual(['Invocations', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop']);
    expect(fitTrail(['Invocations', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop'], 45)).toEqual(['…', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop']);
    const cut = fitTrail(['Invocations', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop'], 34);
    expect(cut[2]).toBe('i-bp1abcdefghijklmnop');
    expect(cut.join(' › ').length).toBeLessThanOrEqual(34);
  });

  it('wraps whole and cuts only what is beyond every line, at its end', () => {
    expect(wrapLines('Code: a message (RequestId R-1)', 12, 5)).toEqual(['Code: a', 'message', '(RequestId', 'R-1)']);
    const cut = wrapLines('word '.repeat(40), 10, 2);
    expect(cut).toHaveLength(2);
    expect(cut[0]).toBe('word word');
    expect(cut[1].endsWith('…')).toBe(true);
  });
});

describe('a trail with no room', () => {
  it('drops the ids before the last, then cuts the last, never below 8 cells', () => {
    expect(fitTrail(['Invocations', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop'], 20)).toEqual(['…', 'i-bp1abcdefghij…']);
    expect(fitTrail(['Invocations', 't-hz0jdfwd9f1234', 'i-bp1abcdefghijklmnop'], 3)).toEqual(['…', 'i-bp1ab…']);
  });
});
