// Determinism by seed, pinned: a seeded demo fleet on a FakeClock answers a fixed sequence of
// calls with the same bytes every time. The digest changes only when a response changes on
// purpose (a new field, a new behaviour), never when the simulation is merely reorganised.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, invocations, type Body } from './helpers.js';

let emu: RunningEmulator;
let clock: FakeClock;

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 20261128, fleet: 16, clock, preset: 'demo', invocations: 120 });
});

afterAll(async () => {
  await emu.stop();
});

/** The body without its RequestId (a per-request id, not part of the fleet). */
function canonical(body: Body): string {
  return JSON.stringify(body, (k, v: unknown) => (k === 'RequestId' ? undefined : v));
}

async function transcript(): Promise<string[]> {
  const out: string[] = [];
  const record = async (label: string, action: string, params: Record<string, unknown>) => {
    out.push(`${label} ${canonical(await call(emu, action, params))}`);
  };
  const fleet = emu.sim.fleet.map((i) => i.instanceId);
  const timed = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'uptime', 'InstanceId.1': fleet[0], 'InstanceId.2': fleet[1], RepeatMode: 'Period', Frequency: 'rate(10m)' });
  const once = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'sleep 30\necho done', 'InstanceId.1': fleet[2], 'InstanceId.2': fleet[3] });
  out.push(`created ${timed.InvokeId} ${once.InvokeId}`);
  const steps = [0, 5_000, 45_000, 3_600_000];
  for (const [i, step] of steps.entries()) {
    clock.advance(step);
    const at = `t${i}`;
    if (i === 2) await record(`${at} stop`, 'StopInvocation', { InvokeId: once.InvokeId });
    for (const page of [1, 2, 3]) await record(`${at} page${page}`, 'DescribeInvocations', { PageNumber: page, PageSize: 20 });
    const first = await call(emu, 'DescribeInvocations', { MaxResults: 15 });
    out.push(`${at} token1 ${canonical(first)}`);
    await record(`${at} token2`, 'DescribeInvocations', { MaxResults: 15, NextToken: first.NextToken });
    await record(`${at} running`, 'DescribeInvocations', { InvokeStatus: 'Running', PageSize: 50 });
    for (const inst of fleet.slice(0, 6)) {
      await record(`${at} out ${inst}`, 'DescribeInvocations', { InstanceId: inst, IncludeOutput: true, PageSize: 5 });
    }
    for (const inv of invocations(first).slice(0, 6)) {
      await record(`${at} one ${inv.InvokeId}`, 'DescribeInvocations', { InvokeId: inv.InvokeId, IncludeOutput: true, ContentEncoding: 'PlainText' });
      await record(`${at} results ${inv.InvokeId}`, 'DescribeInvocationResults', { InvokeId: inv.InvokeId });
    }
    await record(`${at} results-all`, 'DescribeInvocationResults', { PageSize: 50 });
    await record(`${at} results-token`, 'DescribeInvocationResults', { MaxResults: 20 });
    await record(`${at} history`, 'DescribeInvocationResults', { InvokeId: timed.InvokeId, IncludeHistory: true, PageSize: 50 });
  }
  return out;
}

describe('a seeded fleet answers byte for byte', () => {
  it('pins the digest of a fixed sequence of calls at fixed fake-clock times', async () => {
    const lines = await transcript();
    expect(lines.length).toBeGreaterThan(100);
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
    expect(digest).toBe('2b40cc5a203c75c32f6cec59e46766b7ba73ee4969ca17b2fd4cf03676f45ef6');
  });
});
