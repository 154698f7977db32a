// Run history (the runs job) against the emulator: paging with NextToken, the newer-only
// refresh, and the newly-failing rule over what it read.
import { afterEach, describe, expect, it } from 'vitest';
import type { DescribeInvocationResultsParams } from '../../src/api/model.js';
import { MAX_INSTANCE_REFRESH } from '../../src/poller/jobs/runs.js';
import { newlyFailing, selectRuns } from '../../src/store/runs.js';
import { startHarness, type CallRecord, type Harness } from './harness.js';
import { HOSTILE } from '../helpers/standIn.js';
import { pollerOnStandIn, stopPollersAfterEach } from './standInPoller.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const results = (calls: CallRecord[]) =>
  calls.filter((c) => c.action === 'DescribeInvocationResults').map((c) => c.params as DescribeInvocationResultsParams);

async function tick(harness: Harness): Promise<DescribeInvocationResultsParams[]> {
  const mark = harness.api.log.length;
  await harness.poller.tickOnce();
  await harness.settle();
  return results(harness.api.since(mark));
}

/** A schedule every minute on three instances, `minutes` old; the third fails from run `failsFrom`. */
function scheduled(harness: Harness, minutes: number, failsFrom?: number): { id: string; instances: string[] } {
  const instances = harness.emu.sim.fleet.filter((i) => i.os === 'linux').slice(0, 3).map((i) => i.instanceId);
  const id = harness.emu.sim.runCommandAt(
    {
      commandContent: 'systemctl is-active app',
      instanceIds: instances,
      frequency: '30 * * * * *',
      durationMs: 2_000,
      outcome: failsFrom ? { [instances[2]]: { failsFromRun: failsFrom, exitCode: 3 } } : 'Success',
    },
    harness.clock.now() - minutes * 60_000,
  );
  return { id, instances };
}

describe('run history', () => {
  it('reads every run with IncludeHistory, 50 a call, following NextToken to the end', async () => {
    h = await startHarness();
    const { id, instances } = scheduled(h, 60);
    h.poller.setFocus({ invokeId: id });
    h.poller.demand({ kind: 'runs', invokeId: id });
    const calls = await tick(h);
    // 3 instances × 60 runs = 180 rows: four pages, each after the last one's token.
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.invokeId === id && c.includeHistory === true && c.maxResults === 50 && !c.instanceId)).toBe(true);
    expect(calls[0].nextToken).toBeUndefined();
    expect(calls.slice(1).every((c) => typeof c.nextToken === 'string' && c.nextToken.length > 0)).toBe(true);
    const history = selectRuns(h.store.getState(), id);
    expect(history?.complete).toBe(true);
    for (const i of instances) {
      const runs = history?.runs.get(i) ?? [];
      expect(runs).toHaveLength(60);
      // Newest first.
      expect(runs[0].startTime).toBeGreaterThan(runs[59].startTime ?? Infinity);
    }
    // Nothing ran since: the next tick asks nothing more.
    expect(await tick(h)).toEqual([]);
  });

  it('on a refresh asks only the instances that ran since, and stops at the first page of known runs', async () => {
    h = await startHarness();
    const { id, instances } = scheduled(h, 60);
    h.poller.setFocus({ invokeId: id });
    h.poller.demand({ kind: 'runs', invokeId: id });
    await tick(h);
    expect(selectRuns(h.store.getState(), id)?.runs.get(instances[0])).toHaveLength(60);
    h.clock.advance(60_000);
    // The tick refreshes the invocation first: its grown Repeats say each instance has run once more.
    // One call each: its first page (1 new run, 49 known) ends the read, though a NextToken follows.
    const refresh = await tick(h);
    expect(refresh.map((c) => c.instanceId).sort()).toEqual([...instances].sort());
    expect(refresh.every((c) => c.invokeId === id && c.includeHistory === true && c.nextToken === undefined)).toBe(true);
    const runs = selectRuns(h.store.getState(), id)?.runs.get(instances[1]) ?? [];
    expect(runs).toHaveLength(61);
    expect(new Set(runs.map((r) => r.startTime)).size).toBe(runs.length);
  });

  it('reads the whole history again, not instance by instance, when more than 10 instances ran since', async () => {
    h = await startHarness({ emulator: { fleet: 16 } });
    const instances = h.emu.sim.fleet.filter((i) => i.os === 'linux').slice(0, MAX_INSTANCE_REFRESH + 1).map((i) => i.instanceId);
    const id = h.emu.sim.runCommandAt({ commandContent: 'uptime', instanceIds: instances, frequency: '30 * * * * *', durationMs: 2_000, outcome: 'Success' }, h.clock.now() - 3 * 60_000);
    h.poller.setFocus({ invokeId: id });
    h.poller.demand({ kind: 'runs', invokeId: id });
    await tick(h);
    h.clock.advance(60_000);
    const calls = await tick(h);
    // 11 instances × 4 runs = 44 rows: one page, no InstanceId.
    expect(calls).toHaveLength(1);
    expect(calls[0].instanceId).toBeUndefined();
    expect(selectRuns(h.store.getState(), id)?.runs.get(instances[10])).toHaveLength(4);
  });

  it('calls out the instance that began failing, and since when', async () => {
    h = await startHarness();
    const { id, instances } = scheduled(h, 5, 4);
    h.poller.demand({ kind: 'runs', invokeId: id });
    await tick(h);
    const history = selectRuns(h.store.getState(), id);
    const failing = newlyFailing(history);
    expect(failing.instances).toEqual([instances[2]]);
    const runs = history?.runs.get(instances[2]) ?? [];
    // Runs 4 and 5 failed: the streak began with run 4 (the second newest).
    expect(runs.map((r) => r.exitCode)).toEqual([3, 3, 0, 0, 0]);
    expect(failing.since).toBe(runs[1].startTime);
  });
});

describe('run history from an endpoint whose paging loops', () => {
  stopPollersAfterEach();
  it('stops at the repeated NextToken, keeps what it read and says so', async () => {
    const { s, store, poller } = await pollerOnStandIn(HOSTILE.runsTokenLoop);
    poller.demand({ kind: 'runs', invokeId: 't-loop' });
    await poller.tickOnce();
    const pages = s.seen.filter((r) => r.action === 'DescribeInvocationResults');
    expect(pages).toHaveLength(2);
    expect(pages[1].params.get('NextToken')).toBe('same-token');
    expect(selectRuns(store.getState(), 't-loop')?.runs.get('i-loop')).toHaveLength(1);
    expect(store.getState().poll.notice).toMatch(/run history repeated a NextToken/);
  });
});
