// A shortened soak for `npm test`: one simulated hour with faults on, ticking every 10 s (each tick
// is real HTTP to the emulator, so simulated time costs real time per tick). The full simulated day
// at the default 2 s interval (about an hour of real time on two cores):
//   CATOP_SOAK_HOURS=24 CATOP_SOAK_INTERVAL_MS=2000 npx vitest run test/poller/soak.test.ts
import { describe, expect, it } from 'vitest';
import { runSoak } from './soak.js';

const HOURS = Number(process.env.CATOP_SOAK_HOURS ?? 1);
const INTERVAL_MS = Number(process.env.CATOP_SOAK_INTERVAL_MS ?? 10_000);
// Just above the history window, so a stream of arrivals makes the store evict during the run.
const MAX_INVOCATIONS = 560;
const OUTPUT_CAP = 96 * 1024;

describe('soak', () => {
  it(
    `${HOURS} simulated hour(s) with faults, arrivals and growing outputs: bounded memory, nothing missing`,
    async () => {
      const report = await runSoak({
        durationMs: HOURS * 3_600_000,
        maxInvocations: MAX_INVOCATIONS,
        outputByteCap: OUTPUT_CAP,
        history: 500,
        intervalMs: INTERVAL_MS,
      });
      if (process.env.CATOP_SOAK_HOURS) console.log(JSON.stringify({ ...report, missing: report.missing.length, mismatched: report.mismatched.length }));
      // The run did what it says: faults happened and were retried, outputs grew, the user acted.
      expect(report.failedCalls).toBeGreaterThan(0);
      expect(report.phasesSeen).toEqual(expect.arrayContaining(['ok', 'retrying']));
      expect(report.phasesSeen).not.toContain('failed');
      expect(report.arrivals).toBeGreaterThan(HOURS * 60);
      expect(report.outputGrowths).toBeGreaterThan(0);
      expect(report.focusChanges).toBeGreaterThan(0);
      expect(report.stops).toBeGreaterThan(0);
      // Bounds.
      expect(report.maxInvocationsSeen).toBe(MAX_INVOCATIONS);
      expect(report.storeSize).toBeLessThanOrEqual(MAX_INVOCATIONS);
      expect(report.maxOutputBytesSeen).toBeLessThanOrEqual(OUTPUT_CAP);
      expect(report.distinctOutputs).toBeGreaterThan(report.maxOutputEntriesSeen);
      expect(report.maxTransitionsSeen).toBeLessThanOrEqual(500);
      // Nothing the emulator holds in the history window is missing or stale.
      expect(report.missing).toEqual([]);
      expect(report.mismatched).toEqual([]);
    },
    Math.max(120_000, ((HOURS * 3_600_000) / INTERVAL_MS) * 1_000),
  );
});
