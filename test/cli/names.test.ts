// --json with instance names, through the built CLI against the stand-in: DescribeInstances for
// the instances printed in calls of 100, the three fields where known, nothing asked with
// --no-names, and a refused caller still gets every invocation.
import { describe, expect, it } from 'vitest';
import { serveFleet, serveInvocations, standIn, wireInstanceInfo, wireInvocation } from '../helpers/standIn.js';
import { standInCliForEachFile } from './helpers/standInCli.js';

const cli = standInCliForEachFile();
const catop = cli.catop;

const id = (k: number) => `i-json${String(k).padStart(5, '0')}`;
// Three invocations on 100 instances each, 250 distinct (the middle one overlaps both others).
const INVOCATIONS = [0, 75, 150].map((from, n) =>
  wireInvocation({ InvokeId: `t-json${n}`, instances: Array.from({ length: 100 }, (_, k) => ({ InstanceId: id(from + k) })) }),
);
// id(249) is released: not in the fleet.
const FLEET = Array.from({ length: 249 }, (_, k) =>
  wireInstanceInfo({ InstanceId: id(k), InstanceName: `web-${k}`, HostName: `host-${k}`, VpcAttributes: { PrivateIpAddress: { IpAddress: [`10.1.${k >> 8}.${k & 255}`] } } }),
);
const lines = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { invokeId: string; instances: Record<string, unknown>[] });

describe('--json with names', () => {
  it('carries instanceName, hostName and privateIp, asking for 250 instances in calls of 100', async () => {
    const s = await standIn(serveFleet(FLEET, serveInvocations(INVOCATIONS)));
    const r = await catop(s.endpoint, ['--json']);
    expect(r.code).toBe(0);
    const sizes = s.seen.filter((q) => q.action === 'DescribeInstances').map((q) => (JSON.parse(q.params.get('InstanceIds')!) as string[]).length);
    expect(sizes).toEqual([100, 100, 50]);
    const printed = lines(r.stdout);
    expect(printed.map((l) => l.invokeId)).toEqual(['t-json0', 't-json1', 't-json2']);
    const first = printed[0].instances[0];
    expect(first).toMatchObject({ instanceId: id(0), instanceName: 'web-0', hostName: 'host-0', privateIp: '10.1.0.0' });
    const released = printed[2].instances.find((i) => i.instanceId === id(249))!;
    expect(released.instanceName).toBeUndefined();
    expect(r.stderr).toBe('');
  });

  it('asks nothing and adds nothing with --no-names', async () => {
    const s = await standIn(serveFleet(FLEET, serveInvocations(INVOCATIONS)));
    const r = await catop(s.endpoint, ['--json', '--no-names']);
    expect(r.code).toBe(0);
    expect(s.count('DescribeInstances')).toBe(0);
    expect(lines(r.stdout)[0].instances[0].instanceName).toBeUndefined();
  });

  it('prints every invocation without names, and one note, when DescribeInstances is refused', async () => {
    const s = await standIn(serveFleet(FLEET, serveInvocations(INVOCATIONS), { forbidden: true }));
    const r = await catop(s.endpoint, ['--json']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(3);
    expect(s.count('DescribeInstances')).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/instance names unavailable \(allow ecs:DescribeInstances or pass --no-names\): .*Forbidden\.RAM/);
  });
});
