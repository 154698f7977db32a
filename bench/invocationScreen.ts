// inv. Keypress to frame, p95, on the invocation screen: one run on 5,000 instances (every 37th from the 4th
// fails) opened from the list with the real store, poller and Ink tree against the emulator, then
// `j` and PgDn in the rows view and, after `b` and once every output is fetched and grouped, in the
// groups view. Baselines: the same run on 10 instances, and the 5,000 with names off (`--no-names`:
// no NAME and IP columns). With names on, every instance's name is in the store first
// (DescribeInstances through the real client). The three are open at once and take turns key by
// key, so that the ratios compare frames drawn in the same seconds.
import { KEYS, fmtMs, fmtRatio, importApp, percentile, waitFor, type Benchmark, type Row } from './harness.js';
import { clientFor, pageAll, startFleetRun } from './fixtures.js';
import { keyDriver } from './keypress.js';
import { mountApp, type MountedApp } from './ui.js';

const BIG = 5_000;
const SMALL = 10;
const TARGET_MS = 50;
const RATIO = 1.5;

type View = 'rows' | 'groups';
type Figures = { p95: number; median: number; n: number };

async function fillNames(app: MountedApp, client: Awaited<ReturnType<typeof clientFor>>, ids: string[]): Promise<void> {
  const { withNames } = await importApp<typeof import('../src/store/names.js')>('src/store/names.js', 'withNames');
  let fleet = app.store.getState().fleet;
  for (let i = 0; i < ids.length; i += 100) {
    const asked = ids.slice(i, i + 100);
    const page = await client.describeInstances(asked);
    fleet = withNames(fleet, { asked, found: page.instances }, app.clock.now());
  }
  app.store.setFleet(fleet);
}

interface OpenRun {
  app: MountedApp;
  invokeId: string;
  close(): Promise<void>;
}

/** One run on `size` instances, opened from the list, its instance rows on screen. */
async function openRun(size: number, names: boolean): Promise<OpenRun> {
  const { clock, emu, ids } = await startFleetRun(size, {
    name: 'nginx-config-test',
    commandContent: 'nginx -t',
    outcome: (_, k) => (k % 37 === 3 ? { failed: true, output: 'error\n' } : { failed: false, output: 'ok\n' }),
  });
  let app: MountedApp | undefined;
  try {
    const client = await clientFor(emu);
    const real = (await pageAll(client)).invocations;
    // The list alone, as the drill-down draws it: the split has a row of its own (`split`), and
    // its output pane's demands would wait on the fake clock's budget inside `poller.idle()` below.
    const opened = (app = await mountApp({ invocations: real, api: client, clock, startPoller: true, names, split: 'off' }));
    if (names) await fillNames(opened, client, ids);
    opened.tty.record();
    await opened.press(KEYS.enter);
    await waitFor(() => /\bi-[0-9a-z]{10,}/.test(opened.tty.recorded), 'the instance list on screen', 30_000);
    await opened.tty.settle(80);
    opened.tty.record(false);
    return {
      app: opened,
      invokeId: real[0].invokeId,
      async close() {
        await opened.unmount();
        await emu.stop();
      },
    };
  } catch (e) {
    await app?.unmount();
    await emu.stop();
    throw e;
  }
}

/**
 * `b`, then every output fetched (a page of 50 a call) and grouped, so that no page's frame is
 * taken for a key's.
 */
async function showGroups({ app, invokeId }: OpenRun): Promise<void> {
  await app.press('b');
  for (let t = 0; !app.poller.groups.progress(invokeId)?.done; t++) {
    if (t > 2_000) throw new Error('the outputs never all arrived');
    app.clock.advance(1_000);
    await app.poller.idle();
  }
  await app.tty.settle(80);
}

/**
 * The runs take turns, key by key (each round led by the next run), so that whatever the machine
 * does meanwhile (another process, a slower half minute) falls on all of them alike.
 */
async function timeInTurns(runs: OpenRun[], keys: string[], warm: number): Promise<Figures[]> {
  const drivers = runs.map((r) => keyDriver(r.app));
  const latencies = runs.map((): number[] => []);
  const all = [...Array<string>(warm).fill(KEYS.down), ...keys];
  for (const [round, key] of all.entries()) {
    for (let turn = 0; turn < runs.length; turn++) {
      const k = (round + turn) % runs.length;
      const ms = await drivers[k].step(key);
      if (ms !== undefined && round >= warm) latencies[k].push(ms);
    }
  }
  return latencies.map((l) => ({ p95: percentile(l, 95), median: percentile(l, 50), n: l.length }));
}

export const invocationScreen: Benchmark = {
  id: 'inv',
  metric: 'invocation screen keypress to frame, p95 (5,000 instances)',
  target: `<= ${TARGET_MS} ms; <= ${RATIO}x the 10-instance run; names <= ${RATIO}x no names`,
  async run({ quick }): Promise<Row[]> {
    const keys = [...Array<string>(quick ? 20 : 150).fill(KEYS.down), ...Array<string>(quick ? 5 : 30).fill(KEYS.pageDown)];
    const warm = quick ? 3 : 10;
    const runs: OpenRun[] = [];
    const figures = {} as Record<View, Figures[]>;
    try {
      for (const [size, names] of [[BIG, true], [SMALL, true], [BIG, false]] as const) runs.push(await openRun(size, names));
      figures.rows = await timeInTurns(runs, keys, warm);
      for (const run of runs) await showGroups(run);
      figures.groups = await timeInTurns(runs, keys, warm);
    } finally {
      for (const run of runs) await run.close();
    }
    const rows: Row[] = [];
    for (const view of ['rows', 'groups'] as View[]) {
      const label = view === 'rows' ? 'rows view' : 'groups view (b)';
      const [b, s, n] = figures[view];
      const bySize = b.p95 / s.p95;
      const byNames = b.p95 / n.p95;
      const values = { p95Ms: b.p95, medianMs: b.median, smallP95Ms: s.p95, noNamesP95Ms: n.p95, keys: b.n };
      rows.push({
        id: this.id,
        metric: `invocation ${label}, 5,000 instances, names: p95`,
        ours: fmtMs(b.p95),
        baseline: `${fmtMs(s.p95)} (10)`,
        ratio: fmtRatio(bySize),
        target: `<= ${TARGET_MS} ms; <= ${RATIO}x`,
        pass: b.p95 <= TARGET_MS && bySize <= RATIO,
        note: `${label}: median ${fmtMs(b.median)} at 5,000, ${fmtMs(s.median)} at 10; ${b.n} keys timed`,
        values,
      });
      rows.push({
        id: this.id,
        metric: `invocation ${label}, 5,000: names vs --no-names`,
        ours: fmtMs(b.p95),
        baseline: `${fmtMs(n.p95)} (no names)`,
        ratio: fmtRatio(byNames),
        target: `<= ${RATIO}x`,
        pass: byNames <= RATIO,
        values,
      });
    }
    return rows;
  },
};
