// DescribeInstances and DescribeCloudAssistantStatus over the demo fleet through pop-core: names
// like web-01, private IPs in 10.0.0.0/8, the documented shapes, released instances gone, stopped
// agents reported, and the limits of each parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, callError, type Body } from './helpers.js';

let emu: RunningEmulator;
let clock: FakeClock;

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 5, clock, preset: 'demo', invocations: 60, arrivals: false });
});

afterAll(async () => {
  await emu.stop();
});

const instances = (body: Body): Body[] => body.Instances.Instance as Body[];
const statuses = (body: Body): Body[] => body.InstanceCloudAssistantStatusSet.InstanceCloudAssistantStatus as Body[];
/** The same listing position under another listing's tag: not a token this listing issued. */
const retagged = (token: string) => Buffer.from(Buffer.from(token, 'base64url').toString('utf8').replace(/^a/, 'i')).toString('base64url');
const released = () => emu.sim.fleet.filter((i) => i.released).map((i) => i.instanceId);

describe('DescribeInstances', () => {
  it('lists the fleet but its released instances, 100 a page, with names, 10.0.0.0/8 addresses and the documented shapes', async () => {
    const body = await call(emu, 'DescribeInstances', { PageSize: 100 });
    const rows = instances(body);
    expect(released()).toHaveLength(2);
    expect([body.TotalCount, rows.length]).toEqual([38, 38]);
    expect(rows.some((r) => released().includes(r.InstanceId))).toBe(false);
    expect(rows[0].InstanceName).toBe('web-01');
    const ips = rows.map((r) => r.VpcAttributes.PrivateIpAddress.IpAddress[0] as string);
    expect(ips.every((ip) => /^10\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip) && !/\.(0|255)$/.test(ip))).toBe(true);
    expect(new Set(ips).size).toBe(ips.length);
    expect(rows[0]).toMatchObject({
      Status: 'Running',
      OSType: 'linux',
      InstanceNetworkType: 'vpc',
      RegionId: emu.regionId,
      PublicIpAddress: { IpAddress: [] },
      Tags: { Tag: [{ TagKey: 'app', TagValue: 'web' }, { TagKey: 'env', TagValue: 'prod' }] },
    });
    expect(Object.keys(rows[0].EipAddress).sort()).toEqual(['AllocationId', 'Bandwidth', 'InternetChargeType', 'IpAddress', 'IsSupportUnassociate']);
    expect(rows.filter((r) => r.EipAddress.IpAddress !== '').length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.Status === 'Stopped').map((r) => r.InstanceName).sort()).toHaveLength(2);
    expect(rows[0].CreationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  });

  it('InstanceIds is a JSON array of at most 100: unknown and released ids are left out; 101 or not JSON is 400', async () => {
    const [a, b] = emu.sim.fleet.filter((i) => !i.released).map((i) => i.instanceId);
    const body = await call(emu, 'DescribeInstances', { InstanceIds: JSON.stringify([a, b, released()[0], 'i-bp1nosuchinstance']) });
    expect(instances(body).map((r) => r.InstanceId)).toEqual([a, b]);
    const many = await callError(emu, 'DescribeInstances', { InstanceIds: JSON.stringify(Array.from({ length: 101 }, (_, i) => `i-x${i}`)) });
    expect([many.status, many.code]).toEqual([400, 'InvalidInstanceIds.Malformed']);
    const junk = await callError(emu, 'DescribeInstances', { InstanceIds: a });
    expect([junk.status, junk.code]).toEqual([400, 'InvalidInstanceIds.Malformed']);
  });

  it('MaxResults/NextToken pages (MaxResults above 100 reads as 100, below 10 as 10); InstanceName takes * wildcards', async () => {
    const first = await call(emu, 'DescribeInstances', { MaxResults: 500 });
    expect([instances(first).length, first.NextToken]).toEqual([38, '']);
    const small = await call(emu, 'DescribeInstances', { MaxResults: 3 });
    expect(instances(small)).toHaveLength(10);
    const rest = await call(emu, 'DescribeInstances', { MaxResults: 30, NextToken: small.NextToken });
    expect(instances(rest)).toHaveLength(28);
    expect(new Set([...instances(small), ...instances(rest)].map((r) => r.InstanceId)).size).toBe(38);
    const webs = instances(await call(emu, 'DescribeInstances', { InstanceName: 'web-*', PageSize: 100 }));
    expect(webs.length).toBeGreaterThan(2);
    expect(webs.every((r) => r.InstanceName.startsWith('web-'))).toBe(true);
    const bad = await callError(emu, 'DescribeInstances', { Status: 'Sleeping' });
    expect([bad.status, bad.code]).toEqual([404, 'InvalidStatus.NotFound']);
    const forged = await callError(emu, 'DescribeInstances', { NextToken: Buffer.from('a10').toString('base64url') });
    expect([forged.status, forged.code]).toEqual([400, 'InvalidParameter.NextToken']);
  });
});

describe('DescribeCloudAssistantStatus', () => {
  it('reports stopped agents and stopped instances as "false", with counts of what each instance ran', async () => {
    const fleet = emu.sim.fleet.filter((i) => !i.released);
    const body = await call(emu, 'DescribeCloudAssistantStatus', { PageSize: 50 });
    const rows = statuses(body);
    expect([body.TotalCount, rows.length]).toEqual([38, 38]);
    const down = rows.filter((r) => r.CloudAssistantStatus === 'false').map((r) => r.InstanceId).sort();
    expect(down).toEqual(fleet.filter((i) => !i.agentRunning || !i.running).map((i) => i.instanceId).sort());
    expect(down.length).toBeGreaterThanOrEqual(3);
    expect(rows.reduce((n, r) => n + r.InvocationCount, 0)).toBeGreaterThan(60);
    expect(rows.some((r) => r.ActiveTaskCount > 0)).toBe(true);
    expect(rows[0]).toMatchObject({ OSType: 'Linux', CloudAssistantVersion: expect.stringMatching(/^2\.\d\.3\.\d+$/) });
    expect(rows[0].LastHeartbeatTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('InstanceId.N (at most 50; more is 403 InstanceIds.ExceedLimit), OSType, token paging', async () => {
    const ids = emu.sim.fleet.filter((i) => i.os === 'windows').map((i) => i.instanceId);
    const some = statuses(await call(emu, 'DescribeCloudAssistantStatus', { InstanceId: ids.slice(0, 2) }));
    expect(some.map((r) => [r.InstanceId, r.OSType])).toEqual(ids.slice(0, 2).map((id) => [id, 'Windows']));
    const windows = await call(emu, 'DescribeCloudAssistantStatus', { OSType: 'Windows', PageSize: 50 });
    expect(statuses(windows).every((r) => r.OSType === 'Windows')).toBe(true);
    const many = await callError(emu, 'DescribeCloudAssistantStatus', { InstanceId: Array.from({ length: 51 }, (_, i) => `i-x${i}`) });
    expect([many.status, many.code]).toEqual([403, 'InstanceIds.ExceedLimit']);
    const first = await call(emu, 'DescribeCloudAssistantStatus', { MaxResults: 20 });
    const second = await call(emu, 'DescribeCloudAssistantStatus', { MaxResults: 20, NextToken: first.NextToken });
    expect([statuses(first).length, statuses(second).length, second.NextToken]).toEqual([20, 18, '']);
    const forged = await callError(emu, 'DescribeCloudAssistantStatus', { NextToken: retagged(first.NextToken) });
    expect([forged.status, forged.code]).toEqual([403, 'InvalidParam.NextToken']);
  });
});
