// Grouping one run on 5,000 instances by output: 24 KB outputs in 5 variants, every output
// different by noise (timestamps, hostnames, IPs, durations, request ids). The statuses are
// grouped first (no output), then outputs arrive a page of 50 at a time, as the scheduler fetches
// them; the grouper's own time is measured, not the making of the outputs. RSS growth is measured
// in fresh processes (bench/groupingChild.mjs), after a GC: the same outputs made and grouped,
// against made and not grouped, since making 120 MB of outputs grows V8's heap by itself. The grouper is
// measured as esbuild bundles it for the CLI: vite-node's module transform turns each call
// across modules into a getter call (4x for a hand-written masking scanner tried once).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { build } from 'esbuild';
import { ROOT, fmtBytes, fmtMs, importApp, max, median, now, percentile, type Benchmark, type Row } from './harness.js';
import type * as GroupModule from '../src/group/index.js';
import type * as FleetModule from '../test/group/fleet.js';
import type * as RunModule from './groupingRun.js';
import { OUTPUT_BYTES, PAGE, type GroupingRun } from './groupingRun.js';

const MB = 1024 * 1024;

interface Bundle {
  group: typeof GroupModule;
  fleet: typeof FleetModule;
  run: typeof RunModule;
  /** The bundle's file, for the memory processes (undefined with BENCH_BUNDLE=0). */
  file?: string;
  dispose(): void;
}

/** src/group and the test fleet bundled as the CLI's build bundles them (BENCH_BUNDLE=0: as vite-node runs them). */
async function bundled(): Promise<Bundle> {
  if (process.env.BENCH_BUNDLE === '0') {
    const group = await importApp<typeof GroupModule>('src/group/index.js', 'createGrouper');
    const fleet = await importApp<typeof FleetModule>('test/group/fleet.js', 'fleetInstance', 'memberOf', 'outputOf', 'variantOf');
    const run = await importApp<typeof RunModule>('bench/groupingRun.js', 'timeGrouping');
    return { group, fleet, run, dispose() {} };
  }
  await importApp('src/group/index.js', 'createGrouper');
  const dir = mkdtempSync(join(tmpdir(), 'catop-bench-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const file = join(dir, 'group.mjs');
    await build({
      stdin: {
        contents: `export * as group from './src/group/index.js'; export * as fleet from './test/group/fleet.js'; export * as run from './bench/groupingRun.js';`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: file,
      logLevel: 'warning',
    });
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Omit<Bundle, 'file' | 'dispose'>;
    return { ...mod, file, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

interface Growth {
  rss: number;
  heap: number;
  groups: number;
}

/** A fresh process's last line of JSON: RSS and heap growth making `count` outputs, grouped or not, or the timed run. */
function child<T>(file: string, count: number, mode: 'group' | 'none' | 'time'): T {
  const out = execFileSync(process.execPath, ['--expose-gc', join(ROOT, 'bench', 'groupingChild.mjs'), file, String(count), mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export const grouping: Benchmark = {
  id: 'groups',
  metric: 'group 5,000 instances of 24 KB outputs (5 variants + noise)',
  target: 'whole <= 200 ms; a page of 50 <= 10 ms; RSS growth <= 64 MB; exactly 5 groups',
  async run({ quick }): Promise<Row[]> {
    const bundle = await bundled();
    try {
      return await measure(bundle, quick, this.id);
    } finally {
      bundle.dispose();
    }
  },
};

/**
 * Timed runs, each in a fresh process: the rows give the median run, since one run's whole is a
 * single sample and this machine's speed moves from minute to minute; the note gives them all.
 */
const RUNS = 3;

const wholeOf = (r: GroupingRun) => r.coarseMs + r.pageMs.reduce((a, b) => a + b, 0);

async function measure({ group, fleet, run, file }: Bundle, quick: boolean, id: string): Promise<Row[]> {
    const { createGrouper } = group;
    const count = quick ? 1_000 : 5_000;
    const gc = gcFunction();
    // Fresh processes: rows before this one leave a heap to collect, and the timed run grows it by its outputs.
    const runs = file ? Array.from({ length: RUNS }, () => child<GroupingRun>(file, count, 'time')) : [run.timeGrouping(group, fleet, count, gc)];
    const timed = [...runs].sort((a, b) => wholeOf(a) - wholeOf(b))[runs.length >> 1];
    const { coarseMs, pageMs, heapGrowth } = timed;
    const grouped = file ? child<Growth>(file, count, 'group') : undefined;
    const bare = file ? child<Growth>(file, count, 'none') : undefined;
    const rssGrowth = grouped ? grouped.rss : Number.NaN;
    const wholeMs = wholeOf(timed);
    const pageP50 = median(pageMs);
    const pageP95 = percentile(pageMs, 95);
    const memory = bare ? `; RSS +${fmtBytes(bare.rss)} making the same outputs without grouping them` : '';
    const where = file ? `${runs.length} fresh processes (whole ${runs.map((r) => fmtMs(wholeOf(r))).join(', ')}; the median run given)` : "the bench's process";
    const note = `${count} instances, ${pageMs.length} pages, timed in ${where}; statuses alone ${fmtMs(coarseMs)}; page max ${fmtMs(max(pageMs))}; ${timed.masked} outputs masked whole; ${timed.samples} samples kept (${fmtBytes(timed.sampleChars)}), heap after GC +${fmtBytes(heapGrowth)}${memory}`;
    const values = { count, coarseMs, wholeMs, pageP50, pageP95, rssGrowth, groupedRss: grouped?.rss ?? null, bareRss: bare?.rss ?? null, heapGrowth, groups: timed.groups, sampleChars: timed.sampleChars, masked: timed.masked };
    const row = (metric: string, ours: string, target: string, pass: boolean): Row => ({
      id,
      metric,
      ours,
      baseline: '-',
      ratio: '-',
      target,
      pass,
      note,
      values,
    });
    const rows = [
      row('grouping 5,000 x 24 KB, whole', fmtMs(wholeMs), '<= 200 ms', wholeMs <= 200),
      row('grouping: one page of 50 outputs (p50, p95)', `${fmtMs(pageP50)}, ${fmtMs(pageP95)}`, '<= 10 ms', pageP95 <= 10),
      row('grouping: RSS growth (a fresh process, after GC)', Number.isNaN(rssGrowth) ? 'n/a' : fmtBytes(rssGrowth), '<= 64 MB', rssGrowth <= 64 * MB),
      row('grouping: groups found', String(timed.groups), 'exactly 5', runs.every((r) => r.groups === 5)),
    ];
    // The case `clush -b` handles: outputs byte-identical within a variant (hashed, masked once).
    const firstOf = new Map<string, number>();
    for (let n = 0; n < 1000; n++) if (!firstOf.has(fleet.variantOf(n))) firstOf.set(fleet.variantOf(n), n);
    const same = createGrouper('masked');
    const outputs = new Map([...firstOf].map(([v, n]) => [v, fleet.outputOf(n, OUTPUT_BYTES)]));
    const members = Array.from({ length: count }, (_, n) => fleet.memberOf(n));
    let identicalMs = 0;
    for (let first = 0; first < count; first += PAGE) {
      const t0 = now();
      for (let n = first; n < Math.min(count, first + PAGE); n++) same.update(members[n], outputs.get(fleet.variantOf(n)));
      same.groups();
      identicalMs += now() - t0;
    }
    rows.push(
      row(
        'grouping 5,000 x 24 KB byte-identical per variant, whole',
        `${fmtMs(identicalMs)} (${same.outputsMasked} masked)`,
        '<= 200 ms',
        identicalMs <= 200 && same.groups().length === 5,
      ),
    );
    // The note belongs to the rows once.
    for (const r of rows.slice(1)) delete r.note;
    return rows;
}
