// `npm run bench [-- --quick] [-- --only 1,5,emu]`: runs every benchmark against the emulator on
// loopback, prints one table (ours, the baseline measured in the same run, ratio, target, pass/fail)
// and writes it to bench/results.json. A benchmark whose code is missing prints "n/a (reason)".
import { WANTED_NODE_ENV } from './env.js';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, notAvailable, NotReady, type Benchmark, type Row } from './harness.js';
import { apiCalls } from './apiCalls.js';
import { firstFrame } from './firstFrame.js';
import { keypress } from './keypress.js';
import { renderTime } from './renderTime.js';
import { memory } from './memory.js';
import { rowChangeBytes } from './rowChangeBytes.js';
import { idle } from './idle.js';
import { outputScreen } from './outputScreen.js';
import { emulatorThroughput } from './emulatorThroughput.js';
import { grouping } from './grouping.js';
import { groupCalls } from './groupCalls.js';
import { names } from './names.js';
import { invocationScreen } from './invocationScreen.js';
import { statusLine } from './statusLine.js';
import { regions } from './regions.js';
import { split } from './split.js';

const BENCHMARKS: Benchmark[] = [
  apiCalls,
  firstFrame,
  keypress,
  renderTime,
  memory,
  rowChangeBytes,
  idle,
  outputScreen,
  emulatorThroughput,
  grouping,
  groupCalls,
  names,
  invocationScreen,
  statusLine,
  regions,
  split,
];

interface Args {
  quick: boolean;
  only?: Set<string>;
  out: string;
}

const USAGE = 'usage: npm run bench -- [--quick] [--only ID[,ID...]] [--out FILE]   (IDs: 1..10, emu, groups, inv, line, regions, split)';

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, out: join(ROOT, 'bench', 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a === '--quick') args.quick = true;
    else if (a === '--only') args.only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (a.startsWith('--only=')) args.only = new Set(a.slice(7).split(',').filter(Boolean));
    else if (a === '--out') args.out = argv[++i] ?? args.out;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${a}\n${USAGE}\n`);
      process.exit(2);
    }
  }
  return args;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? '').slice(0, 100);
}

/** Plain-text table: fixed columns, the figures and the verdict on one line each. */
function table(rows: Row[]): string {
  const head = ['#', 'metric', 'ours', 'baseline', 'ratio', 'target', 'result'];
  const body = rows.map((r) => [
    r.id,
    r.metric,
    r.ours,
    r.baseline,
    r.ratio,
    r.target,
    r.pass === null ? 'n/a' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  [${r.id}] ${r.note}`);
  if (notes.length) out.push('', 'notes:', ...notes);
  return out.join('\n');
}

/** Run this script again under the wanted NODE_ENV (see env.ts); resolves with its exit code. */
function restartUnder(nodeEnv: string): Promise<number> {
  const viteNode = join(ROOT, 'node_modules', 'vite-node', 'vite-node.mjs');
  const child = spawn(process.execPath, [viteNode, join(ROOT, 'bench', 'run.ts'), '--', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: nodeEnv },
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (process.env.NODE_ENV !== WANTED_NODE_ENV) process.exit(await restartUnder(WANTED_NODE_ENV));
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const rows: Row[] = [];
  for (const b of BENCHMARKS) {
    if (args.only && !args.only.has(b.id)) continue;
    const t0 = Date.now();
    process.stderr.write(`bench: ${b.id} ${b.metric} ...`);
    let result: Row[];
    try {
      const r = await b.run({ quick: args.quick });
      result = Array.isArray(r) ? r : [r];
    } catch (e) {
      result = [notAvailable(b, e instanceof NotReady ? e.message : `error: ${firstLine(e)}`)];
      if (!(e instanceof NotReady) && process.env.BENCH_DEBUG) console.error(e);
    }
    process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    rows.push(...result);
  }
  const text = table(rows);
  process.stdout.write(`\n${text}\n`);
  const passed = rows.filter((r) => r.pass === true).length;
  const failed = rows.filter((r) => r.pass === false).length;
  const na = rows.filter((r) => r.pass === null).length;
  process.stdout.write(
    `\n${passed} pass, ${failed} fail, ${na} n/a; ${args.quick ? 'quick' : 'full'} run in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s on ${cpus().length} cores, node ${process.version}, ` +
      `load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end\n`,
  );
  const json = {
    date: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    node: process.version,
    nodeEnv: process.env.NODE_ENV,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    terminal: '120x40',
    seconds: (Date.now() - started) / 1000,
    loadAverage: { start: loadBefore, end: loadavg()[0] },
    rows,
  };
  writeFileSync(args.out, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`results written to ${args.out}\n`);
  // Leftover sockets or timers of a benchmark must not keep the run alive.
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${firstLine(e)}\n`);
  process.exit(1);
});
