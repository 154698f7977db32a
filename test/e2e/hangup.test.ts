// A real hangup: the terminal's window closes (the pseudo-terminal's master end goes away) or tmux
// kills the session. catop must exit 129 at once, print nothing (no restore bytes, no native stack
// from Node's exit) and stop polling, also when no SIGHUP reaches it (a shell that ignores the
// hangup, a process in another session): then the dead terminal itself must tell it.
import { existsSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIST_HEADER, INVOKE_ROW } from '../helpers/terminalApp.js';
import { spawnTerminal, type TerminalSession } from '../helpers/terminal.js';
import { CLI, ROOT, ensureBuilt } from '../helpers/terminalCli.js';
import { TmuxServer, tmuxAvailable } from '../helpers/terminalTmux.js';
import { closeStandIns, serveInvocations, standIn, wireInvocation, type StandIn } from '../helpers/standIn.js';

vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => {
  if (!tmuxAvailable()) throw new Error('tmux is not installed: the hangup tests need it (apt-get install tmux)');
  ensureBuilt();
}, 240_000);

let dir = '';
let session: TerminalSession | undefined;
let server: TmuxServer | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  server?.kill();
  server = undefined;
  await closeStandIns();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

async function endpoint(): Promise<StandIn> {
  const now = Date.now();
  const invocations = ['hup-one', 'hup-two', 'hup-three'].map((name, k) =>
    wireInvocation({ InvokeId: `t-hup${k}0000000`, CommandName: name, CreationTime: new Date(now - (k + 1) * 60_000).toISOString() }),
  );
  return standIn(serveInvocations(invocations));
}

function catop(e: StandIn): string[] {
  return [process.execPath, CLI, '--endpoint', e.endpoint, '--region', 'cn-hangzhou', '--interval', '1'];
}

const env = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'hangup-test-key',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'hangup-test-secret',
  ALIBABA_CLOUD_PROFILE: undefined,
  ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
  HOME: '/nonexistent-catop-e2e-home',
};

/** The contents of `path` once it exists (written whole by a rename), watched, not polled. */
function whenWritten(path: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = watch(dir, () => check());
    const check = () => {
      if (!existsSync(path)) return;
      watcher.close();
      resolve(readFileSync(path, 'utf8'));
    };
    check();
  });
}

describe('the terminal hangs up', () => {
  it('its window closes (SIGHUP, then EIO): exits 129 at once, nothing on stderr, no request after', async () => {
    const e = await endpoint();
    dir = mkdtempSync(join(tmpdir(), 'catop-hangup-'));
    const err = join(dir, 'err.log');
    // exec: catop leads the terminal's session, as in a terminal window, so the hangup signals it.
    session = spawnTerminal('/bin/sh', ['-c', 'exec "$@" 2>"$0"', err, ...catop(e)], { cwd: ROOT, env, label: 'hangup: pty closed' });
    const s = session;
    await s.waitFor(() => s.screenText().filter((l) => INVOKE_ROW.test(l)).length === 3, 'the list');
    expect(e.count('DescribeInvocations')).toBeGreaterThan(0);

    // node-pty's UnixTerminal closes the master end, then signals SIGHUP (its typings omit destroy).
    (s.pty as unknown as { destroy(): void }).destroy();
    const exit = await s.exit;
    const requestsAtExit = e.count();
    expect(exit.exitCode).toBe(129);
    // No "Assertion failed ... ResetStdio", no cursor byte from restore-cursor, no stack.
    expect(readFileSync(err, 'utf8')).toBe('');
    await e.close();
    expect(e.count()).toBe(requestsAtExit);
  });

  it.each([
    ['tmux kills the session, the shell ignores SIGHUP', ''],
    ['tmux kills the session, catop in a session of its own (no SIGHUP at all)', 'setsid'],
  ])('%s: catop notices the dead terminal, exits 129, stops polling', async (_what, setsid) => {
    const e = await endpoint();
    dir = mkdtempSync(join(tmpdir(), 'catop-hangup-'));
    const err = join(dir, 'err.log');
    const code = join(dir, 'code');
    // The shell outlives the pane (it ignores the hangup) to report catop's exit status.
    const script = `trap "" HUP; ${setsid} "$@" 2>"${err}"; echo $? > "${code}.tmp"; mv "${code}.tmp" "${code}"`;
    server = new TmuxServer();
    server.start(['/bin/sh', '-c', script, 'sh', ...catop(e)], { cols: 120, rows: 40, env });
    await server.waitFor('e2e', (l) => LIST_HEADER.test(l.join('\n')) && l.filter((x) => INVOKE_ROW.test(x)).length === 3, 'the list');
    const written = whenWritten(code);

    server.tmux('kill-session', '-t', 'e2e');
    expect((await written).trim()).toBe('129');
    const requestsAtExit = e.count();
    expect(readFileSync(err, 'utf8')).toBe('');
    await e.close();
    expect(e.count()).toBe(requestsAtExit);
  });
});
