// DescribeInvocations through the real pop-core client against the emulator on 127.0.0.1:
// the API page's response shape, every request filter, both paging styles, both encodings,
// IncludeOutput and the documented parameter errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { b64, call, callError, invocations, unb64, type Body } from './helpers.js';

// The API page's own JSON sample (as in test/api/fixtures/DescribeInvocations.sample.json), the shape served bodies must have.
const PAGE_SAMPLE = {
  TotalCount: 5,
  RequestId: '634562E9-F291-4289-B60B-FC511A43CD34',
  PageSize: 1,
  PageNumber: 1,
  Invocations: {
    Invocation: [
      {
        CommandContent: 'cnBtIC1xYSB8IGdyZXAgdnNm****',
        InvocationStatus: 'Failed',
        InvokeStatus: 'Finished',
        Parameters: '{}',
        CommandType: 'RunShellScript',
        Timed: false,
        CreationTime: '2020-05-11T09:01:39Z',
        Frequency: '',
        CommandId: 'c-hz0jdfwcsr****',
        CommandName: 'AutoTest',
        InvokeId: 't-hz0jdfwd9f****',
        InvokeInstances: {
          InvokeInstance: [
            {
              Dropped: 0,
              InvocationStatus: 'Failed',
              InstanceId: 'i-bp1i7gg30r52z2em****',
              InstanceInvokeStatus: 'Finished',
              ExitCode: 1,
              ErrorInfo: 'the command execution exit code is not zero.',
              StartTime: '2020-05-11T09:01:40Z',
              Repeats: 1,
              FinishTime: '2020-05-11T09:01:41Z',
              Output: '',
              CreationTime: '2020-05-11T09:01:39Z',
              UpdateTime: '2020-05-11T09:01:41Z',
              ErrorCode: 'ExitCodeNonzero',
              StopTime: '',
            },
          ],
        },
      },
    ],
  },
};

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function typesOf(obj: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, typeof v]));
}

let emu: RunningEmulator;
let clock: FakeClock;
const ids: Record<string, string> = {};

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 42, fleet: 5, clock });
  const [i0, i1, i2, i3, i4] = emu.sim.fleet.map((i) => i.instanceId);
  const step = () => clock.advance(1_000);
  ids.alpha = emu.sim.runCommand({ name: 'alpha', commandContent: 'echo hello', instanceIds: [i0, i1], outcome: 'Success', durationMs: 2_000 });
  step();
  ids.beta = emu.sim.runCommand({ name: 'beta', commandContent: 'exit 3', instanceIds: [i2], outcome: { status: 'Failed', exitCode: 3 }, durationMs: 2_000 });
  step();
  ids.gamma = emu.sim.runCommand({ name: 'gamma', commandContent: 'uptime', instanceIds: [i0], frequency: 'rate(1m)', durationMs: 1_000 });
  step();
  ids.delta = emu.sim.runCommand({ name: 'delta', commandContent: 'Get-Date', instanceIds: [i3], commandType: 'RunPowerShellScript', outcome: 'Success', durationMs: 2_000 });
  step();
  ids.partial = emu.sim.runCommand({ name: 'partial', commandContent: 'make', instanceIds: [i0, i1], outcome: ['Success', 'Failed'], durationMs: 2_000 });
  step();
  ids.stopped = emu.sim.runCommand({ name: 'stopped', commandContent: 'sleep 600', instanceIds: [i2], durationMs: 600_000 });
  clock.advance(5_000);
  emu.sim.stopInvocation(ids.stopped);
  clock.advance(5_000);
  ids.eps = emu.sim.runCommand({ name: 'eps', commandContent: 'sleep 3600', instanceIds: [i4], durationMs: 3_600_000 });
  clock.advance(90_000);
});

afterAll(async () => {
  await emu.stop();
});

function names(body: Body): string[] {
  return invocations(body).map((i) => i.CommandName as string);
}

describe('response shape', () => {
  it('has every field of the API page sample, with the same JSON types', async () => {
    const body = await call(emu, 'DescribeInvocations', { InvokeId: ids.beta });
    expect(typesOf(body)).toEqual(typesOf(PAGE_SAMPLE));
    const inv = invocations(body)[0];
    const sampleInv = PAGE_SAMPLE.Invocations.Invocation[0];
    expect(typesOf(inv)).toMatchObject(typesOf(sampleInv));
    const inst = inv.InvokeInstances.InvokeInstance[0];
    expect(typesOf(inst)).toMatchObject(typesOf(sampleInv.InvokeInstances.InvokeInstance[0]));
    expect(inv.CreationTime).toMatch(ISO);
    expect(inst).toMatchObject({
      InvocationStatus: 'Failed',
      InstanceInvokeStatus: 'Finished',
      ExitCode: 3,
      ErrorCode: 'ExitCodeNonzero',
      ErrorInfo: 'the command execution exit code is not zero',
      Repeats: 1,
      Dropped: 0,
      StopTime: '',
    });
    expect(inst.StartTime).toMatch(ISO);
    expect(inst.FinishTime).toMatch(ISO);
    expect(inv).toMatchObject({ InvocationStatus: 'Failed', InvokeStatus: 'Failed', Timed: false, Frequency: '', Parameters: '{}' });
  });

  it('defaults to PageNumber 1, PageSize 10, newest first', async () => {
    const body = await call(emu, 'DescribeInvocations');
    expect(body.PageNumber).toBe(1);
    expect(body.PageSize).toBe(10);
    expect(body.TotalCount).toBe(7);
    expect(names(body)).toEqual(['eps', 'stopped', 'partial', 'delta', 'gamma', 'beta', 'alpha']);
  });

  it('answers the same to GET query and POST form', async () => {
    const post = await call(emu, 'DescribeInvocations', { CommandName: 'alpha' }, { method: 'POST' });
    const get = await call(emu, 'DescribeInvocations', { CommandName: 'alpha' }, { method: 'GET' });
    expect(invocations(get)).toEqual(invocations(post));
  });
});

describe('filters', () => {
  it('InvokeId', async () => {
    expect(names(await call(emu, 'DescribeInvocations', { InvokeId: ids.delta }))).toEqual(['delta']);
    expect(names(await call(emu, 'DescribeInvocations', { InvokeId: 't-hz-nope' }))).toEqual([]);
  });

  it('CommandId', async () => {
    const rec = emu.sim.record(ids.gamma);
    expect(names(await call(emu, 'DescribeInvocations', { CommandId: rec?.commandId }))).toEqual(['gamma']);
  });

  it('CommandName', async () => {
    expect(names(await call(emu, 'DescribeInvocations', { CommandName: 'partial' }))).toEqual(['partial']);
  });

  it('CommandType', async () => {
    expect(names(await call(emu, 'DescribeInvocations', { CommandType: 'RunPowerShellScript' }))).toEqual(['delta']);
    expect(names(await call(emu, 'DescribeInvocations', { CommandType: 'RunShellScript' }))).not.toContain('delta');
  });

  it('Timed', async () => {
    expect(names(await call(emu, 'DescribeInvocations', { Timed: true }))).toEqual(['gamma']);
    const oneTime = names(await call(emu, 'DescribeInvocations', { Timed: false }));
    expect(oneTime).toHaveLength(6);
    expect(oneTime).not.toContain('gamma');
  });

  it('InstanceId: every invocation that ran on the instance', async () => {
    const i0 = emu.sim.fleet[0].instanceId;
    expect(names(await call(emu, 'DescribeInvocations', { InstanceId: i0 }))).toEqual(['partial', 'gamma', 'alpha']);
  });

  it('InvokeStatus, the legacy overall status', async () => {
    const by = async (s: string) => names(await call(emu, 'DescribeInvocations', { InvokeStatus: s }));
    // Running covers the scheduled invocation and the one still running.
    expect(await by('Running')).toEqual(['eps', 'gamma']);
    expect(await by('Finished')).toEqual(['delta', 'alpha']);
    expect(await by('Failed')).toEqual(['beta']);
    expect(await by('PartialFailed')).toEqual(['partial']);
    expect(await by('Stopped')).toEqual(['stopped']);
  });

  it('filters combine', async () => {
    const i0 = emu.sim.fleet[0].instanceId;
    expect(names(await call(emu, 'DescribeInvocations', { InstanceId: i0, InvokeStatus: 'Finished' }))).toEqual(['alpha']);
    expect(names(await call(emu, 'DescribeInvocations', { InstanceId: i0, Timed: true, CommandName: 'gamma' }))).toEqual(['gamma']);
  });

  it('reports the overall status of each invocation', async () => {
    const body = await call(emu, 'DescribeInvocations', { PageSize: 50 });
    const status = Object.fromEntries(invocations(body).map((i) => [i.CommandName, [i.InvocationStatus, i.InvokeStatus]]));
    expect(status).toEqual({
      alpha: ['Success', 'Finished'],
      beta: ['Failed', 'Failed'],
      gamma: ['Scheduled', 'Running'],
      delta: ['Success', 'Finished'],
      partial: ['PartialFailed', 'PartialFailed'],
      stopped: ['Stopped', 'Stopped'],
      eps: ['Running', 'Running'],
    });
  });
});

describe('encodings and output', () => {
  it('ContentEncoding defaults to Base64 for CommandContent and Output', async () => {
    const body = await call(emu, 'DescribeInvocations', { InvokeId: ids.alpha, IncludeOutput: true });
    const inv = invocations(body)[0];
    expect(inv.CommandContent).toBe(b64('echo hello'));
    for (const inst of inv.InvokeInstances.InvokeInstance) expect(unb64(inst.Output)).toBe('hello\n');
  });

  it('ContentEncoding=PlainText returns the text as it is', async () => {
    const body = await call(emu, 'DescribeInvocations', { InvokeId: ids.alpha, IncludeOutput: true, ContentEncoding: 'PlainText' });
    const inv = invocations(body)[0];
    expect(inv.CommandContent).toBe('echo hello');
    expect(inv.InvokeInstances.InvokeInstance[0].Output).toBe('hello\n');
  });

  it('IncludeOutput defaults to false: Output is empty', async () => {
    const body = await call(emu, 'DescribeInvocations', { InvokeId: ids.alpha });
    for (const inst of invocations(body)[0].InvokeInstances.InvokeInstance) expect(inst.Output).toBe('');
  });

  it('IncludeOutput works with InstanceId alone', async () => {
    const body = await call(emu, 'DescribeInvocations', { InstanceId: emu.sim.fleet[2].instanceId, IncludeOutput: true, ContentEncoding: 'PlainText' });
    const beta = invocations(body).find((i) => i.CommandName === 'beta');
    expect(beta?.InvokeInstances.InvokeInstance[0].Output).toBe('exit 3\nexit: exit status 3\n');
  });

  it('with InstanceId alone, output is served for that instance only', async () => {
    const [i0, i1] = emu.sim.fleet.map((i) => i.instanceId);
    const body = await call(emu, 'DescribeInvocations', { InstanceId: i1, IncludeOutput: true, ContentEncoding: 'PlainText', CommandName: 'alpha' });
    const rows = invocations(body)[0].InvokeInstances.InvokeInstance as Body[];
    expect(rows.map((r) => [r.InstanceId, r.Output])).toEqual([
      [i0, ''],
      [i1, 'hello\n'],
    ]);
  });

  it('IncludeOutput without InvokeId or InstanceId is refused', async () => {
    const err = await callError(emu, 'DescribeInvocations', { IncludeOutput: true });
    expect(err.status).toBe(400);
    expect(err.code).toBe('MissingParameter');
    expect(err.data?.Message).toMatch(/InvokeId.*InstanceId/);
  });
});

describe('parameter errors (documented codes and HTTP statuses)', () => {
  it.each([['0'], ['51'], ['abc'], ['-1'], ['1.5']])('PageSize=%s -> 403 InvalidParam.PageSize', async (size) => {
    const err = await callError(emu, 'DescribeInvocations', { PageSize: size });
    expect([err.status, err.code]).toEqual([403, 'InvalidParam.PageSize']);
    expect(err.data).toMatchObject({ Code: 'InvalidParam.PageSize', Message: 'The specified parameter is invalid.' });
    expect(Object.keys(err.data ?? {}).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  });

  it.each([['0'], ['x']])('PageNumber=%s -> 403 InvalidParam.PageNumber', async (n) => {
    const err = await callError(emu, 'DescribeInvocations', { PageNumber: n });
    expect([err.status, err.code]).toEqual([403, 'InvalidParam.PageNumber']);
  });

  it('PageSize 50 is the maximum that is accepted', async () => {
    const body = await call(emu, 'DescribeInvocations', { PageSize: 50 });
    expect(body.PageSize).toBe(50);
  });

  it('InvokeStatus outside its set -> 403 InvalidParam.InvokeStatus', async () => {
    const err = await callError(emu, 'DescribeInvocations', { InvokeStatus: 'Done' });
    expect([err.status, err.code]).toEqual([403, 'InvalidParam.InvokeStatus']);
    expect(err.data?.Message).toContain('Running, Finished, Failed, PartialFailed, Stopped');
  });

  it('ContentEncoding outside its set -> 403 InvalidParam.ContentEncoding', async () => {
    const err = await callError(emu, 'DescribeInvocations', { ContentEncoding: 'Hex' });
    expect([err.status, err.code]).toEqual([403, 'InvalidParam.ContentEncoding']);
  });

  it('a Boolean that is not true/false -> 400 InvalidParameter', async () => {
    const err = await callError(emu, 'DescribeInvocations', { Timed: 'maybe' });
    expect([err.status, err.code]).toEqual([400, 'InvalidParameter']);
  });

  it('missing RegionId -> 400 MissingRegionId', async () => {
    const err = await callError(emu, 'DescribeInvocations', { RegionId: undefined });
    expect([err.status, err.code]).toEqual([400, 'MissingRegionId']);
  });

  it('another region holds none of our invocations', async () => {
    const body = await call(emu, 'DescribeInvocations', { RegionId: 'cn-beijing' });
    expect(body.TotalCount).toBe(0);
  });
});

describe('paging over a seeded history', () => {
  let paged: RunningEmulator;
  beforeAll(async () => {
    paged = await startEmulator({ port: 0, seed: 7, fleet: 6, invocations: 23, clock: new FakeClock() });
  });
  afterAll(async () => {
    await paged.stop();
  });

  it('PageNumber/PageSize: full pages, the last partial page, a page past the end', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((n) => call(paged, 'DescribeInvocations', { PageNumber: n, PageSize: 10 })));
    expect(pages.map((p) => invocations(p).length)).toEqual([10, 10, 3, 0]);
    for (const [i, p] of pages.entries()) expect([p.TotalCount, p.PageNumber, p.PageSize]).toEqual([23, i + 1, 10]);
    const all = pages.flatMap(invocations);
    expect(new Set(all.map((i) => i.InvokeId)).size).toBe(23);
    const times = all.map((i) => i.CreationTime as string);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('NextToken/MaxResults: same order, no TotalCount, empty NextToken at the end', async () => {
    const byPage = invocations(await call(paged, 'DescribeInvocations', { PageSize: 50 })).map((i) => i.InvokeId);
    const seen: string[] = [];
    let token: string | undefined;
    let calls = 0;
    do {
      const body = await call(paged, 'DescribeInvocations', { MaxResults: 10, NextToken: token });
      expect(body.TotalCount).toBeUndefined();
      seen.push(...invocations(body).map((i) => i.InvokeId as string));
      token = body.NextToken || undefined;
      calls++;
    } while (token && calls < 10);
    expect(calls).toBe(3);
    expect(seen).toEqual(byPage);
  });

  it('a NextToken this service did not issue -> 403 InvalidParam.NextToken', async () => {
    const err = await callError(paged, 'DescribeInvocations', { NextToken: 'bm90LWEtdG9rZW4' });
    expect([err.status, err.code]).toEqual([403, 'InvalidParam.NextToken']);
  });

  it('MaxResults above 50 -> 403 InvalidParam.MaxResults', async () => {
    const err = await callError(paged, 'DescribeInvocations', { MaxResults: 51 });
    expect([err.status, err.code]).toEqual([403, 'InvalidParam.MaxResults']);
  });
});
