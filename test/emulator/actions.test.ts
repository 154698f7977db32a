// DescribeInvocationResults, StopInvocation, RunCommand and InvokeCommand through pop-core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { b64, call, callError, invocations, unb64, type Body } from './helpers.js';

let emu: RunningEmulator;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 8, fleet: 4, clock });
});

afterEach(async () => {
  await emu.stop();
});

const ids = () => emu.sim.fleet.map((i) => i.instanceId);

function results(body: Body): Body[] {
  return body.Invocation.InvocationResults.InvocationResult as Body[];
}

describe('DescribeInvocationResults', () => {
  it('has the documented shape: Invocation {TotalCount, PageNumber, PageSize, InvocationResults.InvocationResult[]}', async () => {
    const [a, b] = ids();
    const id = emu.sim.runCommand({ commandContent: 'echo hi', instanceIds: [a, b], outcome: ['Success', { status: 'Failed', exitCode: 9 }], durationMs: 1_000 });
    clock.advance(10_000);
    const body = await call(emu, 'DescribeInvocationResults', { InvokeId: id });
    expect(Object.keys(body).sort()).toEqual(['Invocation', 'RequestId']);
    expect(body.Invocation).toMatchObject({ TotalCount: 2, PageNumber: 1, PageSize: 10 });
    const rows = results(body);
    expect(rows[0]).toMatchObject({ InvokeId: id, InstanceId: a, InvocationStatus: 'Success', InvokeRecordStatus: 'Finished', ExitCode: 0, Repeats: 1, Dropped: 0 });
    expect(rows[1]).toMatchObject({ InstanceId: b, InvocationStatus: 'Failed', ExitCode: 9, ErrorCode: 'ExitCodeNonzero' });
    expect(rows[0].FinishedTime).toMatch(/Z$/);
    expect(rows[0]).not.toHaveProperty('FinishTime');
    // Output is always included; Base64 by default.
    expect(unb64(rows[0].Output)).toBe('hi\n');
    const plain = await call(emu, 'DescribeInvocationResults', { InvokeId: id, ContentEncoding: 'PlainText' });
    expect(results(plain)[0].Output).toBe('hi\n');
  });

  it('filters by InstanceId and InvokeRecordStatus, pages rows', async () => {
    const [a, b, c] = ids();
    for (let i = 0; i < 4; i++) {
      emu.sim.runCommand({ commandContent: `echo ${i}`, instanceIds: [a, b, c], outcome: ['Success', 'Success', 'Invalid'], durationMs: 500 });
      clock.advance(1_000);
    }
    const running = emu.sim.runCommand({ commandContent: 'sleep 100', instanceIds: [a], durationMs: 100_000 });
    clock.advance(10_000);
    const onA = await call(emu, 'DescribeInvocationResults', { InstanceId: a, PageSize: 50 });
    expect(onA.Invocation.TotalCount).toBe(5);
    expect(results(onA).every((r) => r.InstanceId === a)).toBe(true);
    expect(results(onA)[0].InvokeId).toBe(running);

    const failed = await call(emu, 'DescribeInvocationResults', { InvokeRecordStatus: 'Failed', PageSize: 50 });
    expect(results(failed).map((r) => r.InstanceId)).toEqual([c, c, c, c]);
    const active = await call(emu, 'DescribeInvocationResults', { InvokeRecordStatus: 'Running' });
    expect(results(active).map((r) => r.InvokeId)).toEqual([running]);

    const pages = await Promise.all([1, 2, 3].map((n) => call(emu, 'DescribeInvocationResults', { PageSize: 6, PageNumber: n })));
    expect(pages.map((p) => results(p).length)).toEqual([6, 6, 1]);
    expect(pages[0].Invocation.TotalCount).toBe(13);
  });

  it('rejects bad values with the documented codes', async () => {
    expect((await callError(emu, 'DescribeInvocationResults', { PageSize: 51 })).code).toBe('InvalidParam.PageSize');
    expect((await callError(emu, 'DescribeInvocationResults', { PageNumber: 0 })).code).toBe('InvalidParam.PageNumber');
    const bad = await callError(emu, 'DescribeInvocationResults', { InvokeRecordStatus: 'Nope' });
    expect([bad.status, bad.code]).toEqual([403, 'InvalidParam.InvokeRecordStatus']);
  });
});

describe('StopInvocation', () => {
  it('stops only the listed instances (InstanceId.N)', async () => {
    const [a, b, c] = ids();
    const id = emu.sim.runCommand({ commandContent: 'sleep 600', instanceIds: [a, b, c], durationMs: 600_000 });
    clock.advance(3_000);
    const body = await call(emu, 'StopInvocation', { InvokeId: id, InstanceId: [a, c] });
    expect(Object.keys(body)).toEqual(['RequestId']);
    clock.advance(5_000);
    expect(emu.sim.get(id)?.instances.map((i) => i.status)).toEqual(['Terminated', 'Running', 'Terminated']);
    expect(emu.sim.get(id)?.status).toBe('Running');
  });

  it('errors: unknown InvokeId 404, missing InvokeId 400, instance not in the invocation 404', async () => {
    const unknown = await callError(emu, 'StopInvocation', { InvokeId: 't-hz-none' });
    expect([unknown.status, unknown.code]).toEqual([404, 'InvalidInvokeId.NotFound']);
    const missing = await callError(emu, 'StopInvocation');
    expect([missing.status, missing.code]).toEqual([400, 'MissingParameter']);
    const id = emu.sim.runCommand({ commandContent: 'sleep 60', instanceIds: [ids()[0]] });
    const other = await callError(emu, 'StopInvocation', { InvokeId: id, InstanceId: [ids()[1]] });
    expect([other.status, other.code]).toEqual([404, 'InvalidInstanceId.NotFound']);
  });

  it('stopping a finished invocation changes nothing', async () => {
    const id = emu.sim.runCommand({ commandContent: 'true', instanceIds: [ids()[0]], outcome: 'Success', durationMs: 100 });
    clock.advance(10_000);
    await call(emu, 'StopInvocation', { InvokeId: id });
    expect(emu.sim.get(id)?.status).toBe('Success');
  });
});

describe('RunCommand and InvokeCommand', () => {
  it('RunCommand creates an invocation on the fleet and returns {RequestId, InvokeId, CommandId}', async () => {
    const [a, b] = ids();
    const body = await call(emu, 'RunCommand', {
      Type: 'RunShellScript',
      CommandContent: b64('echo from-api'),
      ContentEncoding: 'Base64',
      InstanceId: [a, b],
      Name: 'api-run',
    });
    expect(Object.keys(body).sort()).toEqual(['CommandId', 'InvokeId', 'RequestId']);
    clock.advance(30_000);
    const inv = invocations(await call(emu, 'DescribeInvocations', { InvokeId: body.InvokeId, IncludeOutput: true, ContentEncoding: 'PlainText' }))[0];
    expect(inv).toMatchObject({ CommandName: 'api-run', CommandId: body.CommandId, CommandContent: 'echo from-api', InvocationStatus: 'Success' });
    expect(inv.InvokeInstances.InvokeInstance.map((r: Body) => r.Output)).toEqual(['from-api\n', 'from-api\n']);
  });

  it("a script's `exit N` fails with exit code N", async () => {
    const body = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'echo x\nexit 42', InstanceId: [ids()[0]] });
    clock.advance(30_000);
    const row = invocations(await call(emu, 'DescribeInvocations', { InvokeId: body.InvokeId }))[0].InvokeInstances.InvokeInstance[0];
    expect([row.InvocationStatus, row.ExitCode]).toEqual(['Failed', 42]);
  });

  it('a scheduled RunCommand (RepeatMode=Period, Frequency) is Timed', async () => {
    const body = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'date', InstanceId: [ids()[0]], RepeatMode: 'Period', Frequency: 'rate(1m)' });
    clock.advance(3 * 60_000 + 30_000);
    const inv = invocations(await call(emu, 'DescribeInvocations', { InvokeId: body.InvokeId }))[0];
    expect([inv.Timed, inv.Frequency, inv.InvokeStatus]).toEqual([true, 'rate(1m)', 'Running']);
    expect(inv.InvokeInstances.InvokeInstance[0].Repeats).toBe(3);
  });

  it('InvokeCommand runs an existing command again', async () => {
    const first = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'echo again', InstanceId: [ids()[0]], Name: 'again', KeepCommand: true });
    const body = await call(emu, 'InvokeCommand', { CommandId: first.CommandId, InstanceId: [ids()[1]] });
    expect(body.CommandId).toBe(first.CommandId);
    expect(body.InvokeId).not.toBe(first.InvokeId);
    const listed = await call(emu, 'DescribeInvocations', { CommandId: first.CommandId });
    expect(listed.TotalCount).toBe(2);
  });

  it('RunCommand keeps no command unless KeepCommand=true: InvokeCommand of it is then InvalidCommandId.NotFound', async () => {
    const gone = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'echo once', InstanceId: [ids()[0]] });
    const refused = await callError(emu, 'InvokeCommand', { CommandId: gone.CommandId, InstanceId: [ids()[1]] });
    expect([refused.status, refused.code]).toEqual([404, 'InvalidCommandId.NotFound']);
    // Its invocation still names the command.
    expect(invocations(await call(emu, 'DescribeInvocations', { InvokeId: gone.InvokeId }))[0].CommandId).toBe(gone.CommandId);
  });

  it('errors name the parameter', async () => {
    const noType = await callError(emu, 'RunCommand', { CommandContent: 'x', InstanceId: [ids()[0]] });
    expect([noType.status, noType.code]).toEqual([400, 'MissingParameter']);
    expect(noType.data?.Message).toContain('"Type"');
    const badType = await callError(emu, 'RunCommand', { Type: 'RunPythonScript', CommandContent: 'x', InstanceId: [ids()[0]] });
    expect([badType.status, badType.code]).toEqual([403, 'InvalidParam.Type']);
    const noInstance = await callError(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'x' });
    expect(noInstance.data?.Message).toContain('InstanceId');
    const unknown = await callError(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'x', InstanceId: ['i-bp1doesnotexist'] });
    expect([unknown.status, unknown.code]).toEqual([404, 'InvalidInstance.NotFound']);
    const badB64 = await callError(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: '%%%', ContentEncoding: 'Base64', InstanceId: [ids()[0]] });
    expect(badB64.code).toBe('InvalidParam.CommandContent');
    const noCommand = await callError(emu, 'InvokeCommand', { CommandId: 'c-hz-none', InstanceId: [ids()[0]] });
    expect([noCommand.status, noCommand.code]).toEqual([404, 'InvalidCommandId.NotFound']);
  });
});
