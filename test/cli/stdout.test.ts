// A stdout that fails: a full disk (`> /dev/full`) exits 1 with one line on stderr; a reader
// that goes away (`| head -1`) stops quietly, as a shell tool killed by SIGPIPE (141).
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { CLI, childEnv, ensureBuilt } from './helpers/cli.js';

let home: HomeFixture;
beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
}, 180_000);
afterAll(() => home?.remove());

interface Ended {
  code: number | null;
  stderr: string;
}

/** catop with stdout on `stdout` (a descriptor, or a pipe closed after its first bytes). */
function catop(args: string[], stdout: number | 'closed-early'): Promise<Ended> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: childEnv(home.dir),
    stdio: ['ignore', stdout === 'closed-early' ? 'pipe' : stdout, 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // `| head -c 1`: the reader takes the first bytes and leaves.
  child.stdout?.once('data', () => child.stdout!.destroy());
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('writing to stdout fails', () => {
  it.each([['--once'], ['--json']])('%s > /dev/full: exit 1, one line on stderr that says so', async (mode) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await catop(['--demo', mode], full);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^catop: cannot write the output: ENOSPC: no space left on device[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('the reader leaves early (EPIPE): exit 141, nothing on stderr', async () => {
    // --json of the demo's history is far more than a pipe holds, so a write meets the closed end.
    const r = await catop(['--demo', '--json', '--history', '2000'], 'closed-early');
    expect(r.code).toBe(141);
    expect(r.stderr).toBe('');
  });
});
