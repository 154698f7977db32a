// One region, one request at a time, within --max-rps: the first second sends at most a
// second's worth, and a stop request waits for the tick's request in flight instead of going
// beside it. Counted on the emulator over loopback, on the fake clock.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function runActive(harness: Harness, n: number): string[] {
  const fleet = harness.emu.sim.fleet.filter((i) => i.os === 'linux');
  return Array.from({ length: n }, (_, i) =>
    harness.emu.sim.runCommand({
      commandContent: `sleep 600 # ${i}`,
      instanceIds: [fleet[i % fleet.length].instanceId],
      durationMs: 600_000,
      timeout: 3_600,
    }),
  );
}

describe('poller: one request in flight, within the budget', () => {
  it('at --max-rps 5 the first second sends at most 5, and no second ever more', async () => {
    h = await startHarness({ emulator: { invocations: 100 }, poller: { maxRps: 5, history: 500 } });
    // 300 in progress: discovery, six pages of the active listing and a history page want to go at once.
    runActive(h, 300);
    const start = h.clock.now();
    h.poller.start();
    await h.runFor(10_000);
    const at = h.api.log.map((c) => c.at);
    expect(at.length).toBeGreaterThanOrEqual(8);
    expect(at.filter((t) => t < start + 1_000).length).toBeLessThanOrEqual(5);
    for (let i = 5; i < at.length; i++) expect(at[i] - at[i - 5]).toBeGreaterThanOrEqual(1_000);
    expect(h.api.maxInFlightAll).toBe(1);
  });

  it('a stop request during a tick waits for the request in flight: never two at once', async () => {
    h = await startHarness({ emulator: { invocations: 20 }, poller: { history: 50 } });
    const ids = runActive(h, 60);
    await h.poller.tickOnce();
    // Slow responses, so the tick's requests are in flight when the stop is asked for.
    h.emu.setFaults({ latencyMs: [40, 40] });
    const tick = h.poller.tickOnce();
    const stop = h.poller.stopInvocation(ids[0]);
    await Promise.all([tick, stop]);
    h.emu.setFaults({});
    expect(h.api.log.some((c) => c.action === 'StopInvocation')).toBe(true);
    expect(h.api.maxInFlightAll).toBe(1);
    expect(['Stopping', 'Stopped']).toContain(h.store.getState().invocations.get(ids[0])?.invocationStatus);
  });
});
