// Running the built CLI in a pseudo-terminal of 120x40, the way a person runs it: Ink sees a TTY,
// raw mode works, and every byte the app writes to the terminal is counted.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { IPty } from 'node-pty';
import { COLUMNS, ROOT, ROWS, childEnv, now } from './harness.js';

const require = createRequire(import.meta.url);

export const CLI = join(ROOT, 'dist', 'cli.js');
export const ALT_SCREEN_ON = '\u001b[?1049h';
/** An InvokeId as the service (and the emulator) writes it: `t-` then the id. */
export const INVOKE_ID = /\bt-[0-9a-z]{6,}/i;

export interface PtyRun {
  pty: IPty;
  startedAt: number;
  /** Everything the process wrote, decoded. */
  output(): string;
  bytes(): number;
  exited: Promise<{ exitCode: number; at: number }>;
  /** Resolve with the time output first satisfies `test` (checked on every chunk). */
  until(test: (out: string) => boolean, timeoutMs: number, what: string): Promise<number>;
  kill(): Promise<void>;
}

export function spawnPty(args: string[], env: Record<string, string> = {}, file = process.execPath): PtyRun {
  const nodePty = require('node-pty') as typeof import('node-pty');
  const startedAt = now();
  const pty = nodePty.spawn(file, args, {
    name: 'xterm-256color',
    cols: COLUMNS,
    rows: ROWS,
    cwd: ROOT,
    env: childEnv(env),
  });
  let out = '';
  let bytes = 0;
  const watchers = new Set<() => void>();
  pty.onData((d) => {
    out += d;
    bytes += Buffer.byteLength(d);
    for (const w of [...watchers]) w();
  });
  let exitedFlag = false;
  const exited = new Promise<{ exitCode: number; at: number }>((resolve) => {
    pty.onExit(({ exitCode }) => {
      exitedFlag = true;
      resolve({ exitCode, at: now() });
    });
  });
  return {
    pty,
    startedAt,
    output: () => out,
    bytes: () => bytes,
    exited,
    until(test, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (test(out)) {
            watchers.delete(check);
            clearTimeout(timer);
            resolve(now());
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          const tail = JSON.stringify(out.slice(-200));
          reject(new Error(`no ${what} within ${timeoutMs} ms (last output ${tail})`));
        }, timeoutMs);
        watchers.add(check);
        void exited.then(() => {
          if (watchers.has(check)) {
            watchers.delete(check);
            clearTimeout(timer);
            reject(new Error(`exited before ${what}: ${JSON.stringify(out.slice(-200))}`));
          }
        });
        check();
      });
    },
    async kill() {
      if (exitedFlag) return;
      pty.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exitedFlag) pty.kill('SIGKILL');
      }, 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
