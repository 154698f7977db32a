// EcsClient end to end: the real pop-core client against the emulator on 127.0.0.1:0, the
// fleet's time on a FakeClock. Paging, filters, encodings, output, results, stop, bad keys, faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { isAuthError } from '../../src/api/errors.js';
import type { Invocation } from '../../src/api/model.js';
import { StaticAKCredentialsProvider } from '@alicloud/credentials';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { rejection } from '../helpers/apiRejection.js';

let emu: RunningEmulator;
let clock: FakeClock;
let api: EcsClient;
let fleet: string[];
const ids: Record<string, string> = {};
const HISTORY = 73;

function clientWith(secret: string, extra: { timeoutMs?: number } = {}): EcsClient {
  return new EcsClient({
    regionId: emu.regionId,
    endpoint: emu.endpoint,
    credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: secret },
    ...extra,
  });
}

function expectNewestFirst(list: Invocation[]): void {
  for (let i = 1; i < list.length; i++) expect(list[i - 1].creationTime!).toBeGreaterThanOrEqual(list[i].creationTime!);
}

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 1, fleet: 5, clock });
  emu.sim.seedHistory(HISTORY);
  api = clientWith(emu.accessKeySecret);
  fleet = emu.sim.fleet.map((i) => i.instanceId);
  const [i0, i1, i2] = fleet;
  clock.advance(1_000);
  ids.ok = emu.sim.runCommand({ name: 'catop-ok', commandContent: 'echo héllo', instanceIds: [i0, i1], outcome: 'Success', output: 'héllo wörld\n', durationMs: 2_000 });
  clock.advance(1_000);
  ids.partial = emu.sim.runCommand({ name: 'catop-partial', commandContent: 'make', instanceIds: [i0, i1], outcome: ['Success', { status: 'Failed', exitCode: 3 }], durationMs: 2_000 });
  clock.advance(1_000);
  ids.long = emu.sim.runCommand({ name: 'catop-long', commandContent: 'sleep 600', instanceIds: [i1, i2], durationMs: 600_000 });
  clock.advance(1_000);
  ids.timed = emu.sim.runCommand({ name: 'catop-timed', commandContent: 'uptime', instanceIds: [i2], frequency: 'rate(1m)', durationMs: 1_000 });
  clock.advance(10_000);
});

afterAll(async () => {
  await emu?.stop();
});

afterEach(() => {
  emu.setFaults({});
});

describe('paging', () => {
  it('pages through the whole fleet with PageNumber/PageSize, newest first, last page partial, past the end empty', async () => {
    const pageSize = 7;
    const first = await api.describeInvocations({ pageSize, pageNumber: 1 });
    const total = first.totalCount!;
    expect(total).toBe(HISTORY + 4);
    const pages = Math.ceil(total / pageSize);
    const seen: Invocation[] = [...first.invocations];
    for (let n = 2; n <= pages; n++) {
      const p = await api.describeInvocations({ pageSize, pageNumber: n });
      expect(p.pageNumber).toBe(n);
      expect(p.invocations.length).toBe(n < pages ? pageSize : total - pageSize * (pages - 1));
      seen.push(...p.invocations);
    }
    expect(new Set(seen.map((i) => i.invokeId)).size).toBe(total);
    expectNewestFirst(seen);
    expect(seen[0].invokeId).toBe(ids.timed);
    const past = await api.describeInvocations({ pageSize, pageNumber: pages + 1 });
    expect(past.invocations).toEqual([]);
    expect(past.totalCount).toBe(total);
  });

  it('pages with NextToken/MaxResults to the same set', async () => {
    const all = new Set<string>();
    let token: string | undefined;
    let calls = 0;
    do {
      const p = await api.describeInvocations({ maxResults: 20, nextToken: token });
      p.invocations.forEach((i) => all.add(i.invokeId));
      token = p.nextToken;
      calls++;
    } while (token && calls < 20);
    expect(token).toBeUndefined();
    expect(all.size).toBe(HISTORY + 4);
  });

  it('counts the requests it sends', async () => {
    const c = clientWith(emu.accessKeySecret);
    await c.describeInvocations({ pageSize: 1 });
    await c.describeInvocationResults({ invokeId: ids.ok });
    await c.describeInvocations({ pageSize: 99 }).catch(() => undefined);
    expect(c.calls).toBe(2);
  });
});

describe('filters', () => {
  it('InvokeId, CommandName, InstanceId, CommandType and Timed', async () => {
    const one = await api.describeInvocations({ invokeId: ids.partial });
    expect(one.invocations.map((i) => i.invokeId)).toEqual([ids.partial]);
    expect(one.invocations[0].commandName).toBe('catop-partial');

    const named = await api.describeInvocations({ commandName: 'catop-ok' });
    expect(named.invocations.map((i) => i.invokeId)).toEqual([ids.ok]);

    const onInstance = await api.describeInvocations({ instanceId: fleet[2], pageSize: 50 });
    expect(onInstance.invocations.length).toBeGreaterThan(0);
    for (const inv of onInstance.invocations) expect(inv.instances.map((x) => x.instanceId)).toContain(fleet[2]);

    const timed = await api.describeInvocations({ timed: true, pageSize: 50 });
    expect(timed.invocations.map((i) => i.invokeId)).toContain(ids.timed);
    for (const inv of timed.invocations) expect(inv.timed).toBe(true);

    const shell = await api.describeInvocations({ commandType: 'RunShellScript', pageSize: 50 });
    for (const inv of shell.invocations) expect(inv.commandType).toBe('RunShellScript');
  });

  it('InvokeStatus (legacy) matches the overall status of each invocation', async () => {
    const finished = await api.describeInvocations({ invokeStatus: 'Finished', pageSize: 50 });
    for (const inv of finished.invocations) expect(inv.invocationStatus).toBe('Success');
    expect(finished.invocations.map((i) => i.invokeId)).toContain(ids.ok);

    const partial = await api.describeInvocations({ invokeStatus: 'PartialFailed', pageSize: 50 });
    for (const inv of partial.invocations) expect(inv.invocationStatus).toBe('PartialFailed');
    expect(partial.invocations.map((i) => i.invokeId)).toContain(ids.partial);

    const running = await api.describeInvocations({ invokeStatus: 'Running', pageSize: 50 });
    expect(running.invocations.map((i) => i.invokeId)).toEqual(expect.arrayContaining([ids.long, ids.timed]));
    for (const inv of running.invocations) expect(['Pending', 'Scheduled', 'Running', 'Stopping']).toContain(inv.invocationStatus);
  });
});

describe('encodings and output', () => {
  it('decodes Base64 (the default) and keeps PlainText, to the same text', async () => {
    const b = await api.describeInvocations({ invokeId: ids.ok, includeOutput: true });
    const p = await api.describeInvocations({ invokeId: ids.ok, includeOutput: true, contentEncoding: 'PlainText' });
    expect(b.invocations[0].commandContent).toBe('echo héllo');
    expect(p.invocations[0].commandContent).toBe('echo héllo');
    expect(b.invocations[0].instances[0].output).toBe('héllo wörld\n');
    expect(p.invocations[0].instances[0].output).toBe('héllo wörld\n');
  });

  it('IncludeOutput with an InvokeId returns output; without it there is none', async () => {
    const withOut = await api.describeInvocations({ invokeId: ids.ok, includeOutput: true });
    expect(withOut.invocations[0].instances.every((x) => typeof x.output === 'string')).toBe(true);
    const without = await api.describeInvocations({ invokeId: ids.ok });
    expect(without.invocations[0].instances.every((x) => x.output === undefined)).toBe(true);
    const err = await rejection(api.describeInvocations({ includeOutput: true }));
    expect(err.kind).toBe('validation');
  });

  it('describeInvocationResults gives one row per instance with output and finish time', async () => {
    const r = await api.describeInvocationResults({ invokeId: ids.partial });
    expect(r.totalCount).toBe(2);
    const rows = [...r.results].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
    expect(rows.map((x) => x.invokeId)).toEqual([ids.partial, ids.partial]);
    const statuses = rows.map((x) => x.invocationStatus).sort();
    expect(statuses).toEqual(['Failed', 'Success']);
    const failed = rows.find((x) => x.invocationStatus === 'Failed')!;
    expect(failed.exitCode).toBe(3);
    expect(failed.errorCode).toBe('ExitCodeNonzero');
    for (const row of rows) {
      expect(typeof row.output).toBe('string');
      expect(row.finishTime).toBeGreaterThan(0);
    }
  });
});

describe('stopInvocation', () => {
  it('stops a running invocation: Stopping, then Stopped', async () => {
    const before = await api.describeInvocations({ invokeId: ids.long });
    expect(before.invocations[0].invocationStatus).toBe('Running');
    const r = await api.stopInvocation(ids.long);
    expect(r.requestId).not.toBe('');
    clock.advance(60_000);
    const after = await api.describeInvocations({ invokeId: ids.long });
    expect(after.invocations[0].invocationStatus).toBe('Stopped');
    for (const x of after.invocations[0].instances) expect(['Terminated', 'Cancelled', 'Stopped']).toContain(x.invocationStatus);
  });

  it('stops one instance of a scheduled invocation with InstanceId.1', async () => {
    await api.stopInvocation(ids.timed, [fleet[2]]);
    clock.advance(60_000);
    const after = await api.describeInvocations({ invokeId: ids.timed });
    expect(after.invocations[0].invocationStatus).toBe('Stopped');
  });
});

describe('credentials providers', () => {
  it("signs with an @alicloud/credentials provider (pop-core's credentialsProvider)", async () => {
    const provider = StaticAKCredentialsProvider.builder().withAccessKeyId(emu.accessKeyId).withAccessKeySecret(emu.accessKeySecret).build();
    const c = new EcsClient({ regionId: emu.regionId, endpoint: emu.endpoint, credentials: { provider } });
    const page = await c.describeInvocations({ invokeId: ids.ok });
    expect(page.invocations.map((i) => i.invokeId)).toEqual([ids.ok]);
  });
});

describe('failures from the emulator', () => {
  it('a wrong secret: an auth ApiError, not retryable, with nothing secret in it', async () => {
    const wrong = 'WRONGsecretWRONGsecret0123';
    const err = await rejection(clientWith(wrong).describeInvocations({}));
    expect(err.retryable).toBe(false);
    expect(isAuthError(err)).toBe(true);
    expect(err.httpStatus).toBeGreaterThanOrEqual(400);
    for (const text of [String(err), JSON.stringify(err), err.stack ?? '']) {
      expect(text).not.toContain(emu.accessKeyId);
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(emu.accessKeySecret);
      expect(text).not.toMatch(/https?:\/\//);
    }
  });

  it.each([
    [{ throttle: 1 }, 'Throttling.User', 400],
    [{ error500: 1 }, 'InternalError.Dispatch', 500],
    [{ badGateway: 1 }, 'NonJsonResponse', 502],
  ] as const)('fault %j -> %s, retryable', async (faults, code, status) => {
    emu.setFaults(faults);
    const err = await rejection(api.describeInvocations({}));
    expect(err).toMatchObject({ code, httpStatus: status, retryable: true });
  });

  it('fault reset -> a retryable network error', async () => {
    emu.setFaults({ reset: 1 });
    const err = await rejection(api.describeInvocations({}));
    expect(err.kind).toBe('network');
    expect(err.retryable).toBe(true);
  });
});
