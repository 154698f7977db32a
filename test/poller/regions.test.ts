// Several regions in one view: one scheduler per region against the emulator (and a stopped
// stand-in) over loopback, through the real client, on a fake clock.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createRegionsPoller, snappingClock, type RegionsPoller } from '../../src/poller/regions.js';
import { FakeClock } from '../../src/clock.js';
import { selectRegionOf, selectRegions } from '../../src/store/selectors.js';
import { describeRegionStates } from '../../src/ui/regionStatus.js';
import { closeStandIns, standIn } from '../helpers/standIn.js';
import { clockRunner, recordedRandom, RecordingApi, WatchedClock } from './harness.js';

let emu: RunningEmulator | undefined;
let poller: RegionsPoller | undefined;
afterEach(async () => {
  poller?.stop();
  await poller?.idle();
  await emu?.stop();
  await closeStandIns();
  emu = poller = undefined;
});

const INTERVAL = 2_000;

/** `down`: a stand-in closed once the emulator listens (so the emulator cannot take its port). */
async function regions(list: string[], down?: { region: string; endpoint: string; close(): Promise<void> }) {
  const clock = new WatchedClock();
  emu = await startEmulator({ seed: 7, fleet: 6, invocations: 20, clock, moreRegions: ['cn-shanghai', 'cn-beijing', 'cn-shenzhen'] });
  await down?.close();
  const endpointOf = (region: string) => (region === down?.region ? down.endpoint : emu!.endpoint);
  const apis = new Map<string, RecordingApi>();
  const apiFor = (regionId: string) => {
    const client = new EcsClient({
      regionId,
      endpoint: endpointOf(regionId),
      credentials: { accessKeyId: emu!.accessKeyId, accessKeySecret: emu!.accessKeySecret },
      timeoutMs: 5_000,
    });
    const api = new RecordingApi(client, clock);
    apis.set(regionId, api);
    return api;
  };
  const p = createRegionsPoller({ regions: list, apiFor, filters: {}, clock, intervalMs: INTERVAL, idleIntervalMs: INTERVAL, maxRps: 1_000, history: 50, random: recordedRandom(3) });
  poller = p;

  // A budget of 1,000 calls a second never waits for a token: settled is every region idle.
  async function settle(): Promise<void> {
    for (let k = 0; k < 3; k++) {
      await p.idle();
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  return { p, apis, clock, settle, runFor: clockRunner(clock, settle) };
}

const times = (now: number) => ({ now, since: () => '', time: () => '', wakeAt: () => undefined }) as never;

describe('several regions', () => {
  it('merges the regions newest first, each invocation with its region', async () => {
    const { p, settle } = await regions(['cn-hangzhou', 'cn-shanghai']);
    p.start();
    await settle();
    const s = p.store.getState();
    const regionOf = selectRegionOf(s)!;
    expect(s.order.length).toBe(40);
    expect(new Set(s.order.map((id) => regionOf(id)))).toEqual(new Set(['cn-hangzhou', 'cn-shanghai']));
    for (const id of s.order) expect(emu!.simFor(regionOf(id)!)!.regionId).toBe(regionOf(id));
    const created = s.order.map((id) => s.invocations.get(id)!.creationTime!);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(selectRegions(s)!.map((r) => [r.regionId, r.poll.phase, r.loaded])).toEqual([
      ['cn-hangzhou', 'ok', 20],
      ['cn-shanghai', 'ok', 20],
    ]);
  });

  it('one region throttled at 100% backs off and says so; the other keeps updating', async () => {
    const { p, apis, clock, settle, runFor } = await regions(['cn-hangzhou', 'cn-shanghai']);
    p.start();
    await settle();
    emu!.setFaults({ regions: { 'cn-shanghai': { throttle: 1 } } });
    const hzMark = apis.get('cn-hangzhou')!.log.length;
    const shMark = apis.get('cn-shanghai')!.log.length;
    const fresh = emu!.simFor('cn-hangzhou')!.runCommand({ commandContent: 'echo hi', name: 'fresh-in-hangzhou' });
    await runFor(5 * 60_000);

    const s = p.store.getState();
    expect(s.invocations.has(fresh)).toBe(true);
    const [hz, sh] = selectRegions(s)!;
    expect(hz.poll.phase).toBe('ok');
    expect(sh.poll.phase).toBe('retrying');
    expect(sh.poll.lastError?.code).toMatch(/^Throttling/);
    // Backoff in Shanghai alone: Hangzhou kept its interval.
    const hzCalls = apis.get('cn-hangzhou')!.since(hzMark).length;
    const shCalls = apis.get('cn-shanghai')!.since(shMark).length;
    // Hangzhou kept its 2 s interval (at least a call a tick, less one for each of Shanghai's ticks
    // its own may have waited for: regions.ts snaps ticks together); Shanghai backed off (full jitter, up to 60 s).
    expect(hzCalls).toBeGreaterThanOrEqual(150 - shCalls);
    expect(shCalls).toBeLessThan(hzCalls / 4);
    expect(apis.get('cn-shanghai')!.since(shMark).every((c) => /^Throttling/.test(c.error?.code ?? ''))).toBe(true);
    // What Shanghai had stays on screen.
    expect(sh.loaded).toBe(20);
    const line = describeRegionStates(selectRegions(s)!, times(clock.now()))
      .map((r) => `${r.regionId} ${r.text}`)
      .join(' · ');
    // Trouble first: the header's line is cut at the terminal's width.
    expect(line).toMatch(/^cn-shanghai throttled, retrying in \d+ s · cn-hangzhou live$/);

    emu!.setFaults({});
    p.refreshNow();
    await settle();
    expect(selectRegions(p.store.getState())!.map((r) => r.poll.phase)).toEqual(['ok', 'ok']);
  });

  it('a region whose endpoint is stopped says so while the other keeps updating', async () => {
    const down = await standIn(() => undefined);
    const { p, clock, settle, runFor } = await regions(['cn-hangzhou', 'cn-beijing'], { region: 'cn-beijing', endpoint: down.endpoint, close: () => down.close() });
    p.start();
    await settle();
    const fresh = emu!.simFor('cn-hangzhou')!.runCommand({ commandContent: 'echo hi' });
    await runFor(30_000);
    const s = p.store.getState();
    expect(s.invocations.has(fresh)).toBe(true);
    const states = describeRegionStates(selectRegions(s)!, times(clock.now()));
    expect(states[0].regionId).toBe('cn-beijing');
    expect(states[0].text).toMatch(/^endpoint unreachable, retrying in \d+ s$/);
    expect(states[1]).toMatchObject({ regionId: 'cn-hangzhou', text: 'live' });
    // The view as a whole is live: Hangzhou answers.
    expect(s.poll.phase).toBe('ok');
  });

  it('routes a drill-down and a stop to the invocation\'s own region', async () => {
    const { p, apis, settle } = await regions(['cn-hangzhou', 'cn-shanghai']);
    p.start();
    await settle();
    const s = p.store.getState();
    const sh = s.order.find((id) => selectRegionOf(s)!(id) === 'cn-shanghai')!;
    const hzMark = apis.get('cn-hangzhou')!.log.length;
    const shMark = apis.get('cn-shanghai')!.log.length;
    const inv = s.invocations.get(sh)!;
    const release = p.demand({ kind: 'output', invokeId: sh, instanceId: inv.instances[0].instanceId });
    await settle();
    expect(apis.get('cn-hangzhou')!.since(hzMark)).toEqual([]);
    const asked = apis.get('cn-shanghai')!.since(shMark);
    expect(asked.some((c) => (c.params as { invokeId?: string }).invokeId === sh)).toBe(true);
    expect(p.store.getState().outputs.size).toBeGreaterThan(0);
    release();

    await p.stopInvocation(sh);
    expect(apis.get('cn-shanghai')!.log.some((c) => c.action === 'StopInvocation')).toBe(true);
    expect(apis.get('cn-hangzhou')!.log.some((c) => c.action === 'StopInvocation')).toBe(false);
  });

  it('the prompt\'s filters reach every region; a watch and a re-run go to the invocation\'s own region', async () => {
    const { p, apis, settle } = await regions(['cn-hangzhou', 'cn-shanghai']);
    p.start();
    await settle();
    const marks = new Map([...apis].map(([region, api]) => [region, api.log.length]));
    p.setFilters({ invokeStatus: 'Failed' });
    await settle();
    for (const [region, api] of apis) {
      const lists = api.since(marks.get(region)!).filter((c) => c.action === 'DescribeInvocations');
      expect(lists.length, region).toBeGreaterThan(0);
      for (const c of lists) expect((c.params as { invokeStatus?: string }).invokeStatus, region).toBe('Failed');
    }
    expect(p.store.getState().filters).toEqual({ invokeStatus: 'Failed' });
    // A region added later starts with the filters in force.
    p.setRegions(['cn-hangzhou', 'cn-shanghai', 'cn-beijing']);
    await settle();
    const bj = apis.get('cn-beijing')!.log.filter((c) => c.action === 'DescribeInvocations');
    expect(bj.length).toBeGreaterThan(0);
    for (const c of bj) expect((c.params as { invokeStatus?: string }).invokeStatus).toBe('Failed');

    p.setFilters({});
    await settle();
    const s = p.store.getState();
    const sh = s.order.find((id) => selectRegionOf(s)!(id) === 'cn-shanghai')!;
    p.watch(sh, true);
    expect(p.store.getState().watched.has(sh)).toBe(true);
    expect(p.parts().find((r) => r.regionId === 'cn-shanghai')!.store.getState().watched.has(sh)).toBe(true);
    expect(p.parts().find((r) => r.regionId === 'cn-hangzhou')!.store.getState().watched.has(sh)).toBe(false);
    p.watch(sh, false);
    expect(p.store.getState().watched.has(sh)).toBe(false);

    const inv = p.store.getState().invocations.get(sh)!;
    await p.rerun(sh, [inv.instances[0].instanceId]);
    const sends = (region: string) => apis.get(region)!.log.filter((c) => c.action === 'InvokeCommand' || c.action === 'RunCommand');
    expect(sends('cn-shanghai').length).toBeGreaterThan(0);
    expect(sends('cn-hangzhou')).toEqual([]);
  });

  it('setRegions adds and drops regions while running; one region is that region\'s own store', async () => {
    const { p, apis, settle } = await regions(['cn-hangzhou']);
    p.start();
    await settle();
    const single = p.store.getState();
    expect(single).toBe(p.parts()[0].store.getState());
    expect(selectRegions(single)).toBeUndefined();

    p.setRegions(['cn-hangzhou', 'cn-beijing']);
    await settle();
    expect(selectRegions(p.store.getState())!.map((r) => [r.regionId, r.loaded])).toEqual([
      ['cn-hangzhou', 20],
      ['cn-beijing', 20],
    ]);
    expect(p.store.getState().order.length).toBe(40);

    p.setRegions(['cn-beijing']);
    const mark = apis.get('cn-hangzhou')!.log.length;
    p.refreshNow();
    await settle();
    expect(apis.get('cn-hangzhou')!.since(mark)).toEqual([]);
    expect(p.regions()).toEqual(['cn-beijing']);
    expect(p.store.getState().order.every((id) => id.startsWith('t-bj'))).toBe(true);
  });

  it('ticks of several regions fall together; the budget\'s short waits stay exact', () => {
    const fake = new FakeClock(1_000_000);
    const clock = snappingClock(fake);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`a@${fake.now()}`), 10_000);
    fake.advance(400);
    clock.setTimeout(() => fired.push(`b@${fake.now()}`), 10_000);
    clock.setTimeout(() => fired.push(`budget@${fake.now()}`), 200);
    const far = clock.setTimeout(() => fired.push(`c@${fake.now()}`), 12_000);
    clock.clearTimeout(far);
    clock.setTimeout(() => fired.push(`d@${fake.now()}`), 13_000);
    fake.advance(20_000);
    expect(fired).toEqual(['budget@1000600', 'a@1010000', 'b@1010000', 'd@1013400']);
  });
});
