// Several regions at once through pop-core: DescribeRegions lists them, RegionId selects a fleet of
// its own, and faults can take one region down while another keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { parseFaults, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, callError, type Body } from './helpers.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 9, fleet: 6, invocations: 30, clock: new FakeClock(), moreRegions: ['cn-shanghai', 'cn-beijing'] });
});

afterAll(async () => {
  await emu.stop();
});

const ids = (body: Body): string[] => body.Invocations.Invocation.map((i: Body) => i.InvokeId);

describe('regions', () => {
  it('DescribeRegions lists the regions served, in Chinese by default and in English when asked', async () => {
    const zh = await call(emu, 'DescribeRegions');
    expect(zh.Regions.Region.map((r: Body) => [r.RegionId, r.LocalName, r.Status])).toEqual([
      ['cn-hangzhou', '华东1（杭州）', 'available'],
      ['cn-shanghai', '华东2（上海）', 'available'],
      ['cn-beijing', '华北2（北京）', 'available'],
    ]);
    const en = await call(emu, 'DescribeRegions', { AcceptLanguage: 'en-US', RegionId: undefined });
    expect(en.Regions.Region[1]).toMatchObject({ LocalName: 'China (Shanghai)', RegionEndpoint: 'ecs.cn-shanghai.aliyuncs.com' });
  });

  it('RegionId selects a separate fleet: its own instances, history and new invocations', async () => {
    const sh = emu.simFor('cn-shanghai');
    expect(sh?.fleet[0].instanceId).toMatch(/^i-uf6[a-z0-9]{17}$/);
    expect(emu.sim.fleet[0].instanceId).toMatch(/^i-bp1/);
    const hz = await call(emu, 'DescribeInvocations', { PageSize: 50 });
    const shList = await call(emu, 'DescribeInvocations', { RegionId: 'cn-shanghai', PageSize: 50 });
    expect([hz.TotalCount, shList.TotalCount]).toEqual([30, 30]);
    expect(ids(hz).filter((id) => ids(shList).includes(id))).toEqual([]);
    expect(ids(shList).every((id) => id.startsWith('t-sh'))).toBe(true);

    const run = await call(emu, 'RunCommand', { RegionId: 'cn-beijing', Type: 'RunShellScript', CommandContent: 'uptime', InstanceId: [emu.simFor('cn-beijing')?.fleet[0].instanceId] });
    expect((await call(emu, 'DescribeInvocations', { RegionId: 'cn-beijing', InvokeId: run.InvokeId })).TotalCount).toBe(1);
    expect((await call(emu, 'DescribeInvocations', { InvokeId: run.InvokeId })).TotalCount).toBe(0);
    // An instance of one region is no target in another.
    const cross = await callError(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: 'uptime', InstanceId: [sh?.fleet[0].instanceId] });
    expect([cross.status, cross.code]).toEqual([404, 'InvalidInstance.NotFound']);
  });

  it('per-region faults: cn-shanghai throttled, cn-hangzhou and cn-beijing unaffected', async () => {
    emu.setFaults(parseFaults('cn-shanghai:throttle=1'));
    try {
      for (let i = 0; i < 5; i++) {
        const err = await callError(emu, 'DescribeInvocations', { RegionId: 'cn-shanghai' });
        expect([err.status, err.code]).toEqual([400, 'Throttling.User']);
        expect((await call(emu, 'DescribeInvocations')).TotalCount).toBe(30);
        expect((await call(emu, 'DescribeInvocations', { RegionId: 'cn-beijing' })).TotalCount).toBe(31);
      }
    } finally {
      emu.setFaults({});
    }
  });
});

describe('parseFaults with regions', () => {
  it('scopes a key to a region and keeps the others for all', () => {
    expect(parseFaults('throttle=0.1,cn-shanghai:throttle=0.5,cn-shanghai:latency=10-20,ap-southeast-1:error500=1')).toEqual({
      throttle: 0.1,
      regions: { 'cn-shanghai': { throttle: 0.5, latencyMs: [10, 20] }, 'ap-southeast-1': { error500: 1 } },
    });
    expect(() => parseFaults('cn-shanghai:throttle')).toThrow(/^fault "cn-shanghai:throttle" needs a value/);
    expect(() => parseFaults('cn-shanghai:slow=1')).toThrow(/^unknown fault "slow"/);
  });
});
