// Filters changed while running (the `:` prompt's intent): the store narrows at once, page 1 is
// fetched again now with the new filters on the wire, and history pages again under them.
import { afterEach, describe, expect, it } from 'vitest';
import type { DescribeInvocationsParams } from '../../src/api/model.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Six finished invocations: three deploys (one failed), three backups. */
async function seeded(): Promise<Harness> {
  const harness = await startHarness({ poller: { intervalMs: 2000, idleIntervalMs: 10_000, history: 50 } });
  const sim = harness.emu.sim;
  const ids = sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
  const t0 = harness.clock.now();
  const run = (name: string, outcome: 'Success' | 'Failed', minutesAgo: number) =>
    sim.runCommandAt(
      { name, commandType: 'RunShellScript', commandContent: 'true', instanceIds: [ids[0]], outcome, pendingMs: 100, durationMs: 1000 },
      t0 - minutesAgo * 60_000,
    );
  run('deploy', 'Success', 30);
  run('backup', 'Success', 25);
  run('deploy', 'Failed', 20);
  run('backup', 'Success', 15);
  run('deploy', 'Success', 10);
  run('backup', 'Failed', 5);
  harness.poller.start();
  await harness.settle();
  return harness;
}

const names = (x: Harness) => x.store.getState().order.map((id) => x.store.getState().invocations.get(id)?.commandName);
const statuses = (x: Harness) => x.store.getState().order.map((id) => x.store.getState().invocations.get(id)?.invocationStatus);

describe('poller.setFilters', () => {
  it('narrows the list at once, then asks page 1 with the new filters without waiting for the interval', async () => {
    h = await seeded();
    expect(names(h)).toHaveLength(6);
    const mark = h.api.log.length;
    const at = h.clock.now();

    h.poller.setFilters({ invokeStatus: 'Failed' });
    // Before any call: what Failed would not return has left the list, and the header's filters changed.
    expect(statuses(h)).toEqual(['Failed', 'Failed']);
    expect(h.store.getState().filters).toEqual({ invokeStatus: 'Failed' });
    expect(h.store.getState().totalCount).toBeUndefined();

    await h.settle();
    const first = h.api.since(mark)[0];
    expect(first.at).toBe(at);
    expect(first.params).toMatchObject({ invokeStatus: 'Failed', pageNumber: 1 });
    expect(statuses(h)).toEqual(['Failed', 'Failed']);
    expect(h.store.getState().totalCount).toBe(2);

    // Every listing from now on carries the new filters.
    await h.runFor(30_000);
    const lists = h.api.since(mark).filter((c) => !(c.params as DescribeInvocationsParams).invokeId);
    expect(lists.length).toBeGreaterThan(1);
    for (const c of lists) expect((c.params as DescribeInvocationsParams).invokeStatus).toBe('Failed');
  });

  it('a name and a status together; :clear brings back what the wider filters return', async () => {
    h = await seeded();
    h.poller.setFilters({ commandName: 'deploy', invokeStatus: 'Finished', localStatus: 'Success' });
    expect(names(h)).toEqual(['deploy', 'deploy']);
    const mark = h.api.log.length;
    await h.settle();
    expect(h.api.since(mark)[0].params).toMatchObject({ commandName: 'deploy', invokeStatus: 'Finished' });
    expect(statuses(h)).toEqual(['Success', 'Success']);

    const cleared = h.api.log.length;
    h.poller.setFilters({});
    await h.settle();
    const first = h.api.since(cleared)[0].params as DescribeInvocationsParams;
    expect(first.commandName).toBeUndefined();
    expect(first.invokeStatus).toBeUndefined();
    expect(names(h)).toEqual(['backup', 'deploy', 'backup', 'deploy', 'backup', 'deploy']);
    expect(h.store.getState().filters).toEqual({});
  });

  it('an invocation on screen stays held (out of the list) and rejoins it when the filters return it', async () => {
    h = await seeded();
    const state = h.store.getState();
    const failedBackup = state.order.find((id) => state.invocations.get(id)?.commandName === 'backup' && state.invocations.get(id)?.invocationStatus === 'Failed')!;
    const release = h.store.protect(failedBackup);
    h.poller.setFilters({ commandName: 'deploy' });
    await h.settle();
    expect(h.store.getState().order).not.toContain(failedBackup);
    expect(h.store.getState().invocations.has(failedBackup)).toBe(true);
    h.poller.setFilters({ invokeStatus: 'Failed' });
    await h.settle();
    expect(h.store.getState().order).toContain(failedBackup);
    release();
    expect(h.store.getState().invocations.has(failedBackup)).toBe(true);
  });

  it('what a tick running under the old filters fetched is not applied', async () => {
    h = await seeded();
    h.poller.refreshNow();
    // The refresh is on the wire (old filters); the change lands while it runs.
    h.poller.setFilters({ commandName: 'backup' });
    await h.settle();
    expect(names(h)).toEqual(['backup', 'backup', 'backup']);
  });
});
