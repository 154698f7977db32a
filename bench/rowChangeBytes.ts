// 6. Bytes written to the terminal for one row's status change: 1,000 invocations on screen in
// steady state, one visible invocation goes from Running to Success (as the poller would write it
// to the store). Baseline: the same change with incremental rendering off (Ink redraws the frame).
import type { Invocation } from '../src/api/model.js';
import { fmtBytes, fmtRatio, median, type Benchmark, type Row } from './harness.js';
import { clientFor, pageAll, startBenchEmulator } from './fixtures.js';
import { THROTTLE_GAP_MS, mountApp, replicate } from './ui.js';

const TARGET_BYTES = 1024;

function running(inv: Invocation): Invocation {
  return {
    ...inv,
    invocationStatus: 'Running',
    invokeStatus: 'Running',
    instances: inv.instances.map((i) => ({
      ...i,
      invocationStatus: 'Running',
      instanceInvokeStatus: 'Running',
      exitCode: null,
      errorCode: undefined,
      errorInfo: undefined,
      finishTime: undefined,
    })),
  };
}

function succeeded(inv: Invocation, at: number): Invocation {
  return {
    ...inv,
    invocationStatus: 'Success',
    invokeStatus: 'Finished',
    instances: inv.instances.map((i) => ({
      ...i,
      invocationStatus: 'Success',
      instanceInvokeStatus: 'Finished',
      exitCode: 0,
      errorCode: undefined,
      errorInfo: undefined,
      finishTime: at,
      updateTime: at,
    })),
  };
}

export const rowChangeBytes: Benchmark = {
  id: '6',
  metric: "bytes written for one row's status change",
  target: '<= 1 KB; >= 5x fewer than full redraws',
  async run({ quick }): Promise<Row> {
    const changes = quick ? 3 : 10;
    const emu = await startBenchEmulator({ invocations: 1_000 });
    try {
      const client = await clientFor(emu);
      const real = replicate((await pageAll(client, { concurrency: 4 })).invocations, 1_000);
      const measure = async (incrementalRendering: boolean) => {
        // Rows 2.. on screen start Running; each change finishes one of them.
        const targets = real.slice(2, 2 + changes).map(running);
        const list = [...targets, ...real.slice(2 + changes)];
        const app = await mountApp({ invocations: [...real.slice(0, 2), ...list], api: client, incrementalRendering });
        const bytes: number[] = [];
        try {
          for (const inv of targets) {
            await app.tty.settle(THROTTLE_GAP_MS * 2);
            const before = app.tty.bytes;
            app.store.upsertInvocations([succeeded(inv, app.clock.now())], app.clock.now());
            await app.tty.settle(THROTTLE_GAP_MS * 2);
            bytes.push(app.tty.bytes - before);
          }
        } finally {
          await app.unmount();
        }
        return median(bytes);
      };
      const ours = await measure(true);
      const full = await measure(false);
      const ratio = full / ours;
      const pass = ours <= TARGET_BYTES && ratio >= 5;
      const notes = [`median of ${changes} changes, 120x40`];
      if (ours > TARGET_BYTES) notes.push(`${fmtBytes(ours - TARGET_BYTES)} over 1 KB`);
      if (ratio < 5) notes.push(`only ${ratio.toFixed(1)}x fewer than a full redraw`);
      return {
        id: this.id,
        metric: this.metric,
        ours: fmtBytes(ours),
        baseline: `${fmtBytes(full)} (full redraw)`,
        ratio: `${fmtRatio(ratio)} fewer`,
        target: this.target,
        pass,
        note: notes.join('; '),
        values: { bytes: ours, fullRedrawBytes: full, changes },
      };
    } finally {
      await emu.stop();
    }
  },
};
