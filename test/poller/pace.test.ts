// The pace rule on a fake clock: throttling doubles the interval up to the cap, clean ticks narrow
// it one base interval at a time, and the last minute's calls keep ticks within --budget.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { Pace, PACE_WINDOW_MS, WIDEN_JITTER } from '../../src/poller/pace.js';
import { recordedRandom } from './harness.js';

const pace = (perMinute = 1000) => {
  const clock = new FakeClock();
  return { clock, pace: new Pace({ clock, baseMs: 2000, capMs: 60_000, perMinute }) };
};

describe('Pace', () => {
  it('jitters a widened interval, so that copies throttled together call apart', () => {
    const clock = new FakeClock();
    const copies = [1, 2].map((seed) => new Pace({ clock, baseMs: 2000, capMs: 60_000, random: recordedRandom(seed) }));
    const delays = copies.map((p) => {
      for (let i = 0; i < 3; i++) p.throttled();
      return [0, 1, 2].map(() => p.delay(2000, 1));
    });
    for (const d of delays.flat()) {
      expect(d).toBeGreaterThanOrEqual(16_000 * (1 - WIDEN_JITTER));
      expect(d).toBeLessThanOrEqual(Math.ceil(16_000 * (1 + WIDEN_JITTER)));
    }
    expect(delays[0]).not.toEqual(delays[1]);
    expect(copies[0].stats().slowed).toBe('throttled');
    // Not widened: no jitter (the interval the screen asks for is kept to the millisecond).
    const calm = new Pace({ clock, baseMs: 2000, capMs: 60_000, random: recordedRandom(3) });
    expect([calm.delay(2000, 1), calm.delay(2000, 1)]).toEqual([2000, 2000]);
  });

  it('keeps the interval asked for while nothing is throttled and the budget has room', () => {
    const { pace: p } = pace();
    expect(p.delay(2000, 2)).toBe(2000);
    expect(p.stats()).toMatchObject({ intervalMs: 2000, slowed: undefined, callsLastMinute: 0, perMinute: 1000, throttledLastMinute: 0 });
  });

  it('widens x2 per throttle up to the cap, then each clean tick adds an eighth of the base rate back', () => {
    const { pace: p } = pace();
    const widened: number[] = [];
    for (let i = 0; i < 7; i++) {
      p.throttled();
      widened.push(p.intervalMs);
    }
    expect(widened).toEqual([4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(p.delay(2000, 1)).toBe(60_000);
    expect(p.stats()).toMatchObject({ slowed: 'throttled', throttledLastMinute: 7 });
    const narrowed: number[] = [];
    for (let i = 0; i < 8; i++) {
      p.clean();
      narrowed.push(p.intervalMs);
    }
    // 1/60 s + 1/16 s a tick, and so on: back at the base after eight clean ticks, not 29.
    expect(narrowed).toEqual([12_632, 7059, 4898, 3750, 3038, 2553, 2202, 2000]);
    for (let i = 0; i < 100; i++) p.clean();
    expect(p.intervalMs).toBe(2000);
    expect(p.delay(2000, 1)).toBe(2000);
    expect(p.stats().slowed).toBeUndefined();
  });

  it('counts calls and throttles of the last minute only', () => {
    const { clock, pace: p } = pace();
    for (let i = 0; i < 5; i++) p.called();
    p.throttled();
    clock.advance(30_000);
    p.called();
    expect(p.stats()).toMatchObject({ callsLastMinute: 6, throttledLastMinute: 1 });
    clock.advance(30_000);
    expect(p.stats()).toMatchObject({ callsLastMinute: 1, throttledLastMinute: 0 });
    clock.advance(30_000);
    expect(p.stats().callsLastMinute).toBe(0);
  });

  it('spreads ticks so the calls a tick makes fit the budget a minute', () => {
    // 10 calls a minute, 2 calls a tick: at most 5 ticks a minute, one per 12 s.
    const { pace: p } = pace(10);
    expect(p.delay(2000, 2)).toBe(12_000);
    expect(p.stats().slowed).toBe('budget');
  });

  it('waits until the last minute leaves room for the next tick when calls near the budget', () => {
    const { clock, pace: p } = pace(100);
    // 99 calls at t0, then 1 at t0+10s: a 3-call tick needs the two oldest to leave (at t0+60s).
    for (let i = 0; i < 99; i++) p.called();
    clock.advance(10_000);
    p.called();
    expect(p.delay(2000, 3)).toBe(PACE_WINDOW_MS - 10_000);
    expect(p.stats()).toMatchObject({ slowed: 'budget', callsLastMinute: 100, nextPollAt: clock.now() + 50_000 });
    clock.advance(50_000);
    expect(p.delay(2000, 3)).toBe(2000);
  });

  it('never shortens a longer wait (the idle interval, a backoff)', () => {
    const { pace: p } = pace();
    p.throttled();
    expect(p.delay(10_000, 1)).toBe(10_000);
    expect(p.stats().slowed).toBeUndefined();
  });
});
