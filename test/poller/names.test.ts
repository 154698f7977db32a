// The names and agent jobs through the real poller and client against the stand-in: batching
// (100 ids a DescribeInstances call, 50 a DescribeCloudAssistantStatus call), caching and
// staleness, released instances, a refused caller, the budget, and --no-names.
import { describe, expect, it } from 'vitest';
import { instanceLabel, NAMES_TTL_MS } from '../../src/store/names.js';
import { serveFleet, serveInvocations, wireAgentStatus, wireInstanceInfo, wireInvocation } from '../helpers/standIn.js';
import { pollerOnStandIn, stopPollersAfterEach } from './standInPoller.js';

stopPollersAfterEach();

const id = (k: number) => `i-fleet${String(k).padStart(5, '0')}`;
const FLEET = Array.from({ length: 300 }, (_, k) => wireInstanceInfo({ InstanceId: id(k), InstanceName: `web-${k}`, VpcAttributes: { PrivateIpAddress: { IpAddress: [`10.0.${k >> 8}.${k & 255}`] } } }));
const invocations = serveInvocations([wireInvocation({ InvokeId: 't-one' })]);
const idsSent = (params: URLSearchParams) => JSON.parse(params.get('InstanceIds')!) as string[];

describe('names', () => {
  it('asks for 250 instances in calls of 100, 100 and 50, and holds name and IP for each', async () => {
    const { s, store, poller } = await pollerOnStandIn(serveFleet(FLEET, invocations));
    const ids = Array.from({ length: 250 }, (_, k) => id(k));
    poller.demand({ kind: 'names', instanceIds: ids });
    await poller.tickOnce();
    const calls = s.seen.filter((r) => r.action === 'DescribeInstances');
    expect(calls.map((r) => idsSent(r.params).length)).toEqual([100, 100, 50]);
    expect(new Set(calls.flatMap((r) => idsSent(r.params)))).toEqual(new Set(ids));
    const { fleet } = store.getState();
    expect(instanceLabel(fleet, id(7))).toBe('web-7');
    expect(fleet.names.get(id(7))?.privateIp).toBe('10.0.0.7');
  });

  it('asks nothing again within 10 minutes, then asks for the stale ones', async () => {
    const { s, poller, clock } = await pollerOnStandIn(serveFleet(FLEET, invocations));
    poller.demand({ kind: 'names', instanceIds: [id(1), id(2)] });
    await poller.tickOnce();
    clock.advance(NAMES_TTL_MS - 1_000);
    await poller.tickOnce();
    expect(s.count('DescribeInstances')).toBe(1);
    clock.advance(1_000);
    await poller.tickOnce();
    expect(s.count('DescribeInstances')).toBe(2);
  });

  it('asks only for the ids it does not know yet', async () => {
    const { s, poller } = await pollerOnStandIn(serveFleet(FLEET, invocations));
    poller.demand({ kind: 'names', instanceIds: [id(1), id(2)] });
    await poller.tickOnce();
    poller.demand({ kind: 'names', instanceIds: [id(2), id(3), id(1), id(4)] });
    await poller.tickOnce();
    const calls = s.seen.filter((r) => r.action === 'DescribeInstances');
    expect(calls.map((r) => idsSent(r.params))).toEqual([[id(1), id(2)], [id(3), id(4)]]);
  });

  it('marks an id the service does not return as released', async () => {
    const { store, poller } = await pollerOnStandIn(serveFleet(FLEET, invocations));
    poller.demand({ kind: 'names', instanceIds: [id(1), 'i-gone'] });
    await poller.tickOnce();
    const { fleet } = store.getState();
    expect(fleet.names.get('i-gone')?.released).toBe(true);
    expect(instanceLabel(fleet, 'i-gone')).toBe('(released)');
    expect(instanceLabel(fleet, id(1))).toBe('web-1');
  });

  it('on Forbidden.RAM keeps polling, says once why, and asks no more', async () => {
    const { s, store, poller } = await pollerOnStandIn(serveFleet(FLEET, invocations, { forbidden: true }));
    poller.demand({ kind: 'names', instanceIds: [id(1)] });
    await poller.tickOnce();
    const st = store.getState();
    expect(st.poll.phase).toBe('ok');
    expect(st.order).toEqual(['t-one']);
    expect(st.fleet.namesUnavailable).toMatch(/DescribeInstances refused \(Forbidden\.RAM\)/);
    expect(st.poll.notice).toBe(st.fleet.namesUnavailable);
    poller.demand({ kind: 'names', instanceIds: [id(2)] });
    await poller.tickOnce();
    await poller.tickOnce();
    expect(s.count('DescribeInstances')).toBe(1);
    expect(store.getState().poll.phase).toBe('ok');
  });

  it('waits for a spare token of the budget instead of delaying the listing', async () => {
    // Two tokens a second: the first tick's two listings take both.
    const { s, store, poller, clock } = await pollerOnStandIn(serveFleet(FLEET, invocations), { maxRps: 2 });
    poller.demand({ kind: 'names', instanceIds: [id(1)] });
    await poller.tickOnce();
    expect(s.seen.map((r) => r.action)).toEqual(['DescribeInvocations', 'DescribeInvocations']);
    expect(store.getState().poll.phase).toBe('ok');
    clock.advance(1_000);
    await poller.tickOnce();
    expect(s.seen.map((r) => r.action).slice(2)).toEqual(['DescribeInvocations', 'DescribeInstances']);
  });

  it('with names off asks nothing and says names are off', async () => {
    const { s, store, poller } = await pollerOnStandIn(serveFleet(FLEET, invocations), { names: false });
    poller.demand({ kind: 'names', instanceIds: [id(1)] });
    await poller.tickOnce();
    expect(s.count('DescribeInstances')).toBe(0);
    expect(store.getState().fleet.namesUnavailable).toMatch(/--no-names/);
  });
});

describe('agent state', () => {
  it('asks DescribeCloudAssistantStatus for 60 instances in calls of 50 and 10, and holds their state', async () => {
    const agents = Array.from({ length: 60 }, (_, k) => wireAgentStatus({ InstanceId: id(k), CloudAssistantStatus: k === 3 ? 'false' : 'true' }));
    const { s, store, poller } = await pollerOnStandIn(serveFleet(FLEET, invocations, { agents }));
    poller.demand({ kind: 'agent', instanceIds: agents.map((a) => a.InstanceId as string) });
    await poller.tickOnce();
    const calls = s.seen.filter((r) => r.action === 'DescribeCloudAssistantStatus');
    expect(calls.map((r) => [...r.params.keys()].filter((k) => k.startsWith('InstanceId.')).length)).toEqual([50, 10]);
    const a = store.getState().fleet.agents;
    expect(a.get(id(3))?.running).toBe(false);
    expect(a.get(id(4))).toMatchObject({ running: true, version: '2.2.3.857' });
  });
});
