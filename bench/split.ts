// split. The invocation screen's split at 160x45 (the list and the selected instance's output side
// by side): one run on 100 instances, opened from the list with the real store, poller and Ink
// tree against the emulator. `j` held over the 100 rows, one key per frame, the FakeClock moved on
// 40 ms a key (a held key repeats at its own rate, whatever the app's frame time): API calls from
// the first key until the cursor has rested on the last row, and keypress to frame p95. Then every output in the store (cached): bytes written per cursor move.
import { KEYS, fmtBytes, fmtMs, fmtRatio, importApp, max, median, percentile, waitFor, type Benchmark, type Row } from './harness.js';
import { clientFor, pageAll, startFleetRun } from './fixtures.js';
import { THROTTLE_GAP_MS, mountApp } from './ui.js';

const INSTANCES = 100;
const MAX_CALLS = 5;
const TARGET_MS = 50;
const MAX_MOVE_BYTES = 4_096;

/** 20 lines a host: most alike from host to host, the first and a few others its own. */
function outputOf(id: string, k: number): string {
  const lines = [`${id}: checking disks`];
  for (let n = 1; n < 20; n++) lines.push(n % 7 === 0 ? `${id} /dev/vdb${n} ${(k * 13 + n) % 100}% used` : `/dev/vda${n} mounted on /data${n} ok`);
  return lines.join('\n') + '\n';
}

interface Figures {
  calls: number;
  moves: number;
  p95: number;
  median: number;
  keys: number;
  perMove: number;
  maxMove: number;
}

async function measure(layout: 'auto' | 'off', quick: boolean): Promise<Figures> {
  const { REST_MS } = await importApp<typeof import('../src/ui/screens/split/useRestingDemand.js')>('src/ui/screens/split/useRestingDemand.js', 'REST_MS');
  const { clock, emu, invokeId } = await startFleetRun(INSTANCES, {
    name: 'df-check',
    commandContent: 'df -h',
    outcome: (id, k) => ({ failed: k % 9 === 4, output: outputOf(id, k) }),
  });
  try {
    const client = await clientFor(emu);
    const real = (await pageAll(client)).invocations;
    const app = await mountApp({ invocations: real, api: client, clock, startPoller: true, columns: 160, rows: 45, split: layout });
    try {
      app.tty.record();
      await app.press(KEYS.enter);
      await waitFor(() => app.tty.recorded.includes('EXIT'), 'the instance list on screen', 30_000);
      await app.poller.idle();
      await app.tty.settle(80);
      app.tty.record(false);

      // j held: a held key repeats at its own rate whatever the app does; one key a frame of Ink's
      // 30 a second on the app's clock, so only the rest at the end is a pause of 150 ms.
      const before = emu.requestCount();
      const latencies: number[] = [];
      const moves = quick ? 30 : INSTANCES - 1;
      for (let k = 0; k < moves; k++) {
        const ms = await app.press(KEYS.down);
        if (ms !== undefined) latencies.push(ms);
        clock.advance(THROTTLE_GAP_MS);
      }
      clock.advance(REST_MS);
      await app.poller.idle();
      const calls = emu.requestCount() - before;

      // Every output cached: one call by InvokeId with IncludeOutput, into the store.
      const page = await client.describeInvocations({ invokeId, includeOutput: true });
      for (const inst of page.invocations[0]?.instances ?? []) {
        app.store.setOutput({ invokeId, instanceId: inst.instanceId, text: inst.output ?? '', dropped: inst.dropped, fetchedAt: clock.now(), complete: true });
      }
      await app.tty.settle(80);
      const bytes: number[] = [];
      for (let k = 0; k < (quick ? 10 : 40); k++) {
        const at = app.tty.bytes;
        await app.press(k % 2 === 0 ? KEYS.up : KEYS.down);
        bytes.push(app.tty.bytes - at);
      }
      return { calls, moves, p95: percentile(latencies, 95), median: median(latencies), keys: latencies.length, perMove: median(bytes), maxMove: max(bytes) };
    } finally {
      await app.unmount();
    }
  } finally {
    await emu.stop();
  }
}

export const split: Benchmark = {
  id: 'split',
  metric: 'split: j held over 100 instances at 160x45',
  target: `<= ${MAX_CALLS} calls; p95 <= ${TARGET_MS} ms; <= 4 KB a move (cached)`,
  async run({ quick }): Promise<Row[]> {
    const on = await measure('auto', quick);
    const off = await measure('off', quick);
    const ratio = on.p95 / off.p95;
    return [
      {
        id: this.id,
        metric: 'split: API calls, j held over 100 instances',
        ours: String(on.calls),
        baseline: `${on.moves} (one a row)`,
        ratio: '',
        target: `<= ${MAX_CALLS}`,
        pass: on.calls <= MAX_CALLS,
        note: `${on.moves} moves ${THROTTLE_GAP_MS} ms apart on the app's clock, then the cursor rests the pause`,
        values: { calls: on.calls, moves: on.moves },
      },
      {
        id: this.id,
        metric: 'split: keypress to frame p95, 160x45',
        ours: fmtMs(on.p95),
        baseline: `${fmtMs(off.p95)} (no split)`,
        ratio: fmtRatio(ratio),
        target: `<= ${TARGET_MS} ms`,
        pass: on.p95 <= TARGET_MS,
        note: `median ${fmtMs(on.median)} (${fmtMs(off.median)} without the split), ${on.keys} keys timed`,
        values: { p95Ms: on.p95, medianMs: on.median, offP95Ms: off.p95, offMedianMs: off.median, keys: on.keys },
      },
      {
        id: this.id,
        metric: 'split: bytes per cursor move, output cached',
        ours: fmtBytes(on.perMove),
        baseline: `${fmtBytes(off.perMove)} (no split)`,
        ratio: '',
        target: '<= 4 KB',
        pass: on.perMove <= MAX_MOVE_BYTES && on.maxMove <= MAX_MOVE_BYTES,
        note: `median of the moves, max ${fmtBytes(on.maxMove)}`,
        values: { medianBytes: on.perMove, maxBytes: on.maxMove },
      },
    ];
  },
};
