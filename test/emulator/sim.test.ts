// The simulation itself: determinism by seed, the 100,000-record cap, and what the demo preset holds.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { CJK_OUTPUT, HOSTILE_OUTPUT, MAX_RECORDS, OUTPUT_LIMIT_BYTES, startEmulator } from '../../src/emulator/index.js';
import { Simulation } from '../../src/emulator/sim.js';
import { call, invocations, unb64 } from './helpers.js';

describe('determinism', () => {
  it('the same seed serves the same bodies (ids, statuses, request ids)', async () => {
    const bodies: string[] = [];
    for (let i = 0; i < 2; i++) {
      const emu = await startEmulator({ port: 0, seed: 1234, preset: 'demo', clock: new FakeClock() });
      try {
        bodies.push(JSON.stringify(await call(emu, 'DescribeInvocations', { PageSize: 50 })));
      } finally {
        await emu.stop();
      }
    }
    expect(bodies[0]).toBe(bodies[1]);
    const other = await startEmulator({ port: 0, seed: 4321, preset: 'demo', clock: new FakeClock() });
    try {
      expect(JSON.stringify(await call(other, 'DescribeInvocations', { PageSize: 50 }))).not.toBe(bodies[0]);
    } finally {
      await other.stop();
    }
  });
});

describe('capacity', () => {
  it('seeds 100,000 invocations x 3 instances and keeps at most 100,000 (oldest dropped)', () => {
    const clock = new FakeClock();
    const sim = new Simulation(clock, 1, 'cn-hangzhou');
    sim.addInstances(40);
    sim.seedHistory(MAX_RECORDS, { instancesPerInvocation: 3 });
    expect(sim.size()).toBe(MAX_RECORDS);
    const oldest = sim.records().next().value;
    const newest = sim.runCommand({ commandContent: 'true', instanceIds: [sim.fleet[0].instanceId] });
    expect(sim.size()).toBe(MAX_RECORDS);
    expect(oldest && sim.record(oldest.invokeId)).toBeUndefined();
    expect(sim.record(newest)).toBeDefined();
    let count = 0;
    let runs = 0;
    sim.scan({}, (rec) => {
      count++;
      runs += rec.runs.length;
      return true;
    });
    expect(count).toBe(MAX_RECORDS);
    expect(runs).toBe(3 * (MAX_RECORDS - 1) + 1);
    // The per-instance index agrees with a full scan, also after the oldest records were dropped.
    const target = sim.fleet[5].instanceId;
    let viaScan = 0;
    sim.scan({}, (rec) => {
      if (rec.runs.some((r) => r.inst.instanceId === target)) viaScan++;
      return true;
    });
    let viaIndex = 0;
    sim.scan({ instanceId: target }, () => {
      viaIndex++;
      return true;
    });
    expect(viaIndex).toBe(viaScan);
    expect(viaIndex).toBeGreaterThan(0);
  });
});

describe('demo preset', () => {
  it('has about 40 Linux and Windows instances and a few hundred past invocations with the cases a monitor must handle', async () => {
    const clock = new FakeClock();
    const emu = await startEmulator({ port: 0, preset: 'demo', clock });
    try {
      const fleet = emu.sim.fleet;
      expect(fleet).toHaveLength(40);
      expect(fleet.every((i) => /^i-bp1[a-z0-9]{17}$/.test(i.instanceId))).toBe(true);
      expect(new Set(fleet.map((i) => i.os))).toEqual(new Set(['linux', 'windows']));
      expect(emu.sim.size()).toBeGreaterThanOrEqual(300);

      const byName = async (name: string) => invocations(await call(emu, 'DescribeInvocations', { CommandName: name, PageSize: 50 }));
      const health = await byName('health-check');
      expect(health.some((i) => i.Timed && i.Frequency === '0 * * * * *' && i.InvokeStatus === 'Running')).toBe(true);

      const output = async (name: string) => {
        const inv = (await byName(name))[0];
        const body = await call(emu, 'DescribeInvocations', { InvokeId: inv.InvokeId, IncludeOutput: true });
        return invocations(body)[0].InvokeInstances.InvokeInstance[0];
      };
      expect(unb64((await output('suspicious-script')).Output)).toBe(HOSTILE_OUTPUT);
      expect(unb64((await output('print-banner')).Output)).toBe(CJK_OUTPUT);
      const tail = (await byName('tail-app-log')).find((i) => i.InvocationStatus === 'Success');
      const tailBody = await call(emu, 'DescribeInvocations', { InvokeId: tail?.InvokeId, IncludeOutput: true });
      const tailRow = invocations(tailBody)[0].InvokeInstances.InvokeInstance[0];
      expect(Buffer.from(tailRow.Output, 'base64').length).toBeLessThanOrEqual(OUTPUT_LIMIT_BYTES);
      expect(tailRow.Dropped).toBeGreaterThan(0);
      expect((await byName('failing-backup')).some((i) => i.InvocationStatus === 'Failed' || i.InvocationStatus === 'PartialFailed')).toBe(true);

      // Something is in progress, and new invocations arrive as time passes.
      const active = await call(emu, 'DescribeInvocations', { InvokeStatus: 'Running' });
      expect(active.TotalCount).toBeGreaterThan(1);
      const before = emu.sim.size();
      clock.advance(60_000);
      expect(emu.sim.size()).toBeGreaterThan(before + 5);
    } finally {
      await emu.stop();
    }
  });

  it('covers every final status family and error path in its history', async () => {
    const clock = new FakeClock();
    const emu = await startEmulator({ port: 0, preset: 'demo', clock });
    try {
      clock.advance(30_000); // between two runs of the minutely health check
      const statuses = new Set<string>();
      const codes = new Set<string>();
      for (const rec of emu.sim.records()) {
        statuses.add(emu.sim.overall(rec));
        for (const s of emu.sim.instanceStates(rec)) {
          statuses.add(s.status);
          if (s.errorCode) codes.add(s.errorCode);
        }
      }
      for (const s of ['Success', 'Failed', 'PartialFailed', 'Running', 'Scheduled', 'Timeout', 'Aborted', 'Invalid', 'Error']) expect(statuses).toContain(s);
      for (const c of ['ExitCodeNonzero', 'InstanceNotRunning', 'ExecutionTimeout']) expect(codes).toContain(c);
    } finally {
      await emu.stop();
    }
  });
});
