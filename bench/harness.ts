// Shared pieces of the benchmarks: a fake terminal for Ink, a fake keyboard, statistics, timing,
// the result row every benchmark returns, and the checks that a piece of the app is there to measure.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const COLUMNS = 120;
export const ROWS = 40;

/** One line of the results table. `pass: null` means the row could not be measured (n/a). */
export interface Row {
  id: string;
  metric: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | null;
  /** Why a row failed or could not run, and what the figures were measured on. */
  note?: string;
  /** Raw figures for bench/results.json. */
  values?: Record<string, number | string | boolean | null>;
}

export interface BenchOptions {
  quick: boolean;
}

export interface Benchmark {
  id: string;
  metric: string;
  target: string;
  run(opts: BenchOptions): Promise<Row | Row[]>;
}

/** A row that could not be measured: printed as "n/a (reason)" instead of crashing the run. */
export function notAvailable(b: Pick<Benchmark, 'id' | 'metric' | 'target'>, reason: string): Row {
  return { id: b.id, metric: b.metric, ours: `n/a (${reason})`, baseline: '-', ratio: '-', target: b.target, pass: null };
}

/** Thrown when a module under test has not landed (or does not export what we measure). */
export class NotReady extends Error {}

/** Import a module of the app by path from the repo root; NotReady when it is missing. */
export async function importApp<T = Record<string, unknown>>(rel: string, ...names: string[]): Promise<T> {
  const abs = join(ROOT, rel);
  const candidates = [abs, abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx')];
  if (!candidates.some((p) => existsSync(p))) throw new NotReady(`${rel} not there yet`);
  const mod = (await import(/* @vite-ignore */ abs.replace(/\.js$/, ''))) as Record<string, unknown>;
  for (const name of names) {
    if (!(name in mod)) throw new NotReady(`${rel} has no export ${name}`);
  }
  return mod as T;
}

// ---------------------------------------------------------------- statistics and timing

export function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

export function max(xs: readonly number[]): number {
  return xs.reduce((a, b) => Math.max(a, b), -Infinity);
}

export const now = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolve when `cond()` holds, polling every `everyMs`; reject after `timeoutMs`. */
export async function waitFor(cond: () => boolean, what: string, timeoutMs = 30_000, everyMs = 2): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

export function fmtBytes(b: number): string {
  if (b >= 1024 * 1024) return `${(b / 1024 / 1024).toFixed(1)} MB`;
  if (b >= 1024) return `${(b / 1024).toFixed(1)} KB`;
  return `${Math.round(b)} B`;
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '-';
  return r >= 100 ? `${Math.round(r)}x` : `${r.toFixed(2)}x`;
}

// ---------------------------------------------------------------- fake terminal

interface WriteWaiter {
  resolve(at: number): void;
  timer: NodeJS.Timeout;
}

/**
 * A terminal stand-in for Ink: a Writable of a fixed size that says it is a TTY, counts what is
 * written and timestamps it. Writes are accounted synchronously (Ink writes a frame in one go),
 * so the time of a write is the time the frame reached the terminal.
 */
export class FakeTty extends Writable {
  columns = COLUMNS;
  rows = ROWS;
  isTTY = true as const;
  bytes = 0;
  writes = 0;
  lastWriteAt = 0;
  /** The text written since `record()` was last called (for checks, not for counting). */
  recorded = '';
  private recording = false;
  private waiters: WriteWaiter[] = [];

  constructor(size?: { columns?: number; rows?: number }) {
    super();
    if (size?.columns) this.columns = size.columns;
    if (size?.rows) this.rows = size.rows;
  }

  override write(chunk: unknown, encOrCb?: unknown, cb?: unknown): boolean {
    const at = performance.now();
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    this.bytes += Buffer.byteLength(text);
    this.writes++;
    this.lastWriteAt = at;
    if (this.recording) this.recorded += text;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve(at);
    }
    const done = typeof encOrCb === 'function' ? encOrCb : cb;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }

  override _write(_chunk: unknown, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    cb();
  }

  record(on = true): void {
    this.recording = on;
    this.recorded = '';
  }

  /** The time of the next write (resolved once the synchronous frame is complete). */
  nextWrite(timeoutMs = 5_000): Promise<number> {
    return new Promise((resolvePromise, reject) => {
      const waiter: WriteWaiter = {
        resolve: (at) => queueMicrotask(() => resolvePromise(at)),
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`no frame within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolve once nothing has been written for `quietMs` (Ink throttles frames to ~33 ms). */
  async settle(quietMs = 120, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = this.lastWriteAt;
      await sleep(quietMs);
      if (this.lastWriteAt === last) return;
      if (Date.now() > deadline) throw new Error('terminal never went quiet');
    }
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A keyboard stand-in for Ink's `useInput`: raw-mode capable, and `press()` queues key strings. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  isRaw = false;
  private queue: string[] = [];

  press(keys: string): void {
    this.queue.push(keys);
    this.emit('readable');
    this.emit('data', keys);
  }

  read(): string | null {
    return this.queue.shift() ?? null;
  }

  setRawMode(on: boolean): this {
    this.isRaw = on;
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

export const KEYS = {
  down: 'j',
  up: 'k',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  enter: '\r',
  escape: '\u001b',
  end: 'G',
  home: 'g',
} as const;

// ---------------------------------------------------------------- the built CLI

let buildChecked: { ok: boolean; reason?: string } | undefined;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `dist/cli.js` up to date with `src/`: builds once per run when it is missing or older. */
export function ensureBuilt(): { ok: boolean; reason?: string } {
  if (buildChecked) return buildChecked;
  const cli = join(ROOT, 'dist', 'cli.js');
  const stale = !existsSync(cli) || statSync(cli).mtimeMs < newestMtime(join(ROOT, 'src'));
  if (stale) {
    process.stderr.write('bench: dist/ is missing or older than src/, running npm run build\n');
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (!existsSync(cli)) {
      const msg = r.stderr?.toString().split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
      buildChecked = { ok: false, reason: `build failed: ${msg.slice(0, 80)}` };
      return buildChecked;
    }
  }
  buildChecked = { ok: true };
  return buildChecked;
}

/** The environment for a child running the CLI: no `CI` (Ink prints no frames under CI), a real TERM. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && k !== 'NO_COLOR') env[k] = v;
  }
  // COLORFGBG: a dark background by the terminal's variable, so catop does not ask it (OSC 11).
  return { ...env, TERM: 'xterm-256color', COLORFGBG: '15;0', COLUMNS: String(COLUMNS), LINES: String(ROWS), ...extra };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSyncSafe(`/proc/${pid}/stat`);
    if (!stat) return undefined;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const hz = 100; // USER_HZ is 100 on Linux
    return (utime + stime) / hz;
  } catch {
    return undefined;
  }
}

function readFileSyncSafe(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
