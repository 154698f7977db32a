// Where each byte goes when stdout and stdin are a terminal: the live screen only where it can be
// drawn (not under CI, not on TERM=dumb: there the snapshot), terminal bytes to the terminal and
// never into a `2>err.log`, and no process warning over the live screen.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_ROW, listRows, selectedInvokeId } from '../helpers/terminalApp.js';
import { spawnTerminal, type TerminalSession } from '../helpers/terminal.js';
import { CLI, ROOT, ensureBuilt } from '../helpers/terminalCli.js';
import { closeStandIns, serveInvocations, standIn, wireInvocation, type StandIn } from '../helpers/standIn.js';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(() => ensureBuilt(), 240_000);

let dir = '';
let session: TerminalSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  await closeStandIns();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const IDS = ['t-streams00000a', 't-streams00000b', 't-streams00000c'];

async function endpoint(): Promise<StandIn> {
  const now = Date.now();
  return standIn(
    serveInvocations(IDS.map((id, k) => wireInvocation({ InvokeId: id, CommandName: `job-${k}`, CreationTime: new Date(now - (k + 1) * 60_000).toISOString() }))),
  );
}

/** catop in a terminal with its stderr sent to `<dir>/err.log` (returned with the session). */
async function catop(env: Record<string, string | undefined> = {}): Promise<{ s: TerminalSession; err: string }> {
  const e = await endpoint();
  dir ||= mkdtempSync(join(tmpdir(), 'catop-streams-'));
  const err = join(dir, 'err.log');
  const args = [CLI, '--endpoint', e.endpoint, '--region', 'cn-hangzhou', '--interval', '1'];
  // The pseudo-terminal sets TERM for its child; a TERM of the test's is set by the shell.
  const term = env.TERM === undefined ? '' : `export TERM='${env.TERM}'; `;
  session = spawnTerminal('/bin/sh', ['-c', `${term}exec "$@" 2>"$0"`, err, process.execPath, ...args], {
    cwd: ROOT,
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'streams-test-key',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'streams-test-secret',
      ALIBABA_CLOUD_PROFILE: undefined,
      ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
      HOME: '/nonexistent-catop-e2e-home',
      ...env,
    },
  });
  return { s: session, err };
}

const listed = (s: TerminalSession) => s.screenText().filter((l) => INVOKE_ROW.test(l)).length === IDS.length;

describe('a terminal the live monitor cannot draw on', () => {
  it.each([
    ['CI=true', { CI: 'true' }, /^catop: CI is set in the environment, where the live monitor cannot draw.*unset CI/],
    ['CI=1 (any value Ink takes for CI)', { CI: '1' }, /^catop: CI is set/],
    ['TERM=dumb (an Emacs shell, an IDE pane)', { TERM: 'dumb' }, /^catop: TERM=dumb cannot draw the live monitor/],
  ])('%s: prints the snapshot, says why on stderr in one line, exits 0', async (_what, env, why) => {
    const { s, err } = await catop(env);
    expect((await s.waitForExit()).exitCode).toBe(0);
    // The snapshot as --once prints it: a plain table, no full screen, no escape at all.
    expect(s.screenText()[0]).toMatch(/^STATUS\s+INVOKE ID\s+COMMAND\s+INSTANCES/);
    for (const id of IDS) expect(s.screen()).toContain(id);
    expect(s.raw).not.toContain('\u001b');
    const lines = readFileSync(err, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(why);
  });
});

describe('stderr is not the terminal', () => {
  it('catop 2>err.log: the cursor comes back on the terminal and the log holds no escape', async () => {
    const { s, err } = await catop();
    await s.waitFor(() => listed(s), 'the list');
    expect(s.cursorVisible).toBe(false);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(s.cursorVisible).toBe(true);
    expect(s.altScreen).toBe(false);
    expect(readFileSync(err, 'utf8')).toBe('');
  });
});

describe('process warnings while the live monitor is up', () => {
  /** A preload that, on SIGUSR2, makes Node warn twice, then writes `<mark>` once the warnings were handled. */
  function warningPreload(): { preload: string; mark: string } {
    const preload = join(dir, 'warn.cjs');
    const mark = join(dir, 'warned');
    writeFileSync(
      preload,
      `const fs = require('node:fs');
process.on('SIGUSR2', () => {
  setTimeout(() => {}, 2 ** 40).unref(); // TimeoutOverflowWarning
  process.emitWarning('a warning raised by the test', 'CatopTestWarning');
  setImmediate(() => { fs.writeFileSync(${JSON.stringify(mark)} + '.tmp', 'x'); fs.renameSync(${JSON.stringify(mark)} + '.tmp', ${JSON.stringify(mark)}); });
});
`,
    );
    return { preload, mark };
  }

  function whenWritten(path: string): Promise<void> {
    return new Promise((resolve) => {
      const watcher = watch(dir, () => check());
      const check = () => {
        if (!existsSync(path)) return;
        watcher.close();
        resolve();
      };
      check();
    });
  }

  it.each([
    ['by default they go nowhere', false],
    ['with CATOP_LOG=file they go to that file only', true],
  ])('%s, never onto the screen', async (_what, logged) => {
    dir = mkdtempSync(join(tmpdir(), 'catop-streams-'));
    const { preload, mark } = warningPreload();
    const log = join(dir, 'catop.log');
    const { s, err } = await catop({ NODE_OPTIONS: `--require ${preload}`, CATOP_LOG: logged ? log : undefined });
    await s.waitFor(() => listed(s), 'the list');
    const warned = whenWritten(mark);
    s.kill('SIGUSR2');
    await warned;
    // Everything written before the warnings was drawn once this key's frame shows.
    s.press('j');
    await s.waitFor(() => selectedInvokeId(s) === listRows(s)[1]?.invokeId, 'second row selected');
    expect(s.raw).not.toMatch(/Warning|--trace-warnings/);
    expect(s.screenText()[0]).toMatch(/^catop /);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(readFileSync(err, 'utf8')).toBe('');
    if (!logged) {
      expect(existsSync(log)).toBe(false);
      return;
    }
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z TimeoutOverflowWarning: \d+ does not fit into a 32-bit signed integer/);
    expect(lines[1]).toMatch(/Z CatopTestWarning: a warning raised by the test$/);
    expect(statSync(log).mode & 0o777).toBe(0o600);
  });
});
