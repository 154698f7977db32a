// 5. Resident memory of the store: 100,000 invocations x 3 instances, no outputs; then plus 200
// outputs of 24 KB; then 2,000 more to show the output LRU holds its byte cap. Measured in a child
// (`node --expose-gc`, tsc's per-module build of src/) that fills the real store through the real client from an
// emulator in this process. Baseline: the same child with an empty store.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { NotReady, ROOT, fmtBytes, fmtRatio, type Benchmark, type Row } from './harness.js';
import { startBenchEmulator } from './fixtures.js';

const MB = 1024 * 1024;
const TARGET = 250 * MB;
const FULL = 100_000;

interface Mem {
  rss: number;
  heapUsed: number;
  external: number;
}
interface ChildReport {
  invocations: number;
  instances: number;
  loadMs: number;
  empty: Mem;
  loaded: Mem;
  withOutputs: Mem;
  manyOutputs: Mem;
  outputBytes: number;
  outputCount: number;
  outputBytesAfterMany: number;
  outputCountAfterMany: number;
  outputByteCap: number;
}

/** tsc's per-module output of src/, which the package does not ship: built here for the child. */
const MODULES = join(ROOT, 'node_modules', '.cache', 'catop-bench', 'modules');

function buildModules(): void {
  rmSync(MODULES, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', MODULES, '--sourceMap', 'false'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(join(MODULES, 'store', 'index.js'))) throw new NotReady(`tsc build failed: ${(r.stdout + r.stderr).trim().split('\n')[0]?.slice(0, 80) ?? r.status}`);
}

function runChild(config: object): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(ROOT, 'bench', 'memoryChild.mjs'), JSON.stringify(config)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildReport);
      else reject(new Error(`memory child exited ${code}: ${(err.trim().split('\n').pop() ?? '').slice(0, 120)}`));
    });
  });
}

export const memory: Benchmark = {
  id: '5',
  metric: 'RSS: 100k invocations x 3 instances (+200 outputs of 24 KB)',
  target: '<= 250 MB; outputs within the LRU cap',
  async run({ quick }): Promise<Row> {
    buildModules();
    const held = quick ? 2_000 : FULL;
    const emu = await startBenchEmulator({ invocations: held, instancesPerInvocation: 3 });
    let r: ChildReport;
    try {
      r = await runChild({
        modules: MODULES,
        endpoint: emu.endpoint,
        regionId: emu.regionId,
        accessKeyId: emu.accessKeyId,
        accessKeySecret: emu.accessKeySecret,
        outputs: 200,
        outputBytes: 24 * 1024,
        extraOutputs: quick ? 1_000 : 2_000,
      });
    } finally {
      await emu.stop();
    }
    // A quick run holds a fiftieth of the invocations: its RSS growth is mostly allocator noise, so
    // the estimate for 100,000 scales the store's heap instead (a full run measures RSS itself).
    const scale = FULL / Math.max(1, r.invocations);
    const loaded = scale > 1.01 ? r.empty.rss + (r.loaded.heapUsed - r.empty.heapUsed) * scale : r.loaded.rss;
    const withOutputs = loaded + (r.withOutputs.rss - r.loaded.rss);
    const bounded = r.outputBytesAfterMany <= r.outputByteCap;
    const perInvocation = (r.loaded.heapUsed - r.empty.heapUsed) / Math.max(1, r.invocations);
    const pass = loaded <= TARGET && withOutputs <= TARGET && bounded;
    const notes = [
      `${r.invocations} invocations / ${r.instances} instances loaded in ${(r.loadMs / 1000).toFixed(1)} s` +
        (scale > 1.01 ? ` (quick: estimated for 100,000 from the store's heap x${scale.toFixed(0)})` : ''),
      `heap ${fmtBytes(r.loaded.heapUsed)} with the store (${perInvocation.toFixed(0)} B per invocation and its instances)`,
      `outputs: ${r.outputCount} held = ${fmtBytes(r.outputBytes)} accounted; after ${quick ? "1,000" : "2,000"} more ` +
        `${r.outputCountAfterMany} held = ${fmtBytes(r.outputBytesAfterMany)} of a ${fmtBytes(r.outputByteCap)} cap, RSS ${fmtBytes(r.manyOutputs.rss)}`,
    ];
    if (!pass) {
      if (withOutputs > TARGET) notes.push(`${fmtBytes(withOutputs - TARGET)} over 250 MB`);
      if (!bounded) notes.push('the output LRU exceeded its cap');
    }
    return {
      id: this.id,
      metric: this.metric,
      ours: `${fmtBytes(loaded)} (+outputs ${fmtBytes(withOutputs)})`,
      baseline: `${fmtBytes(r.empty.rss)} (empty)`,
      ratio: fmtRatio(withOutputs / r.empty.rss),
      target: this.target,
      pass,
      note: notes.join('; '),
      values: {
        rssEmpty: r.empty.rss,
        rssLoaded: loaded,
        rssWithOutputs: withOutputs,
        rssManyOutputs: r.manyOutputs.rss,
        heapLoaded: r.loaded.heapUsed,
        heapPerInvocation: perInvocation,
        invocationsMeasured: r.invocations,
        instances: r.instances,
        outputBytes: r.outputBytes,
        outputBytesAfterMany: r.outputBytesAfterMany,
        outputByteCap: r.outputByteCap,
        scaled: scale > 1.01,
      },
    };
  },
};
