// 3. Keypress to updated frame, p95: 200 `j` and 50 PgDn on the invocations list with 100,000
// invocations in the store; baseline the same presses with 100. Time from the key reaching Ink's
// stdin to the frame's write on the fake TTY. At the end of a short list a key changes nothing,
// so the direction flips (`k`, PgUp) and every timed key moves the cursor.
import { KEYS, fmtMs, fmtRatio, max, percentile, type Benchmark, type Row } from './harness.js';
import { clientFor, pageAll, startBenchEmulator } from './fixtures.js';
import { mountApp, replicate, type MountedApp } from './ui.js';

const OPPOSITE: Record<string, string> = { [KEYS.down]: KEYS.up, [KEYS.pageDown]: KEYS.pageUp };

/**
 * A key at a time, timed to its frame; at a list's end the direction flips (`k`, PgUp) so every
 * timed key moves. One per app, so that runs can take turns key by key.
 */
export function keyDriver(app: MountedApp): { step(key: string): Promise<number | undefined>; flips(): number } {
  let forward = true;
  let flips = 0;
  return {
    async step(key) {
      let ms = await app.press(forward ? key : OPPOSITE[key]);
      if (ms === undefined) {
        forward = !forward;
        flips++;
        ms = await app.press(forward ? key : OPPOSITE[key]);
      }
      return ms;
    },
    flips: () => flips,
  };
}

/** Each key timed to its frame (see keyDriver). */
export async function drive(app: MountedApp, keys: string[]): Promise<{ latencies: number[]; flips: number }> {
  const driver = keyDriver(app);
  const latencies: number[] = [];
  for (const key of keys) {
    const ms = await driver.step(key);
    if (ms !== undefined) latencies.push(ms);
  }
  return { latencies, flips: driver.flips() };
}

export const keypress: Benchmark = {
  id: '3',
  metric: 'keypress to frame, p95 (100k in store)',
  target: '<= 50 ms; <= 1.5x the 100-row run',
  async run({ quick }): Promise<Row> {
    const downs = quick ? 20 : 200;
    const pages = quick ? 5 : 50;
    const keys = [...Array<string>(downs).fill(KEYS.down), ...Array<string>(pages).fill(KEYS.pageDown)];
    const emu = await startBenchEmulator({ invocations: 1_000 });
    try {
      const client = await clientFor(emu);
      const real = (await pageAll(client, { concurrency: 4 })).invocations;
      const result: Record<number, { p95: number; median: number; max: number; flips: number; n: number }> = {};
      for (const size of [100_000, 100]) {
        const app = await mountApp({ invocations: replicate(real, size), api: client });
        try {
          await drive(app, Array<string>(quick ? 3 : 10).fill(KEYS.down)); // warm-up, not counted
          const { latencies, flips } = await drive(app, keys);
          result[size] = {
            p95: percentile(latencies, 95),
            median: percentile(latencies, 50),
            max: max(latencies),
            flips,
            n: latencies.length,
          };
        } finally {
          await app.unmount();
        }
      }
      const big = result[100_000];
      const small = result[100];
      const ratio = big.p95 / small.p95;
      const pass = big.p95 <= 50 && ratio <= 1.5;
      const notes = [
        `median ${fmtMs(big.median)} / max ${fmtMs(big.max)} at 100k; median ${fmtMs(small.median)} at 100; ` +
          `${big.n} and ${small.n} keys timed, one per frame plus Ink's 34 ms throttle window`,
      ];
      if (big.p95 > 50) notes.push(`p95 ${fmtMs(big.p95 - 50)} over 50 ms`);
      if (ratio > 1.5) notes.push(`${ratio.toFixed(2)}x the 100-row run (limit 1.5x)`);
      return {
        id: this.id,
        metric: this.metric,
        ours: fmtMs(big.p95),
        baseline: `${fmtMs(small.p95)} (100)`,
        ratio: fmtRatio(ratio),
        target: this.target,
        pass,
        note: notes.join('; '),
        values: {
          p95Ms: big.p95,
          medianMs: big.median,
          maxMs: big.max,
          baselineP95Ms: small.p95,
          baselineMedianMs: small.median,
          keys: keys.length,
        },
      };
    } finally {
      await emu.stop();
    }
  },
};
