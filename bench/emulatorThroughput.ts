// The emulator's own throughput: DescribeInvocations requests a second on loopback, PageSize 50,
// with 100,000 invocations held, through the real client, so we know the emulator is never what a
// benchmark measures. Reference: ECS allows about 1,000 calls a minute per account (16.7/s).
import { fmtMs, fmtRatio, now, percentile, type Benchmark, type Row } from './harness.js';
import { PAGE_SIZE, clientFor, startBenchEmulator } from './fixtures.js';

const ECS_RATE = 1000 / 60;
const HELD = 100_000;

export const emulatorThroughput: Benchmark = {
  id: 'emu',
  metric: 'emulator DescribeInvocations/s (100k held, PageSize 50)',
  target: `> ${ECS_RATE.toFixed(1)}/s (ECS ~1,000/min)`,
  async run({ quick }): Promise<Row> {
    const seconds = quick ? 2 : 5;
    const concurrency = 4;
    const emu = await startBenchEmulator({ invocations: HELD });
    try {
      const client = await clientFor(emu);
      const pages = Math.ceil(HELD / PAGE_SIZE);
      await client.describeInvocations({ pageNumber: 1, pageSize: PAGE_SIZE }); // warm-up
      const latencies: number[] = [];
      let n = 0;
      const end = now() + seconds * 1000;
      const worker = async () => {
        while (now() < end) {
          const pageNumber = 1 + ((n++ * 7919) % pages); // spread over the whole list
          const t0 = now();
          await client.describeInvocations({ pageNumber, pageSize: PAGE_SIZE });
          latencies.push(now() - t0);
        }
      };
      const t0 = now();
      const before = emu.requestCount();
      await Promise.all(Array.from({ length: concurrency }, worker));
      const elapsed = (now() - t0) / 1000;
      const rps = (emu.requestCount() - before) / elapsed;
      const p95 = percentile(latencies, 95);
      return {
        id: this.id,
        metric: this.metric,
        ours: `${rps.toFixed(1)}/s`,
        baseline: `${ECS_RATE.toFixed(1)}/s (ECS limit)`,
        ratio: fmtRatio(rps / ECS_RATE),
        target: this.target,
        pass: rps > ECS_RATE,
        note: `${concurrency} concurrent clients in the same process for ${seconds} s; p95 latency ${fmtMs(p95)}`,
        values: { requestsPerSecond: rps, p95LatencyMs: p95, concurrency, seconds, held: HELD },
      };
    } finally {
      await emu.stop();
    }
  },
};
