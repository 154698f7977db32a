// 4. Render time per frame, from Ink's `onRender` (renderTime: Ink turning the laid-out tree into the
// frame's text), with 10, 1,000 and 100,000 invocations in the store; frames made by moving the
// cursor. Baseline: the same tree with windowing off at 1,000. The screens have no switch for
// that, so the terminal is made 1,010 rows tall: the list's window then holds all 1,000 rows, each
// drawn by the same Table row code. Sizes are measured in three rounds in rotated order.
import { KEYS, fmtMs, fmtRatio, median, percentile, type Benchmark, type Row } from './harness.js';
import { clientFor, pageAll, startBenchEmulator } from './fixtures.js';
import { mountApp, replicate } from './ui.js';

const TARGET_MS = 25;

export const renderTime: Benchmark = {
  id: '4',
  metric: 'render time per frame (onRender), 10/1k/100k',
  target: '<= 25 ms at every size; flat',
  async run({ quick }): Promise<Row> {
    const frames = quick ? 8 : 60;
    const emu = await startBenchEmulator({ invocations: 1_000 });
    try {
      const client = await clientFor(emu);
      const real = (await pageAll(client, { concurrency: 4 })).invocations;
      const framesOf = async (size: number, rows: number | undefined, count: number, warmUp = 3) => {
        const app = await mountApp({ invocations: replicate(real, size), api: client, rows });
        try {
          for (let i = 0; i < warmUp; i++) await app.press(KEYS.down); // warm-up
          app.renderTimes.length = 0;
          for (let i = 0; i < count; i++) await app.press(i % 10 < 5 ? KEYS.down : KEYS.up);
          return [...app.renderTimes];
        } finally {
          await app.unmount();
        }
      };
      const summary = (times: number[]) => ({ median: median(times), p95: percentile(times, 95), n: times.length });
      // Rounds in a rotated order, so JIT warm-up and GC timing favour no size.
      const sizes = [10, 1_000, 100_000];
      const rounds = quick ? 1 : 3;
      const times = new Map<number, number[]>(sizes.map((size) => [size, []]));
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < sizes.length; k++) {
          const size = sizes[(k + round) % sizes.length];
          times.get(size)!.push(...(await framesOf(size, undefined, Math.ceil(frames / rounds))));
        }
      }
      const figures = sizes.map((size) => ({ size, ...summary(times.get(size)!) }));
      const unwindowed = summary(await framesOf(1_000, 1_010, quick ? 2 : 10, 1));

      const worst = Math.max(...figures.map((f) => f.median));
      // Flat: 100,000 costs what 1,000 costs (both fill the screen; 10 rows draw less).
      const at1k = figures[1].median;
      const flatness = figures[2].median / at1k;
      const pass = figures.every((f) => f.median <= TARGET_MS) && flatness <= 1.5;
      const notes = [
        figures.map((f) => `${f.size}: median ${fmtMs(f.median)}, p95 ${fmtMs(f.p95)}`).join('; ') +
          `; unwindowed 1,000: median ${fmtMs(unwindowed.median)}; 100k/1k ${flatness.toFixed(2)}x (flat: <= 1.5x)`,
      ];
      if (worst > TARGET_MS) notes.push(`worst median ${fmtMs(worst - TARGET_MS)} over 25 ms`);
      return {
        id: this.id,
        metric: this.metric,
        ours: figures.map((f) => fmtMs(f.median)).join(' / '),
        baseline: `${fmtMs(unwindowed.median)} (1k unwindowed)`,
        ratio: `${fmtRatio(unwindowed.median / at1k)} slower`,
        target: this.target,
        pass,
        note: notes.join('; '),
        values: {
          median10: figures[0].median,
          median1k: figures[1].median,
          median100k: figures[2].median,
          p95_10: figures[0].p95,
          p95_1k: figures[1].p95,
          p95_100k: figures[2].p95,
          unwindowedMedian1k: unwindowed.median,
          flatness,
          framesPerSize: frames,
        },
      };
    } finally {
      await emu.stop();
    }
  },
};
