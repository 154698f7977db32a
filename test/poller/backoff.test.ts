import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { backoffDelay } from '../../src/poller/backoff.js';
import { RequestBudget } from '../../src/poller/budget.js';
import { startHarness } from './harness.js';

describe('backoffDelay (full jitter)', () => {
  it('spreads over [0, min(cap, base * 2^attempt))', () => {
    expect(backoffDelay(0, 2_000, 60_000, () => 0.5)).toBe(1_000);
    expect(backoffDelay(3, 2_000, 60_000, () => 0.5)).toBe(8_000);
    expect(backoffDelay(5, 2_000, 60_000, () => 0.999)).toBe(59_940);
    expect(backoffDelay(40, 2_000, 60_000, () => 0.5)).toBe(30_000);
    expect(backoffDelay(2, 2_000, 60_000, () => 0)).toBe(0);
  });

  it('never goes below x-acs-retry-after', () => {
    expect(backoffDelay(0, 2_000, 60_000, () => 0.1, 1_500)).toBe(1_500);
    expect(backoffDelay(4, 2_000, 60_000, () => 0.5, 1_500)).toBe(16_000);
  });

  it("counts the server's retry-after only up to the cap", () => {
    expect(backoffDelay(0, 2_000, 60_000, () => 0.1, 1e12)).toBe(60_000);
    expect(backoffDelay(0, 2_000, 60_000, () => 0.1, Number.NaN)).toBe(200);
  });

  it('clamps a bad random source to [0, 1]', () => {
    expect(backoffDelay(1, 1_000, 60_000, () => 7)).toBe(2_000);
    expect(backoffDelay(1, 1_000, 60_000, () => -1)).toBe(0);
  });
});

describe('RequestBudget (at most `rate` requests in any second)', () => {
  it('allows a burst of `rate` calls, then waits until the oldest is a second old', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget(clock, 2);
    expect(budget.tryTake()).toBe(true);
    clock.advance(300);
    expect(budget.tryTake()).toBe(true);
    expect(budget.tryTake()).toBe(false);
    expect(budget.waitMs()).toBe(700);
    let got = false;
    const taking = budget.take().then(() => (got = true));
    await Promise.resolve();
    clock.advance(699);
    await Promise.resolve();
    expect(got).toBe(false);
    clock.advance(1);
    await taking;
    expect(got).toBe(true);
    clock.advance(10_000);
    // However long it was idle, the burst is one second's worth.
    expect([budget.tryTake(), budget.tryTake(), budget.tryTake()]).toEqual([true, true, false]);
  });

  it('never grants more than `rate` in any one second, however it is asked', () => {
    const clock = new FakeClock();
    const budget = new RequestBudget(clock, 5);
    const at: number[] = [];
    for (let t = 0; t < 10_000; t += 50) {
      clock.set(clock.now() + 50);
      while (budget.tryTake()) at.push(clock.now());
    }
    expect(at.length).toBeGreaterThanOrEqual(45);
    for (let i = 5; i < at.length; i++) expect(at[i] - at[i - 5]).toBeGreaterThanOrEqual(1_000);
  });

  it('below one a second: one per 1/rate s', () => {
    const clock = new FakeClock();
    const budget = new RequestBudget(clock, 0.5);
    expect(budget.tryTake()).toBe(true);
    expect(budget.waitMs()).toBe(2_000);
  });

  it('caps the poller: a tick of several calls at --max-rps 1 spreads them a second apart', async () => {
    const h = await startHarness({ emulator: { invocations: 400 }, poller: { maxRps: 1, history: 500, pageSize: 50 } });
    try {
      // 60 active invocations: discovery + two active pages on the first tick, plus a history page.
      const fleet = h.emu.sim.fleet.filter((i) => i.os === 'linux');
      for (let i = 0; i < 60; i++) {
        h.emu.sim.runCommand({ commandContent: 'sleep 600', instanceIds: [fleet[i % fleet.length].instanceId], durationMs: 600_000, timeout: 3_600 });
      }
      h.poller.start();
      await h.runFor(10_000);
      const at = h.api.log.map((c) => c.at);
      expect(at.length).toBeGreaterThanOrEqual(4);
      // One token to start with, then one a second.
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(1_000);
      expect(h.api.log.length).toBeLessThanOrEqual(1 + 10);
    } finally {
      await h.close();
    }
  });
});
