// DescribeInvocationResults at fleet scale and the instance limits of the write actions, through
// pop-core: row-counted token paging over an invocation of 5,000 instances, the filters, FinishedTime,
// IncludeHistory only for scheduled invocations, InstanceId.N limits with the service's error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, callError, type Body } from './helpers.js';

let emu: RunningEmulator;
let clock: FakeClock;
let big: string;
let small: string;
let timed: string;

const ids = (n: number, from = 0) => emu.sim.fleet.slice(from, from + n).map((i) => i.instanceId);
const rowsOf = (body: Body): Body[] => body.Invocation.InvocationResults.InvocationResult as Body[];

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 31, fleet: 5_000, clock });
  big = emu.sim.runCommand({ commandContent: 'uptime', instanceIds: ids(5_000), outcome: 'Success', pendingMs: 500, durationMs: 1_000 });
  small = emu.sim.runCommand({ commandContent: 'hostname', instanceIds: ids(3), outcome: ['Success', { status: 'Failed', exitCode: 4 }, 'Success'], durationMs: 1_000 });
  timed = emu.sim.runCommand({ commandContent: 'date', instanceIds: ids(2, 10), frequency: 'rate(1m)', outcome: 'Success', durationMs: 2_000 });
  clock.advance(5 * 60_000 + 30_000);
});

afterAll(async () => {
  await emu.stop();
});

describe('DescribeInvocationResults', () => {
  it('MaxResults counts rows: 5,000 instances in 100 pages of 50, each instance once, the last NextToken empty', async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const body = await call(emu, 'DescribeInvocationResults', { InvokeId: big, MaxResults: 50, NextToken: token });
      const rows = rowsOf(body);
      expect(rows).toHaveLength(50);
      for (const r of rows) seen.add(r.InstanceId);
      token = body.Invocation.NextToken || undefined;
      pages++;
    } while (token && pages < 200);
    expect([pages, seen.size]).toEqual([100, 5_000]);
  });

  it('MaxResults defaults to 10 and goes on across invocations; out of 1..50 is 403 InvalidParam.MaxResults', async () => {
    const first = await call(emu, 'DescribeInvocationResults', { MaxResults: 10 });
    expect(rowsOf(first)).toHaveLength(10);
    const second = await call(emu, 'DescribeInvocationResults', { NextToken: first.Invocation.NextToken });
    expect([second.Invocation.MaxResults, rowsOf(second).length]).toEqual([10, 10]);
    // Newest first: the scheduled invocation's 2 rows, the small one's 3, then the big one's.
    expect(rowsOf(first).slice(0, 5).map((r) => r.InvokeId)).toEqual([timed, timed, small, small, small]);
    for (const bad of [0, 51]) {
      const err = await callError(emu, 'DescribeInvocationResults', { MaxResults: bad });
      expect([err.status, err.code]).toEqual([403, 'InvalidParam.MaxResults']);
    }
  });

  it('filters by InvokeId, InstanceId and InvokeRecordStatus, and names the end FinishedTime', async () => {
    const one = rowsOf(await call(emu, 'DescribeInvocationResults', { InvokeId: small, InstanceId: ids(1, 1)[0] }));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ InvokeId: small, InvocationStatus: 'Failed', InvokeRecordStatus: 'Finished', ExitCode: 4 });
    expect(one[0].FinishedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(one[0]).not.toHaveProperty('FinishTime');
    // InstanceId alone: that instance's rows in every invocation.
    const byInstance = rowsOf(await call(emu, 'DescribeInvocationResults', { InstanceId: ids(1)[0], PageSize: 50 }));
    expect(byInstance.map((r) => r.InvokeId)).toEqual([small, big]);
    const success = await call(emu, 'DescribeInvocationResults', { InvokeId: small, InvokeRecordStatus: 'Success' });
    expect(rowsOf(success).map((r) => r.InvocationStatus)).toEqual(['Success', 'Success']);
    const running = await call(emu, 'DescribeInvocationResults', { InvokeRecordStatus: 'Running', MaxResults: 50 });
    expect(rowsOf(running).map((r) => r.InvokeId)).toEqual([timed, timed]);
  });

  it('IncludeHistory: one row per past run of a Period invocation; a one-time one is 403, no InvokeId 400', async () => {
    const body = await call(emu, 'DescribeInvocationResults', { InvokeId: timed, InstanceId: ids(1, 10)[0], IncludeHistory: true });
    expect(rowsOf(body).map((r) => r.Repeats)).toEqual([5, 4, 3, 2, 1]);
    const once = await callError(emu, 'DescribeInvocationResults', { InvokeId: small, IncludeHistory: true });
    expect([once.status, once.code]).toEqual([403, 'InvalidParam.IncludeHistory']);
    const none = await callError(emu, 'DescribeInvocationResults', { IncludeHistory: true });
    expect([none.status, none.code]).toEqual([400, 'MissingParameter']);
    expect(none.data?.Message).toContain('"InvokeId"');
  });

  it('EveryReboot invocations (run once here, at creation) are listed as such and take IncludeHistory too', async () => {
    const body = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'systemctl start app', InstanceId: ids(1), RepeatMode: 'EveryReboot' });
    clock.advance(30_000);
    const listed = await call(emu, 'DescribeInvocations', { RepeatMode: 'EveryReboot' });
    expect(listed.Invocations.Invocation.map((i: Body) => [i.InvokeId, i.RepeatMode, i.Timed])).toEqual([[body.InvokeId, 'EveryReboot', false]]);
    const history = await call(emu, 'DescribeInvocationResults', { InvokeId: body.InvokeId, IncludeHistory: true });
    expect(rowsOf(history).map((r) => [r.InvocationStatus, r.Repeats])).toEqual([['Success', 1]]);
    const bad = await callError(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'true', InstanceId: ids(1), RepeatMode: 'Hourly' });
    expect([bad.status, bad.code]).toEqual([403, 'InvalidParam.RepeatMode']);
  });
});

describe('instance limits of one call', () => {
  it('RunCommand and InvokeCommand take 100 instances; 101 is 403 InstanceIds.ExceedLimit', async () => {
    const ok = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'true', InstanceId: ids(100), KeepCommand: true });
    expect(emu.sim.record(ok.InvokeId)?.runs).toHaveLength(100);
    const run = await callError(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'true', InstanceId: ids(101) });
    expect([run.status, run.code]).toEqual([403, 'InstanceIds.ExceedLimit']);
    const invoke = await callError(emu, 'InvokeCommand', { CommandId: ok.CommandId, InstanceId: ids(101) });
    expect([invoke.status, invoke.code]).toEqual([403, 'InstanceIds.ExceedLimit']);
  });

  it('StopInvocation takes 50 InstanceId.N; 51 is 403 InstanceIds.ExceedLimit and stops nothing', async () => {
    const id = emu.sim.runCommand({ commandContent: 'sleep 600', instanceIds: ids(60), durationMs: 600_000 });
    clock.advance(5_000);
    const err = await callError(emu, 'StopInvocation', { InvokeId: id, InstanceId: ids(51) });
    expect([err.status, err.code]).toEqual([403, 'InstanceIds.ExceedLimit']);
    expect(emu.sim.get(id)?.instances.every((i) => i.status === 'Running')).toBe(true);
    await call(emu, 'StopInvocation', { InvokeId: id, InstanceId: ids(50) });
    clock.advance(5_000);
    const statuses = emu.sim.get(id)?.instances.map((i) => i.status) ?? [];
    expect([statuses.filter((s) => s === 'Terminated').length, statuses.filter((s) => s === 'Running').length]).toEqual([50, 10]);
  });
});
