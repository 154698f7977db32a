// The built CLI for end-to-end tests: where it is, building it when dist/ is missing or older than
// src/ (under a lock, since two test workers may ask at once), and spawning it in a terminal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerminal, type SpawnOptions, type TerminalSession } from './terminal.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/cli.js is missing or older than a file under src/. */
export function buildIsStale(): boolean {
  return !existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src'));
}

const LOCK = join(tmpdir(), `catop-e2e-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);

/** Block this worker (no event loop work is pending in a beforeAll) until `ms` pass. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Run `npm run build` when dist/ is stale. A lock directory keeps two workers from building at
 * once; the second waits for the first and then finds the build fresh. Throws with tsc's first
 * lines when the build leaves dist/ missing or stale.
 */
export function ensureBuilt(): void {
  if (!buildIsStale()) return;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than the deadline is a leftover from a crash.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`waited too long for another build (lock ${LOCK})`);
      pause(250);
    }
  }
  try {
    if (!buildIsStale()) return;
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    // esbuild does not check types (that is `npm run typecheck`); only a build that left
    // dist/ stale stops the terminal tests.
    if (buildIsStale()) {
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter((l) => l.trim()).slice(0, 15).join('\n');
      throw new Error(`npm run build failed (exit ${r.status}):\n${out}`);
    }
  } finally {
    rmdirSync(LOCK);
  }
}

/** Start `node dist/cli.js ...args` in a headless terminal (default 120x40). */
export function spawnCli(args: string[], opts: SpawnOptions = {}): TerminalSession {
  return spawnTerminal(process.execPath, [CLI, ...args], { cwd: ROOT, label: `catop ${args.join(' ')}`, ...opts });
}
