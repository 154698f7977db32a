// 2. Time from process start to the first frame that shows data: `catop --demo` in a fresh process in
// a pseudo-terminal, until an InvokeId appears after the switch to the alternate screen.
// Baseline: `node -e ''` in the same pseudo-terminal, start to exit (what Node itself costs).
// Also recorded: when the alternate screen appears (the UI is loaded and mounted), which tells a
// slow UI load (late screen) from a slow first poll or render (late data after it).
import { existsSync } from 'node:fs';
import { NotReady, ensureBuilt, fmtMs, fmtRatio, median, type Benchmark, type Row } from './harness.js';
import { ALT_SCREEN_ON, CLI, INVOKE_ID, spawnPty } from './pty.js';

const TARGET_MS = 1_000;

function showsData(out: string): boolean {
  const alt = out.indexOf(ALT_SCREEN_ON);
  return alt >= 0 && INVOKE_ID.test(out.slice(alt));
}

export const firstFrame: Benchmark = {
  id: '2',
  metric: 'start to first frame with data (median)',
  target: '<= 1.0 s median',
  async run({ quick }): Promise<Row> {
    const built = ensureBuilt();
    if (!built.ok) throw new NotReady(built.reason ?? 'no build');
    if (!existsSync(CLI)) throw new NotReady('dist/cli.js missing');
    const runs = quick ? 3 : 10;

    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      const p = spawnPty(['-e', '']);
      const { at } = await p.exited;
      baseline.push(at - p.startedAt);
    }

    const ours: number[] = [];
    const screens: number[] = [];
    for (let i = 0; i < runs; i++) {
      const p = spawnPty([CLI, '--demo']);
      try {
        const screen = p.until((out) => out.includes(ALT_SCREEN_ON), 15_000, 'alternate screen');
        screen.catch(() => undefined); // reported through the data wait below
        const at = await p.until(showsData, 15_000, 'frame with an InvokeId');
        screens.push((await screen) - p.startedAt);
        ours.push(at - p.startedAt);
      } finally {
        await p.kill();
      }
    }

    const m = median(ours);
    const b = median(baseline);
    const ui = median(screens);
    return {
      id: this.id,
      metric: this.metric,
      ours: fmtMs(m),
      baseline: fmtMs(b),
      ratio: fmtRatio(m / b),
      target: this.target,
      pass: m <= TARGET_MS,
      note:
        m <= TARGET_MS
          ? undefined
          : `median ${fmtMs(m)} is ${fmtMs(m - TARGET_MS)} over the target (node itself: ${fmtMs(b)}; the screen is up at ${fmtMs(ui)}, data ${fmtMs(m - ui)} later)`,
      values: {
        medianMs: m,
        baselineMedianMs: b,
        screenMedianMs: ui,
        runs,
        samplesMs: ours.map((x) => Math.round(x)).join(' '),
        screenSamplesMs: screens.map((x) => Math.round(x)).join(' '),
      },
    };
  },
};
