// The pace rule against the emulator (src/poller/pace.ts): Throttling answers widen the interval
// between ticks, clean ticks narrow it again, an eighth of the --interval rate at a time, and --budget spreads ticks
// so that no minute holds more calls than the budget.
import { afterEach, describe, expect, it } from 'vitest';
import type { DescribeInvocationsParams } from '../../src/api/model.js';
import { createPoller } from '../../src/poller/index.js';
import { NARROW_STEPS } from '../../src/poller/pace.js';
import { createStore } from '../../src/store/index.js';
import { recordedRandom, startHarness, type CallRecord, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const INTERVAL = 2000;

/** Discovery's call: page 1 of the user's list, one per full tick. */
const discovery = (c: CallRecord) => {
  const p = c.params as DescribeInvocationsParams;
  return p.pageNumber === 1 && p.invokeStatus === undefined && p.invokeId === undefined;
};

describe('poller pace', () => {
  it('widens the interval under throttling (x2 to the cap), says so, and narrows it after throttling stops', async () => {
    // The widened interval's jitter held at its middle, to check the rule to the millisecond (pace.test.ts checks the jitter).
    const poller = { intervalMs: INTERVAL, idleIntervalMs: INTERVAL, history: 0, paceRandom: () => 0.5 };
    h = await startHarness({ emulator: { invocations: 20 }, poller });
    h.poller.start();
    await h.settle();
    expect(h.poller.budgetStats()).toMatchObject({ intervalMs: INTERVAL, throttledLastMinute: 0, perMinute: 1000 });

    h.emu.setFaults({ throttle: 1 });
    await h.runFor(60_000);
    const throttled = h.poller.budgetStats();
    expect(throttled.throttledLastMinute).toBeGreaterThanOrEqual(3);
    expect(throttled.intervalMs).toBeGreaterThanOrEqual(INTERVAL * 2 ** 3);
    expect(throttled.slowed).toBe('throttled');
    expect(h.store.getState().poll.budget).toMatchObject({ slowed: 'throttled', throttledLastMinute: throttled.throttledLastMinute });

    h.emu.setFaults({});
    const clean = h.api.log.length;
    await h.runFor(20 * 60_000);
    const ticks = h.api.since(clean).filter(discovery);
    expect(ticks.every((c) => !c.error)).toBe(true);
    const gaps = ticks.slice(1).map((c, k) => c.at - ticks[k].at);
    // Each clean tick adds an eighth of the interval's rate back (pace.ts), down to the interval itself.
    const wide = gaps.slice(0, gaps.indexOf(INTERVAL));
    expect(wide.length).toBeGreaterThan(3);
    wide.slice(1).forEach((gap, k) => expect(Math.abs(1 / gap - 1 / wide[k] - 1 / (NARROW_STEPS * INTERVAL))).toBeLessThan(1e-6));
    expect(gaps.slice(-3)).toEqual([INTERVAL, INTERVAL, INTERVAL]);
    expect(h.poller.budgetStats()).toMatchObject({ intervalMs: INTERVAL, throttledLastMinute: 0, slowed: undefined });
  });

  it('two copies on one account both slow down while it throttles, and both come back after', async () => {
    const options = { intervalMs: INTERVAL, idleIntervalMs: INTERVAL, history: 0 };
    h = await startHarness({ emulator: { invocations: 20 }, poller: options });
    const other = createPoller({ api: h.api, store: createStore(), clock: h.clock, random: recordedRandom(7), maxRps: 1_000, ...options });
    try {
      h.poller.start();
      other.start();
      await h.settle();
      h.emu.setFaults({ throttle: 1 });
      await h.runFor(90_000);
      for (const copy of [h.poller, other]) {
        expect(copy.budgetStats().slowed).toBe('throttled');
        expect(copy.budgetStats().intervalMs).toBeGreaterThanOrEqual(INTERVAL * 2 ** 3);
      }
      h.emu.setFaults({});
      await h.runFor(20 * 60_000);
      for (const copy of [h.poller, other]) expect(copy.budgetStats()).toMatchObject({ intervalMs: INTERVAL, slowed: undefined, throttledLastMinute: 0 });
    } finally {
      other.stop();
      await other.idle();
    }
  });

  it('--budget 10: no minute holds more than 10 calls, and the header says why ticks are slower', async () => {
    h = await startHarness({
      emulator: { invocations: 20 },
      poller: { intervalMs: INTERVAL, idleIntervalMs: INTERVAL, history: 0, budgetPerMinute: 10 },
    });
    h.poller.start();
    await h.runFor(5 * 60_000);
    const at = h.api.log.map((c) => c.at);
    expect(at.length).toBeGreaterThan(40);
    for (let i = 0; i < at.length; i++) {
      const inMinute = at.filter((t) => t >= at[i] && t < at[i] + 60_000).length;
      expect(inMinute).toBeLessThanOrEqual(10);
    }
    expect(h.store.getState().poll.budget).toMatchObject({ perMinute: 10, slowed: 'budget' });
    expect(h.store.getState().poll.budget!.callsLastMinute).toBeLessThanOrEqual(10);
  });
});
