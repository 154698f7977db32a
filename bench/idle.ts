// 7. Bytes written a second and 8. CPU while nothing changes: the built CLI in a 120x40
// pseudo-terminal, default interval, against an emulator in this process holding a static fleet
// (1,000 invocations, every one final; the emulator's clock stands still, so nothing ever changes).
// After the first frame with data and a settling period (history loads in the background), the
// child's terminal output and its CPU time (/proc/PID/stat) are counted for 60 s (quick: 10 s).
import { existsSync } from 'node:fs';
import { NotReady, ensureBuilt, fmtBytes, importApp, processCpuSeconds, sleep, type Benchmark, type Row } from './harness.js';
import { startBenchEmulator } from './fixtures.js';
import { ALT_SCREEN_ON, CLI, INVOKE_ID, spawnPty } from './pty.js';

const BYTES_TARGET = 100;
const CPU_TARGET = 0.02;

export const idle: Benchmark = {
  id: '7',
  metric: 'bytes/s to the terminal while nothing changes',
  target: '<= 100 B/s',
  async run({ quick }): Promise<Row[]> {
    const built = ensureBuilt();
    if (!built.ok) throw new NotReady(built.reason ?? 'no build');
    if (!existsSync(CLI)) throw new NotReady('dist/cli.js missing');
    const seconds = quick ? 10 : 60;
    const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');
    // Seed an hour in the past, then move to now: every seeded run has finished; then time stands still.
    const clock = new FakeClock(Date.now() - 3_600_000);
    const emu = await startBenchEmulator({ invocations: 1_000, clock, spanMs: 86_400_000 });
    clock.advance(3_600_000);
    const active = emu.sim.activeCount();
    const p = spawnPty([CLI, '--endpoint', emu.endpoint, '--region', emu.regionId], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
    });
    try {
      await p.until(
        (out) => {
          const alt = out.indexOf(ALT_SCREEN_ON);
          return alt >= 0 && INVOKE_ID.test(out.slice(alt));
        },
        30_000,
        'frame with an InvokeId',
      );
      await sleep(quick ? 2_000 : 5_000); // the background history pages land
      const bytes0 = p.bytes();
      const cpu0 = processCpuSeconds(p.pty.pid);
      const calls0 = emu.requestCount();
      const t0 = Date.now();
      await sleep(seconds * 1000);
      const elapsed = (Date.now() - t0) / 1000;
      const bytesPerSecond = (p.bytes() - bytes0) / elapsed;
      const cpu1 = processCpuSeconds(p.pty.pid);
      const calls = emu.requestCount() - calls0;
      const share = cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / elapsed;
      const common = `${seconds} s, ${active} active in the fleet, ${calls} API calls in the window`;
      const bytesRow: Row = {
        id: '7',
        metric: this.metric,
        ours: `${bytesPerSecond.toFixed(1)} B/s`,
        baseline: '-',
        ratio: '-',
        target: this.target,
        pass: bytesPerSecond <= BYTES_TARGET,
        note:
          `${common}; ${fmtBytes(p.bytes() - bytes0)} written` +
          (bytesPerSecond > BYTES_TARGET ? `; ${(bytesPerSecond - BYTES_TARGET).toFixed(0)} B/s over the target` : ''),
        values: { bytesPerSecond, seconds: elapsed, apiCalls: calls },
      };
      const cpuRow: Row =
        share === undefined
          ? { id: '8', metric: 'CPU while nothing changes', ours: 'n/a (no /proc)', baseline: '-', ratio: '-', target: '<= 2% of one core', pass: null }
          : {
              id: '8',
              metric: 'CPU while nothing changes',
              ours: `${(share * 100).toFixed(2)}%`,
              baseline: '-',
              ratio: '-',
              target: '<= 2% of one core',
              pass: share <= CPU_TARGET,
              note:
                `user+system time of the CLI process, ${common}` +
                (share > CPU_TARGET ? `; ${((share - CPU_TARGET) * 100).toFixed(2)} points over` : ''),
              values: { cpuShare: share, seconds: elapsed },
            };
      return [bytesRow, cpuRow];
    } finally {
      await p.kill();
      await emu.stop();
    }
  },
};
