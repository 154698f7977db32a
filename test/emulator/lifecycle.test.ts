// Life cycles on a FakeClock, observed through pop-core: nothing moves until the test advances time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_INFO } from '../../src/api/wire.js';
import { FakeClock } from '../../src/clock.js';
import { CJK_OUTPUT, HOSTILE_OUTPUT, OUTPUT_LIMIT_BYTES, logTail, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, invocations, unb64, type Body } from './helpers.js';

let emu: RunningEmulator;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 11, fleet: 6, clock });
});

afterEach(async () => {
  await emu.stop();
});

const fleet = (n: number) => emu.sim.fleet.slice(0, n).map((i) => i.instanceId);

async function invocation(invokeId: string, extra: Record<string, unknown> = {}): Promise<Body> {
  const body = await call(emu, 'DescribeInvocations', { InvokeId: invokeId, ...extra });
  return invocations(body)[0];
}

function instanceStatuses(inv: Body): string[] {
  return inv.InvokeInstances.InvokeInstance.map((i: Body) => i.InvocationStatus);
}

describe('one-time invocations', () => {
  it('5 instances with mixed outcomes: Pending -> Running -> PartialFailed, each with its ErrorCode', async () => {
    const id = emu.sim.runCommand({
      commandContent: 'systemctl restart app',
      instanceIds: fleet(5),
      outcome: ['Success', { status: 'Failed', exitCode: 7 }, 'Success', 'Timeout', { errorCode: 'InstanceNotRunning' }],
      pendingMs: 1_000,
      durationMs: 10_000,
      timeout: 10,
    });
    let inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('Pending');
    expect(instanceStatuses(inv)).toEqual(['Pending', 'Pending', 'Pending', 'Pending', 'Pending']);

    clock.advance(2_000);
    inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('Running');
    expect(inv.InvokeStatus).toBe('Running');
    expect(instanceStatuses(inv)).toEqual(['Running', 'Running', 'Running', 'Running', 'Aborted']);

    clock.advance(10_000);
    inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('PartialFailed');
    expect(inv.InvokeStatus).toBe('PartialFailed');
    const rows = inv.InvokeInstances.InvokeInstance as Body[];
    expect(rows.map((r) => [r.InvocationStatus, r.ExitCode, r.ErrorCode, r.ErrorInfo])).toEqual([
      ['Success', 0, '', ''],
      ['Failed', 7, 'ExitCodeNonzero', ERROR_INFO.ExitCodeNonzero],
      ['Success', 0, '', ''],
      ['Timeout', undefined, 'ExecutionTimeout', ERROR_INFO.ExecutionTimeout],
      ['Aborted', undefined, 'InstanceNotRunning', ERROR_INFO.InstanceNotRunning],
    ]);
    expect(rows.map((r) => r.InstanceInvokeStatus)).toEqual(['Finished', 'Finished', 'Finished', 'Failed', 'Failed']);
    expect(rows.map((r) => r.Repeats)).toEqual([1, 1, 1, 1, 0]);
    expect(rows[4].StartTime).toBe('');
  });

  it('all succeed -> Success (Finished)', async () => {
    const id = emu.sim.runCommand({ commandContent: 'echo ok', instanceIds: fleet(3), outcome: 'Success', durationMs: 3_000 });
    clock.advance(10_000);
    const inv = await invocation(id);
    expect([inv.InvocationStatus, inv.InvokeStatus]).toEqual(['Success', 'Finished']);
    expect(instanceStatuses(inv)).toEqual(['Success', 'Success', 'Success']);
  });

  it('all fail -> Failed', async () => {
    const id = emu.sim.runCommand({ commandContent: 'false', instanceIds: fleet(2), outcome: ['Failed', 'Error'] });
    clock.advance(60_000);
    expect((await invocation(id)).InvocationStatus).toBe('Failed');
  });

  it.each(Object.keys(ERROR_INFO))('ErrorCode %s is served with its ErrorInfo', async (code) => {
    const id = emu.sim.runCommand({ commandContent: 'true', instanceIds: fleet(1), outcome: { errorCode: code }, pendingMs: 100, durationMs: 100 });
    clock.advance(120_000);
    const row = (await invocation(id)).InvokeInstances.InvokeInstance[0];
    expect([row.ErrorCode, row.ErrorInfo]).toEqual([code, ERROR_INFO[code]]);
    expect(['Failed', 'Invalid', 'Aborted', 'Timeout', 'Error']).toContain(row.InvocationStatus);
  });

  it('a stopped instance or a dead agent ends Aborted on its own', async () => {
    const [a, b] = fleet(2);
    emu.sim.setInstanceState(a, { running: false });
    emu.sim.setInstanceState(b, { agentRunning: false });
    const id = emu.sim.runCommand({ commandContent: 'true', instanceIds: [a, b] });
    clock.advance(5_000);
    const inv = await invocation(id);
    expect(inv.InvokeInstances.InvokeInstance.map((r: Body) => [r.InvocationStatus, r.ErrorCode])).toEqual([
      ['Aborted', 'InstanceNotRunning'],
      ['Aborted', 'ClientNotRunning'],
    ]);
    expect(inv.InvocationStatus).toBe('Failed');
  });

  it('DeliveryTimeout stays Pending for a minute, then Aborted', async () => {
    const id = emu.sim.runCommand({ commandContent: 'true', instanceIds: fleet(1), outcome: { errorCode: 'DeliveryTimeout' } });
    clock.advance(30_000);
    expect((await invocation(id)).InvocationStatus).toBe('Pending');
    clock.advance(31_000);
    const row = (await invocation(id)).InvokeInstances.InvokeInstance[0];
    expect([row.InvocationStatus, row.ErrorCode]).toEqual(['Aborted', 'DeliveryTimeout']);
  });
});

describe('StopInvocation', () => {
  it('running -> Stopping -> Terminated, not started -> Cancelled; overall Stopping then Stopped', async () => {
    const [a, b] = fleet(2);
    const id = emu.sim.runCommand({
      commandContent: 'sleep 600',
      instanceIds: [a, b],
      outcome: [{ status: 'Success', pendingMs: 500, durationMs: 600_000 }, { status: 'Success', pendingMs: 60_000, durationMs: 1_000 }],
    });
    clock.advance(5_000);
    expect(instanceStatuses(await invocation(id))).toEqual(['Running', 'Pending']);
    await call(emu, 'StopInvocation', { InvokeId: id });
    let inv = await invocation(id);
    expect(instanceStatuses(inv)).toEqual(['Stopping', 'Cancelled']);
    expect(inv.InvocationStatus).toBe('Stopping');
    expect(inv.InvokeInstances.InvokeInstance[0].StopTime).not.toBe('');
    clock.advance(5_000);
    inv = await invocation(id);
    expect(instanceStatuses(inv)).toEqual(['Terminated', 'Cancelled']);
    expect([inv.InvocationStatus, inv.InvokeStatus]).toEqual(['Stopped', 'Stopped']);
    clock.advance(600_000);
    expect((await invocation(id)).InvocationStatus).toBe('Stopped');
  });

  it('stopping some instances: the overall status follows the rule', async () => {
    const [a, b] = fleet(2);
    const id = emu.sim.runCommand({ commandContent: 'sleep 60', instanceIds: [a, b], outcome: 'Success', pendingMs: 100, durationMs: 60_000 });
    clock.advance(1_000);
    await call(emu, 'StopInvocation', { InvokeId: id, InstanceId: [b] });
    clock.advance(120_000);
    const inv = await invocation(id);
    expect(instanceStatuses(inv)).toEqual(['Success', 'Terminated']);
    expect(inv.InvocationStatus).toBe('Success');
  });
});

describe('scheduled invocations', () => {
  it('Repeats grows, overall stays Scheduled/Running, history lists every run, stop ends it', async () => {
    const id = emu.sim.runCommand({ commandContent: 'uptime', instanceIds: fleet(2), frequency: '0 * * * * *', durationMs: 2_000 });
    let inv = await invocation(id);
    expect([inv.Timed, inv.Frequency, inv.InvocationStatus, inv.InvokeStatus]).toEqual([true, '0 * * * * *', 'Scheduled', 'Running']);
    clock.set((Math.floor(clock.now() / 60_000) + 1) * 60_000 + 1_000); // one second into the first run
    inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('Running');
    expect(inv.InvokeInstances.InvokeInstance[0].Repeats).toBe(1);
    clock.advance(3 * 60_000);
    inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('Running');
    expect(inv.InvokeInstances.InvokeInstance.map((r: Body) => r.Repeats)).toEqual([4, 4]);
    clock.advance(30_000);
    inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('Scheduled');
    expect(inv.InvokeInstances.InvokeInstance[0]).toMatchObject({ InvocationStatus: 'Scheduled', ExitCode: 0, Repeats: 4 });
    expect(invocations(await call(emu, 'DescribeInvocations', { InvokeStatus: 'Running' })).map((i) => i.InvokeId)).toEqual([id]);

    const history = await call(emu, 'DescribeInvocationResults', { InvokeId: id, InstanceId: fleet(1)[0], IncludeHistory: true });
    expect(history.Invocation.InvocationResults.InvocationResult.map((r: Body) => r.Repeats)).toEqual([4, 3, 2, 1]);
    const latest = await call(emu, 'DescribeInvocationResults', { InvokeId: id });
    expect(latest.Invocation.TotalCount).toBe(2);

    await call(emu, 'StopInvocation', { InvokeId: id });
    inv = await invocation(id);
    expect([inv.InvocationStatus, inv.InvokeStatus]).toEqual(['Stopped', 'Stopped']);
    clock.advance(10 * 60_000);
    expect((await invocation(id)).InvokeInstances.InvokeInstance[0].Repeats).toBe(4);
  });

  it('rate(5m) fires every five minutes', async () => {
    const id = emu.sim.runCommand({ commandContent: 'date', instanceIds: fleet(1), frequency: 'rate(5m)', durationMs: 1_000 });
    clock.advance(16 * 60_000);
    expect((await invocation(id)).InvokeInstances.InvokeInstance[0].Repeats).toBe(3);
  });

  it('a bad cron expression ends Invalid with BadCronExpression', async () => {
    const id = emu.sim.runCommand({ commandContent: 'date', instanceIds: fleet(1), frequency: 'every tuesday' });
    clock.advance(5_000);
    const inv = await invocation(id);
    expect(inv.InvocationStatus).toBe('Failed');
    expect(inv.InvokeInstances.InvokeInstance[0]).toMatchObject({ InvocationStatus: 'Invalid', ErrorCode: 'BadCronExpression' });
  });
});

describe('output', () => {
  it('grows while running and is cut at 24 KB with Dropped counting the rest', async () => {
    const full = logTail(40_000, 5);
    const fullBytes = Buffer.byteLength(full);
    const id = emu.sim.runCommand({ commandContent: 'tail -n 2000 app.log', instanceIds: fleet(1), output: full, outcome: 'Success', pendingMs: 0, durationMs: 10_000 });
    clock.advance(2_000);
    const early = (await invocation(id, { IncludeOutput: true })).InvokeInstances.InvokeInstance[0];
    const earlyText = unb64(early.Output);
    expect(earlyText.length).toBeGreaterThan(0);
    expect(full.startsWith(earlyText)).toBe(true);
    expect(early.Dropped).toBe(0);
    clock.advance(10_000);
    const done = (await invocation(id, { IncludeOutput: true })).InvokeInstances.InvokeInstance[0];
    const kept = Buffer.from(done.Output, 'base64');
    expect(kept.length).toBe(OUTPUT_LIMIT_BYTES);
    expect(done.Dropped).toBe(fullBytes - OUTPUT_LIMIT_BYTES);
    expect(full.startsWith(kept.toString('utf8'))).toBe(true);
    // Without IncludeOutput the size is still reported.
    expect((await invocation(id)).InvokeInstances.InvokeInstance[0].Dropped).toBe(fullBytes - OUTPUT_LIMIT_BYTES);
  });

  it('hostile and CJK/emoji output come back byte for byte', async () => {
    const id = emu.sim.runCommand({ commandContent: 'cat x', instanceIds: fleet(2), outcome: [{ status: 'Success', output: HOSTILE_OUTPUT }, { status: 'Success', output: CJK_OUTPUT }] });
    clock.advance(10_000);
    const rows = (await invocation(id, { IncludeOutput: true })).InvokeInstances.InvokeInstance;
    expect(unb64(rows[0].Output)).toBe(HOSTILE_OUTPUT);
    expect(unb64(rows[1].Output)).toBe(CJK_OUTPUT);
    for (const seq of ['\x1b]52;', '\x1b]0;', '\x1b]8;;', '\x1b[2J', '\b', '\r', '\u202E', '\x9b']) expect(HOSTILE_OUTPUT).toContain(seq);
  });

  it('raw bytes that are not UTF-8 survive Base64', async () => {
    const bytes = Uint8Array.from([0x6f, 0x6b, 0xff, 0xfe, 0xc3, 0x0a]);
    const id = emu.sim.runCommand({ commandContent: 'x', instanceIds: fleet(1), outcome: { status: 'Success', output: bytes } });
    clock.advance(10_000);
    const row = (await invocation(id, { IncludeOutput: true })).InvokeInstances.InvokeInstance[0];
    expect([...Buffer.from(row.Output, 'base64')]).toEqual([...bytes]);
  });
});

describe('retention', () => {
  it('drops invocations older than two weeks', async () => {
    const id = emu.sim.runCommand({ commandContent: 'true', instanceIds: fleet(1) });
    clock.advance(13 * 86_400_000);
    expect((await call(emu, 'DescribeInvocations', { InvokeId: id })).TotalCount).toBe(1);
    clock.advance(2 * 86_400_000);
    expect((await call(emu, 'DescribeInvocations', { InvokeId: id })).TotalCount).toBe(0);
    expect(emu.sim.size()).toBe(0);
  });
});
