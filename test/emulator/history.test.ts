// Run history of scheduled invocations through IncludeHistory: every failed run exits non-zero,
// a script's `exit N` fails each run, and an instance can start failing at a given run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { parseSchedule } from '../../src/emulator/schedule.js';
import { call, type Body } from './helpers.js';

let emu: RunningEmulator;
let clock: FakeClock;

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 23, fleet: 4, clock });
});

afterAll(async () => {
  await emu.stop();
});

async function history(invokeId: string, instanceId: string): Promise<Body[]> {
  const body = await call(emu, 'DescribeInvocationResults', { InvokeId: invokeId, InstanceId: instanceId, IncludeHistory: true, PageSize: 50 });
  return body.Invocation.InvocationResults.InvocationResult as Body[];
}

describe('scheduled runs', () => {
  it('a catalog health check that fails now and then reports a non-zero exit code on each failed run', async () => {
    const [a] = emu.sim.fleet.map((i) => i.instanceId);
    const id = emu.sim.runCommand({ catalog: 'health-check', commandContent: 'curl -fsS http://127.0.0.1:8080/healthz', instanceIds: [a], frequency: 'rate(1m)' });
    clock.advance(100 * 60_000 + 30_000);
    const rows = await history(id, a);
    expect(rows).toHaveLength(50);
    const failed = rows.filter((r) => r.InvocationStatus === 'Failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.ExitCode !== 0 && r.ErrorCode === 'ExitCodeNonzero')).toBe(true);
    expect(rows.filter((r) => r.InvocationStatus === 'Success').every((r) => r.ExitCode === 0)).toBe(true);
  });

  it("a scheduled script's `exit 3` fails every run with exit 3", async () => {
    const [, b] = emu.sim.fleet.map((i) => i.instanceId);
    const body = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'echo checking; exit 3', InstanceId: [b], RepeatMode: 'Period', Frequency: 'rate(5m)' });
    clock.advance(16 * 60_000);
    expect((await history(body.InvokeId, b)).map((r) => [r.Repeats, r.InvocationStatus, r.ExitCode])).toEqual([
      [3, 'Failed', 3],
      [2, 'Failed', 3],
      [1, 'Failed', 3],
    ]);
  });

  it('failsFromRun: an instance succeeds until a given run, then fails with its exit code; the others go on', async () => {
    const [, , c, d] = emu.sim.fleet.map((i) => i.instanceId);
    const id = emu.sim.runCommand({
      commandContent: 'systemctl is-active app',
      instanceIds: [c, d],
      frequency: 'rate(1m)',
      outcome: { [c]: { failsFromRun: 3, exitCode: 7 } },
    });
    clock.advance(5 * 60_000 + 30_000);
    expect((await history(id, c)).map((r) => [r.Repeats, r.InvocationStatus, r.ExitCode])).toEqual([
      [5, 'Failed', 7],
      [4, 'Failed', 7],
      [3, 'Failed', 7],
      [2, 'Success', 0],
      [1, 'Success', 0],
    ]);
    expect((await history(id, d)).every((r) => r.InvocationStatus === 'Success')).toBe(true);
    // The listing shows the latest run: still Running overall (a schedule), that instance's last run Failed.
    const listed = await call(emu, 'DescribeInvocations', { InvokeId: id });
    const rows = listed.Invocations.Invocation[0].InvokeInstances.InvokeInstance as Body[];
    expect(rows.map((r) => [r.Repeats, r.ExitCode, r.ErrorCode])).toEqual([
      [5, 7, 'ExitCodeNonzero'],
      [5, 0, ''],
    ]);
  });

  it('at(): one run at that wall-clock time in its zone, then the invocation ends as the run did', async () => {
    const [a] = emu.sim.fleet.map((i) => i.instanceId);
    const start = clock.now();
    const fire = start + 90 * 60_000;
    const wall = new Date(fire + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const body = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'uptime', InstanceId: [a], RepeatMode: 'Period', Frequency: `at(${wall} Asia/Shanghai)` });
    const row = async () => (await call(emu, 'DescribeInvocations', { InvokeId: body.InvokeId })).Invocations.Invocation[0] as Body;
    clock.advance(60 * 60_000);
    expect([(await row()).InvocationStatus, (await row()).InvokeInstances.InvokeInstance[0].Repeats]).toEqual(['Scheduled', 0]);
    clock.advance(60 * 60_000);
    const done = await row();
    expect([done.InvocationStatus, done.InvokeStatus]).toEqual(['Success', 'Finished']);
    expect(done.InvokeInstances.InvokeInstance[0]).toMatchObject({ Repeats: 1, ExitCode: 0, StartTime: new Date(fire).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    expect((await history(body.InvokeId, a)).map((r) => [r.Repeats, r.InvocationStatus])).toEqual([[1, 'Success']]);
    // The same instant written with an offset; a time already past cannot fire.
    expect(parseSchedule(`at(${wall} +08:00)`, start)?.fireAt(1)).toBe(fire);
    expect(parseSchedule(`at(${new Date(fire).toISOString().slice(0, 19)}Z)`, start)?.fireAt(1)).toBe(fire);
    expect(parseSchedule(`at(${wall} Mars/Olympus)`, start)).toBeUndefined();
    const past = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'uptime', InstanceId: [a], RepeatMode: 'Period', Frequency: `at(${wall} Asia/Shanghai)` });
    clock.advance(5_000);
    expect((await row()).InvocationStatus).toBe('Success');
    const refused = (await call(emu, 'DescribeInvocations', { InvokeId: past.InvokeId })).Invocations.Invocation[0].InvokeInstances.InvokeInstance[0];
    expect([refused.InvocationStatus, refused.ErrorCode]).toEqual(['Invalid', 'BadCronExpression']);
  });
});
