// A client no one here wrote: Alibaba's generated @alicloud/ecs20140526 SDK, which signs with V3
// (ACS3-HMAC-SHA256 in the Authorization header) by default, against the emulator on loopback.
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import * as $OpenApi from '@alicloud/openapi-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, callError, invocations } from './helpers.js';

// Under NodeNext the default import of this CommonJS package is its module object; the class is `.default`.
type EcsClass = typeof Ecs.default;
type EcsClient = InstanceType<EcsClass>;
const EcsCtor: EcsClass = (Ecs as { default?: EcsClass }).default ?? (Ecs as unknown as EcsClass);

let emu: RunningEmulator;
let clock: FakeClock;

function sdk(over: { accessKeyId?: string; accessKeySecret?: string } = {}): EcsClient {
  const config = new $OpenApi.Config({
    accessKeyId: over.accessKeyId ?? emu.accessKeyId,
    accessKeySecret: over.accessKeySecret ?? emu.accessKeySecret,
    endpoint: `127.0.0.1:${emu.port}`,
    protocol: 'http',
    regionId: emu.regionId,
  });
  return new EcsCtor(config as unknown as ConstructorParameters<EcsClass>[0]);
}

async function sdkError(fn: () => Promise<unknown>): Promise<{ code?: string; statusCode?: number }> {
  try {
    await fn();
  } catch (err) {
    const e = err as { code?: string; statusCode?: number };
    return { code: e.code, statusCode: e.statusCode };
  }
  throw new Error('expected the SDK call to fail');
}

beforeAll(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ port: 0, seed: 21, fleet: 8, invocations: 37, clock });
});

afterAll(async () => {
  await emu.stop();
});

describe('@alicloud/ecs20140526 with V3 signatures', () => {
  it('pages through the fleet: the same invocations, in the same order, as pop-core sees', async () => {
    const client = sdk();
    const seen: string[] = [];
    let total = 0;
    for (let page = 1; page <= 10; page++) {
      const res = await client.describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: emu.regionId, pageNumber: page, pageSize: 10 }));
      expect(res.statusCode).toBe(200);
      total = res.body?.totalCount ?? 0;
      const list = res.body?.invocations?.invocation ?? [];
      seen.push(...list.map((i) => i.invokeId ?? ''));
      if (list.length < 10) break;
    }
    expect(total).toBe(37);
    const popCore = invocations(await call(emu, 'DescribeInvocations', { PageSize: 50 })).map((i) => i.InvokeId);
    expect(seen).toEqual(popCore);
  });

  it('token paging with MaxResults/NextToken', async () => {
    const client = sdk();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await client.describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: emu.regionId, maxResults: 20, nextToken: token }));
      seen.push(...(res.body?.invocations?.invocation ?? []).map((i) => i.invokeId ?? ''));
      token = res.body?.nextToken || undefined;
    } while (token);
    expect(new Set(seen).size).toBe(37);
  });

  it('filters and decodes like pop-core (InvokeStatus, IncludeOutput, PlainText)', async () => {
    const [a, b, c] = emu.sim.fleet.slice(0, 3).map((i) => i.instanceId);
    const id = emu.sim.runCommand({ commandContent: 'echo sdk', instanceIds: [a, b, c], outcome: ['Success', 'Failed', 'Success'], durationMs: 1_000 });
    clock.advance(30_000);
    const res = await sdk().describeInvocations(
      new $Ecs.DescribeInvocationsRequest({ regionId: emu.regionId, invokeId: id, includeOutput: true, contentEncoding: 'PlainText', invokeStatus: 'PartialFailed' }),
    );
    const inv = res.body?.invocations?.invocation?.[0];
    expect(inv?.invocationStatus).toBe('PartialFailed');
    expect(inv?.commandContent).toBe('echo sdk');
    expect(inv?.invokeInstances?.invokeInstance?.map((r) => [r.invocationStatus, r.output])).toEqual([
      ['Success', 'sdk\n'],
      ['Failed', 'sdk\n'],
      ['Success', 'sdk\n'],
    ]);
  });

  it('reads per-instance results (DescribeInvocationResults)', async () => {
    const [a, b] = emu.sim.fleet.slice(0, 2).map((i) => i.instanceId);
    const id = emu.sim.runCommand({ commandContent: 'hostname', instanceIds: [a, b], outcome: ['Success', { status: 'Failed', exitCode: 4 }], durationMs: 1_000 });
    clock.advance(30_000);
    const res = await sdk().describeInvocationResults(new $Ecs.DescribeInvocationResultsRequest({ regionId: emu.regionId, invokeId: id }));
    const inv = res.body?.invocation;
    expect(inv?.totalCount).toBe(2);
    const rows = inv?.invocationResults?.invocationResult ?? [];
    expect(rows.map((r) => [r.instanceId, r.invocationStatus, r.exitCode, r.invokeRecordStatus])).toEqual([
      [a, 'Success', 0, 'Finished'],
      [b, 'Failed', 4, 'Finished'],
    ]);
    expect(rows[0].finishedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('runs a command and stops it on one instance (RunCommand, StopInvocation with InstanceId.N)', async () => {
    const client = sdk();
    const [a, b] = emu.sim.fleet.slice(0, 2).map((i) => i.instanceId);
    const run = await client.runCommand(
      new $Ecs.RunCommandRequest({ regionId: emu.regionId, type: 'RunShellScript', commandContent: 'sleep 3600', instanceId: [a, b], name: 'long-sleep', timeout: 3600 }),
    );
    const invokeId = run.body?.invokeId ?? '';
    expect(invokeId).toMatch(/^t-/);
    expect(run.body?.commandId).toMatch(/^c-/);
    clock.advance(2_000);
    expect(emu.sim.get(invokeId)?.instances.map((i) => i.status)).toEqual(['Running', 'Running']);
    const stop = await client.stopInvocation(new $Ecs.StopInvocationRequest({ regionId: emu.regionId, invokeId, instanceId: [b] }));
    expect(stop.statusCode).toBe(200);
    expect(emu.sim.get(invokeId)?.instances.map((i) => i.status)).toEqual(['Running', 'Stopping']);
    clock.advance(5_000);
    expect(emu.sim.get(invokeId)?.instances.map((i) => i.status)).toEqual(['Running', 'Terminated']);
    await client.stopInvocation(new $Ecs.StopInvocationRequest({ regionId: emu.regionId, invokeId }));
    clock.advance(5_000);
    expect(emu.sim.get(invokeId)?.status).toBe('Stopped');
  });

  it('surfaces documented errors with their HTTP status', async () => {
    const err = await sdkError(() => sdk().describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: emu.regionId, pageSize: 500 })));
    expect(err).toEqual({ code: 'InvalidParam.PageSize', statusCode: 403 });
  });
});

describe('a wrong secret is refused for both schemes', () => {
  it('V3 (SDK): 403 SignatureDoesNotMatch; unknown key: 404 InvalidAccessKeyId.NotFound', async () => {
    const req = new $Ecs.DescribeInvocationsRequest({ regionId: emu.regionId });
    expect(await sdkError(() => sdk({ accessKeySecret: 'wrong-secret' }).describeInvocations(req))).toEqual({ code: 'SignatureDoesNotMatch', statusCode: 403 });
    expect(await sdkError(() => sdk({ accessKeyId: 'LTAI-nobody' }).describeInvocations(req))).toEqual({ code: 'InvalidAccessKeyId.NotFound', statusCode: 404 });
  });

  it('RPC v1 (pop-core): 403 SignatureDoesNotMatch', async () => {
    const err = await callError(emu, 'DescribeInvocations', {}, { accessKeySecret: 'wrong-secret' });
    expect([err.status, err.code]).toEqual([403, 'SignatureDoesNotMatch']);
  });
});

describe('STS credentials over V3', () => {
  it('accepts the x-acs-security-token it was given and refuses a missing one', async () => {
    const sts = await startEmulator({ port: 0, seed: 2, fleet: 2, clock: new FakeClock(), securityToken: 'CAIS-sts-token' });
    try {
      const make = (securityToken?: string) =>
        new EcsCtor(
          new $OpenApi.Config({
            accessKeyId: sts.accessKeyId,
            accessKeySecret: sts.accessKeySecret,
            securityToken,
            endpoint: `127.0.0.1:${sts.port}`,
            protocol: 'http',
            regionId: sts.regionId,
          }) as unknown as ConstructorParameters<EcsClass>[0],
        );
      const req = new $Ecs.DescribeInvocationsRequest({ regionId: sts.regionId });
      const ok = await make('CAIS-sts-token').describeInvocations(req);
      expect(ok.body?.totalCount).toBe(0);
      expect(await sdkError(() => make().describeInvocations(req))).toEqual({ code: 'MissingSecurityToken', statusCode: 400 });
    } finally {
      await sts.stop();
    }
  });
});
