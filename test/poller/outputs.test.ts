// The outputs job: an invocation's outputs for grouping, 50 a call, within --max-rps, counted on
// the emulator with the fake clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { DescribeInvocationResultsParams } from '../../src/api/model.js';
import { startHarness, type CallRecord, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isResults = (c: CallRecord) => c.action === 'DescribeInvocationResults';

/** One invocation on `n` instances, finished: most print the same, every tenth fails with exit 1. */
function bigRun(harness: Harness, n: number): string {
  const ids = harness.emu.sim.fleet.slice(0, n).map((i) => i.instanceId);
  return harness.emu.sim.runCommandAt(
    {
      commandContent: 'uptime',
      instanceIds: ids,
      output: 'all good at 2026-11-28T08:59:01Z\n',
      outcome: ids.map((_, k) =>
        k % 10 === 3 ? { status: 'Failed' as const, exitCode: 1, errorCode: 'ExitCodeNonzero', output: 'disk full\n' } : 'Success',
      ),
      pendingMs: 100,
      durationMs: 1_000,
    },
    harness.clock.now() - 60_000,
  );
}

describe('poller: the outputs job', () => {
  it('groups a 1,000-instance invocation in ceil(1000/50) calls of 50, within the budget, without delaying the refresh', async () => {
    const maxRps = 4;
    h = await startHarness({ emulator: { fleet: 1_000 }, poller: { maxRps, history: 0 } });
    const invokeId = bigRun(h, 1_000);
    h.poller.start();
    await h.settle();
    const mark = h.api.log.length;
    h.poller.demand({ kind: 'outputs', invokeId });
    await h.runFor(30_000);

    const results = h.api.since(mark).filter(isResults);
    expect(results).toHaveLength(Math.ceil(1_000 / 50));
    for (const c of results) {
      const p = c.params as DescribeInvocationResultsParams;
      expect(p).toMatchObject({ invokeId, maxResults: 50 });
    }
    // Paced: never more than maxRps calls of any kind in one second.
    const all = h.api.since(mark);
    for (const c of all) expect(all.filter((o) => o.at >= c.at && o.at < c.at + 1_000).length).toBeLessThanOrEqual(maxRps);
    // Regular ticks went on while outputs were fetched (discovery between the pages).
    const firstResult = all.indexOf(results[0]);
    const lastResult = all.indexOf(results[results.length - 1]);
    expect(all.slice(firstResult, lastResult).some((c) => c.action === 'DescribeInvocations')).toBe(true);

    expect(h.poller.groups.progress(invokeId)).toEqual({ fetched: 1_000, total: 1_000, done: true });
    const groups = h.poller.groups.groups(invokeId, 'masked');
    expect(groups.map((g) => [g.status, g.exitCode, g.count])).toEqual([
      ['Failed', 1, 100],
      ['Success', 0, 900],
    ]);
    // Strict mode sees the same here (byte-identical outputs); one sample per group is kept.
    expect(h.poller.groups.groups(invokeId, 'strict').map((g) => g.count)).toEqual([100, 900]);
    expect(groups[1].sample).toBe('all good at 2026-11-28T08:59:01Z\n');

    // Done: no more calls for it, however long the demand is held.
    const after = h.api.log.length;
    await h.runFor(20_000);
    expect(h.api.since(after).filter(isResults)).toHaveLength(0);
  });

  it('progress is readable while the pages arrive (outputs N/M)', async () => {
    h = await startHarness({ emulator: { fleet: 120 }, poller: { maxRps: 1, history: 0 } });
    const invokeId = bigRun(h, 120);
    h.poller.start();
    await h.settle();
    const seen: string[] = [];
    const off = h.poller.groups.subscribe(() => {
      const p = h!.poller.groups.progress(invokeId);
      if (p) seen.push(`${p.fetched}/${p.total}`);
    });
    h.poller.demand({ kind: 'outputs', invokeId });
    await h.runFor(30_000);
    off();
    expect(seen).toEqual(['50/120', '100/120', '120/120']);
  });
});

describe('poller: stopping marked instances', () => {
  it('sends StopInvocation with at most 50 InstanceId.N a call', async () => {
    h = await startHarness({ emulator: { fleet: 130 }, poller: { history: 0 } });
    const ids = h.emu.sim.fleet.map((i) => i.instanceId);
    const invokeId = h.emu.sim.runCommand({ commandContent: 'sleep 600', instanceIds: ids, pendingMs: 100, durationMs: 600_000, timeout: 3_600 });
    h.clock.advance(1_000);
    const mark = h.api.log.length;
    await h.poller.stopInvocation(invokeId, ids.slice(0, 120));
    await h.settle();
    const stops = h.api.since(mark).filter((c) => c.action === 'StopInvocation');
    expect(stops).toHaveLength(3);
    h.clock.advance(5_000);
    const page = await h.client.describeInvocations({ invokeId });
    const byStatus = new Map<string, number>();
    for (const i of page.invocations[0].instances) byStatus.set(i.invocationStatus, (byStatus.get(i.invocationStatus) ?? 0) + 1);
    expect(byStatus.get('Running')).toBe(10);
    expect(['Stopped', 'Stopping', 'Terminated'].reduce((n, st) => n + (byStatus.get(st) ?? 0), 0)).toBe(120);
  });
});
