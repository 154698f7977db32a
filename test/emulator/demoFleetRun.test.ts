// The demo's run on 800 instances groups into the few groups an operator expects, through the
// real client and --groups' reader: the noise (timestamps, hostnames, IPs) hidden, the signal kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { fetchGroups } from '../../src/cli/groups.js';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 7, clock: new FakeClock(), preset: 'demo', fleetRun: true, arrivals: false, invocations: 20 });
});
afterAll(async () => {
  await emu.stop();
});

describe('demo: one run on 800 instances', () => {
  it('groups as 771 identical but for noise, 22 exit 1 alike, 5 without an agent, 2 odd ones', async () => {
    let invokeId = '';
    emu.sim.scan({}, (rec) => {
      if (rec.runs.length === 800) invokeId = rec.invokeId;
      return true;
    });
    expect(invokeId).not.toBe('');
    const api = new EcsClient({
      regionId: emu.regionId,
      endpoint: emu.endpoint,
      credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    });
    const timing = { now: () => 0, sleep: async () => undefined, random: () => 0.5 };
    const output = { out: () => undefined, err: () => undefined };
    const masked = await fetchGroups(api, { invokeId, mode: 'masked', format: 'json', maxRps: 1_000 }, timing, output);
    expect(masked?.pages).toBe(16);
    expect(masked?.final).toBe(true);
    expect(masked?.groups.map((g) => [g.status, g.exitCode, g.errorCode ?? '', g.count])).toEqual([
      ['Failed', 1, 'ExitCodeNonzero', 22],
      ['Aborted', null, 'ClientNotRunning', 5],
      ['Success', 0, '', 771],
      ['Success', 0, '', 1],
      ['Success', 0, '', 1],
    ]);
    // Byte for byte every success is its own (timestamps, hostnames and IPs differ).
    const strict = await fetchGroups(api, { invokeId, mode: 'strict', format: 'json', maxRps: 1_000 }, timing, output);
    expect(strict!.groups.length).toBeGreaterThan(700);
  });
});
