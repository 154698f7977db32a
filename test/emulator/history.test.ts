// Run history of scheduled invocations through IncludeHistory: every failed run exits non-zero,
// a script's `exit N` fails each run, and an instance can start failing at a given run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
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
});
