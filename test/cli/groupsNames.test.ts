// --groups with instance names, through the built CLI against a stand-in: the JSON lines carry
// each member's names, output that names its own host groups as one once names are known, and
// --no-names asks nothing of DescribeInstances (the outputs then stay apart: web-01 is signal).
import { describe, expect, it } from 'vitest';
import { invocationsPage, runsPage, sendJson, serveFleet, standIn, wireInstanceInfo, wireInvocation, wireRun } from '../helpers/standIn.js';
import { standInCliForEachFile } from './helpers/standInCli.js';

const cli = standInCliForEachFile();
const ids = [1, 2, 3].map((n) => `i-own0000${n}`);
const output = (n: number) => `deployed on web-0${n} (web-0${n}.prod) listening on 10.0.4.${n}:80\n`;

function serve() {
  const inv = wireInvocation({ InvokeId: 't-own', instances: ids.map((InstanceId) => ({ InstanceId })) });
  const rows = ids.map((InstanceId, k) =>
    wireRun({ InvokeId: 't-own', InstanceId, start: Date.UTC(2026, 11, 1), Output: Buffer.from(output(k + 1)).toString('base64') }),
  );
  const fleet = ids.map((InstanceId, k) =>
    wireInstanceInfo({
      InstanceId,
      InstanceName: `web-0${k + 1}`,
      HostName: `web-0${k + 1}.prod`,
      VpcAttributes: { NatIpAddress: '', PrivateIpAddress: { IpAddress: [`10.0.4.${k + 1}`] }, VSwitchId: 'vsw-1', VpcId: 'vpc-1' },
    }),
  );
  return standIn(
    serveFleet(fleet, (req, res) => {
      if (req.action === 'DescribeInvocationResults') return sendJson(res, 200, runsPage(rows));
      return sendJson(res, 200, invocationsPage(req.action === 'DescribeInvocations' ? [inv] : []));
    }),
  );
}

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('--groups with names', () => {
  it('carries each member\'s names and masks each instance\'s own names and IPs: one group', async () => {
    const s = await serve();
    const r = await cli.catop(s.endpoint, ['--invoke-id', 't-own', '--groups', '--json']);
    expect(r.code).toBe(0);
    const groups = lines(r.stdout);
    expect(groups).toHaveLength(1);
    expect(groups[0].count).toBe(3);
    expect(groups[0].instances).toEqual(
      ids.map((instanceId, k) => ({ instanceId, instanceName: `web-0${k + 1}`, hostName: `web-0${k + 1}.prod`, privateIp: `10.0.4.${k + 1}` })),
    );
    expect(s.count('DescribeInstances')).toBe(1);
  });

  it('with --no-names asks no names, carries none, and the outputs stay apart', async () => {
    const s = await serve();
    const r = await cli.catop(s.endpoint, ['--invoke-id', 't-own', '--groups', '--json', '--no-names']);
    expect(r.code).toBe(0);
    const groups = lines(r.stdout);
    expect(groups).toHaveLength(3);
    expect(groups.every((g) => g.instances === undefined)).toBe(true);
    expect(s.count('DescribeInstances')).toBe(0);
  });
});
