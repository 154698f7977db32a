// line. `catop --demo --once --format TEMPLATE` (a tmux status bar runs it every few seconds):
// wall time from spawn to exit, median of 10 fresh processes. Baseline: `node -e ''` (Node itself).
// The calls are counted at an emulator like the demo's (the demo's own is inside the child): the
// same command against it by --endpoint, every HTTP request it received.
import { execFile, spawnSync } from 'node:child_process';
import { NotReady, childEnv, ensureBuilt, fmtMs, fmtRatio, importApp, median, now, type Benchmark, type Row } from './harness.js';
import { CLI } from './pty.js';

const TARGET_MS = 500;
const MAX_CALLS = 2;
const TEMPLATE = '▶{running} ✗{failed} {latest.name}';

function timed(args: string[], env: Record<string, string>): { ms: number; status: number | null; stdout: string } {
  const t0 = now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ms: now() - t0, status: r.status, stdout: r.stdout };
}

export const statusLine: Benchmark = {
  id: 'line',
  metric: '--demo --once --format: wall time (median of 10), calls',
  target: '<= 0.5 s median; <= 2 calls',
  async run({ quick }): Promise<Row> {
    const built = ensureBuilt();
    if (!built.ok) throw new NotReady(built.reason ?? 'no build');
    const runs = quick ? 3 : 10;
    const env = childEnv();
    const baseline: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push(timed(['-e', ''], env).ms);
      const r = timed([CLI, '--demo', '--once', '--format', TEMPLATE], env);
      if (r.status !== 0) throw new Error(`catop exited ${r.status}: ${r.stdout.trim().slice(0, 80)}`);
      ours.push(r.ms);
    }

    const { startEmulator } = await importApp<typeof import('../src/emulator/index.js')>('src/emulator/index.js', 'startEmulator');
    const emu = await startEmulator({ port: 0, preset: 'demo', arrivals: false });
    let calls: number;
    try {
      const before = emu.requestCount();
      const args = [CLI, '--endpoint', emu.endpoint, '--region', emu.regionId, '--once', '--format', TEMPLATE];
      const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret };
      // Asynchronous: the emulator in this process answers while the child runs.
      await new Promise<void>((resolve, reject) => {
        execFile(process.execPath, args, { env: { ...env, ...keys } }, (err) => (err ? reject(err) : resolve()));
      });
      calls = emu.requestCount() - before;
    } finally {
      await emu.stop();
    }

    const m = median(ours);
    const b = median(baseline);
    const pass = m <= TARGET_MS && calls <= MAX_CALLS;
    return {
      id: this.id,
      metric: this.metric,
      ours: `${fmtMs(m)}, ${calls} calls`,
      baseline: fmtMs(b),
      ratio: fmtRatio(m / b),
      target: this.target,
      pass,
      note: pass ? undefined : `median ${fmtMs(m)} (target ${fmtMs(TARGET_MS)}), ${calls} calls (target ${MAX_CALLS}); node itself ${fmtMs(b)}`,
      values: { medianMs: m, baselineMedianMs: b, calls, runs, samplesMs: ours.map((x) => Math.round(x)).join(' ') },
    };
  },
};
