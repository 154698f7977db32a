// Generated output: the log tail is byte-for-byte what the first version printed (demo and tests
// depend on it by seed), and Dropped in a listing equals Dropped with the output itself, while a
// catalog run is running and once it is final.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { OUTPUT_LIMIT_BYTES, logTail, startEmulator } from '../../src/emulator/index.js';
import { call, invocations } from './helpers.js';

/** The first logTail, a Date per line: the reference the faster one must match. */
function referenceLogTail(bytes: number, seed: number, from = Date.UTC(2026, 10, 27, 0, 0, 0)): string {
  const levels = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
  const msgs = [
    'GET /api/v1/orders 200 12ms',
    'POST /api/v1/checkout 201 87ms',
    'cache miss key=user:%d, loading from db',
    'connection pool size=%d idle=3',
    'slow query took %dms: SELECT * FROM orders WHERE status = ?',
    'retrying upstream call attempt=%d',
    'worker %d heartbeat ok',
    'GET /healthz 200 1ms',
  ];
  const lines: string[] = [];
  let size = 0;
  let s = seed >>> 0;
  let t = from;
  for (let i = 0; size < bytes; i++) {
    s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + i) >>> 0;
    t += (s % 900) + 100;
    const level = levels[s % levels.length];
    const msg = msgs[(s >>> 8) % msgs.length].replace('%d', String((s >>> 4) % 1000));
    lines.push(`${new Date(t).toISOString()} ${level.padEnd(5)} [app-${(s >>> 3) % 8}] ${msg}`);
    size += lines[lines.length - 1].length + 1;
  }
  return lines.join('\n') + '\n';
}

describe('logTail', () => {
  it('prints what the Date-per-line version printed, for any seed and size', () => {
    for (const seed of [0, 1, 5, 0xdeadbeef, 2 ** 32 - 1, 123_456_789]) {
      for (const bytes of [0, 1, 100, 40_000, 100_000]) expect(logTail(bytes, seed), `seed ${seed}, ${bytes} bytes`).toBe(referenceLogTail(bytes, seed));
    }
  });

  it('time stamps roll over hours, days, months and years the same way', () => {
    for (const from of [Date.UTC(2026, 10, 27, 23, 59, 0), Date.UTC(2026, 11, 31, 23, 58, 30, 999), Date.UTC(2024, 1, 28, 23, 59, 0), Date.UTC(2026, 5, 1, 10, 59, 50)]) {
      expect(logTail(60_000, 9, from)).toBe(referenceLogTail(60_000, 9, from));
    }
  });
});

describe('Dropped without IncludeOutput', () => {
  it('equals Dropped with the output, for catalog runs while they run and once final', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 28, 12, 0, 0));
    const emu = await startEmulator({ port: 0, seed: 11, fleet: 6, clock });
    try {
      const ids = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId).slice(0, 3);
      const id = emu.sim.runCommand({ catalog: 'tail-app-log', commandContent: 'tail -n 2000 app.log', instanceIds: ids, pendingMs: 0, durationMs: 10_000 });
      let sawCut = 0;
      for (const step of [1_000, 4_000, 3_000, 3_000, 5_000]) {
        clock.advance(step);
        // Twice: the second listing answers from what the first one worked out.
        for (let round = 0; round < 2; round++) {
          const listed = invocations(await call(emu, 'DescribeInvocations', { InvokeId: id }))[0];
          for (const inst of listed.InvokeInstances.InvokeInstance) {
            const body = await call(emu, 'DescribeInvocations', { InvokeId: id, InstanceId: inst.InstanceId, IncludeOutput: 'true' });
            const withOutput = invocations(body)[0].InvokeInstances.InvokeInstance.find((i: { InstanceId: string }) => i.InstanceId === inst.InstanceId);
            expect(inst.Dropped, `${inst.InstanceId} at +${step}`).toBe(withOutput.Dropped);
            if (inst.Dropped > 0) {
              sawCut++;
              expect(Buffer.from(withOutput.Output, 'base64').length).toBeLessThanOrEqual(OUTPUT_LIMIT_BYTES);
            }
          }
        }
      }
      expect(sawCut).toBeGreaterThan(0);
    } finally {
      await emu.stop();
    }
  });
});
