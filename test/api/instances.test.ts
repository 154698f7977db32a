// DescribeInstances and DescribeCloudAssistantStatus through the real EcsClient: against the
// emulator's fleet (names, IPs, tags, released instances, stopped agents) and against the
// stand-in for what the emulator never sends (classic network, bare public IPs, refusals, junk).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { isAuthError } from '../../src/api/errors.js';
import { MAX_TEXT_CHARS } from '../../src/api/bounds.js';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { rejection } from '../helpers/apiRejection.js';
import {
  agentStatusPage,
  apiErrorBody,
  closeStandIns,
  instancesPage,
  sendJson,
  standIn,
  wireAgentStatus,
  wireInstanceInfo,
  type StandInHandler,
} from '../helpers/standIn.js';

const client = (endpoint: string, regionId = 'cn-hangzhou', secret = 'secret') =>
  new EcsClient({ regionId, endpoint, credentials: { accessKeyId: 'AKID', accessKeySecret: secret } });

afterEach(() => closeStandIns());

describe('against the emulator', () => {
  let emu: RunningEmulator;
  let api: EcsClient;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: 3, fleet: 120, clock: new FakeClock() });
    api = new EcsClient({ regionId: emu.regionId, endpoint: emu.endpoint, credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } });
  });
  afterAll(() => emu?.stop());

  it('returns name, hostname, private IP, OS, status and tags for 100 ids in one call', async () => {
    const ids = emu.sim.fleet.slice(0, 100).map((i) => i.instanceId);
    const page = await api.describeInstances(ids);
    expect(page.instances).toHaveLength(100);
    const first = page.instances.find((i) => i.instanceId === ids[0])!;
    expect(first.instanceName).toBe(emu.sim.fleet[0].instanceName);
    expect(first.hostName).toBeTruthy();
    expect(first.privateIp).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(first.status).toBe('Running');
    expect(first.osType).toBeTruthy();
    expect(page.instances.some((i) => i.tags && Object.keys(i.tags).length > 0)).toBe(true);
  });

  it('leaves out a released instance', async () => {
    const [a, b] = emu.sim.fleet.map((i) => i.instanceId);
    emu.sim.setInstanceState(b, { released: true });
    const page = await api.describeInstances([a, b]);
    expect(page.instances.map((i) => i.instanceId)).toEqual([a]);
    emu.sim.setInstanceState(b, { released: false });
  });

  it('refuses more than 100 ids before sending anything', async () => {
    const before = api.calls;
    const err = await rejection(api.describeInstances(Array.from({ length: 101 }, (_, k) => `i-${k}`)));
    expect(err.kind).toBe('validation');
    expect(err.message).toMatch(/1 to 100/);
    expect(api.calls).toBe(before);
  });

  it('tells a running agent from a stopped one, with version and heartbeat', async () => {
    const [a, b] = emu.sim.fleet.map((i) => i.instanceId);
    emu.sim.setInstanceState(b, { agentRunning: false });
    const page = await api.describeCloudAssistantStatus([a, b]);
    const byId = new Map(page.agents.map((x) => [x.instanceId, x]));
    expect(byId.get(a)?.running).toBe(true);
    expect(byId.get(b)?.running).toBe(false);
    expect(byId.get(a)?.version).toMatch(/^\d+\.\d+/);
    expect(typeof byId.get(b)?.lastHeartbeat).toBe('number');
    emu.sim.setInstanceState(b, { agentRunning: true });
  });

  it('sends InstanceId.N for the agent call and refuses more than 50', async () => {
    const err = await rejection(api.describeCloudAssistantStatus(Array.from({ length: 51 }, (_, k) => `i-${k}`)));
    expect(err.kind).toBe('validation');
  });
});

describe('against the stand-in', () => {
  async function serve(h: StandInHandler) {
    const s = await standIn(h);
    return { s, api: client(s.endpoint) };
  }

  it('sends InstanceIds as a JSON array with a page that holds them all', async () => {
    const { s, api } = await serve((_q, res) => sendJson(res, 200, instancesPage([])));
    await api.describeInstances(['i-a', 'i-b']);
    expect(s.seen[0].action).toBe('DescribeInstances');
    expect(JSON.parse(s.seen[0].params.get('InstanceIds')!)).toEqual(['i-a', 'i-b']);
    expect(s.seen[0].params.get('PageSize')).toBe('100');
  });

  it('takes a classic instance inner IP, a public IP and an EIP', async () => {
    const { api } = await serve((_q, res) =>
      sendJson(
        res,
        200,
        instancesPage([
          wireInstanceInfo({ InstanceId: 'i-classic', InstanceNetworkType: 'classic', VpcAttributes: { PrivateIpAddress: { IpAddress: [] } }, InnerIpAddress: { IpAddress: ['172.16.0.9'] }, PublicIpAddress: { IpAddress: ['47.1.2.3'] } }),
          wireInstanceInfo({ InstanceId: 'i-eip', EipAddress: { IpAddress: '39.9.9.9', AllocationId: 'eip-1' }, Tags: { Tag: [{ TagKey: 'team', TagValue: 'payments' }] } }),
        ]),
      ),
    );
    const { instances } = await api.describeInstances(['i-classic', 'i-eip']);
    expect(instances[0]).toMatchObject({ instanceId: 'i-classic', privateIp: '172.16.0.9', publicIp: '47.1.2.3' });
    expect(instances[1]).toMatchObject({ instanceId: 'i-eip', privateIp: '10.0.0.1', publicIp: '39.9.9.9', tags: { team: 'payments' } });
  });

  it('cuts a name of a megabyte to its bound with a marker', async () => {
    const { api } = await serve((_q, res) => sendJson(res, 200, instancesPage([wireInstanceInfo({ InstanceId: 'i-long', InstanceName: 'n'.repeat(1_000_000) })])));
    const [one] = (await api.describeInstances(['i-long'])).instances;
    expect(one.instanceName!.length).toBeLessThan(MAX_TEXT_CHARS + 40);
    expect(one.instanceName).toMatch(/… \[\d+ more\]$/);
  });

  it('maps Forbidden.RAM to a final permission error', async () => {
    const { api } = await serve((_q, res) => sendJson(res, 403, apiErrorBody('Forbidden.RAM', 'User not authorized to operate on the specified resource.')));
    const err = await rejection(api.describeInstances(['i-a']));
    expect(err.code).toBe('Forbidden.RAM');
    expect(err.retryable).toBe(false);
    expect(isAuthError(err)).toBe(true);
  });

  it('calls a list of instances that is not a list malformed', async () => {
    const { api } = await serve((_q, res) => sendJson(res, 200, { RequestId: 'r', TotalCount: 1, Instances: { Instance: 'junk' } }));
    expect((await rejection(api.describeInstances(['i-a']))).code).toBe('MalformedResponse');
  });

  it('reads an agent status that is neither true nor false as its value, bounded', async () => {
    const { s, api } = await serve((_q, res) =>
      sendJson(res, 200, agentStatusPage([wireAgentStatus({ InstanceId: 'i-a', CloudAssistantStatus: 'x'.repeat(10_000) }), wireAgentStatus({ InstanceId: 'i-b', CloudAssistantStatus: 'false' })])),
    );
    const { agents } = await api.describeCloudAssistantStatus(['i-a', 'i-b']);
    expect(s.seen[0].params.get('InstanceId.2')).toBe('i-b');
    expect(agents[0].running).toBeUndefined();
    expect(agents[0].statusValue!.length).toBeLessThan(300);
    expect(agents[1]).toMatchObject({ instanceId: 'i-b', running: false, version: '2.2.3.857', lastHeartbeat: Date.parse('2026-12-01T10:00:00Z') });
  });
});
