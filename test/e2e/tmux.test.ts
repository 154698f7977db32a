// Smoke tests inside real tmux, for what a headless xterm cannot show: tmux's own terminal
// (TERM=tmux-256color) parsing our bytes, window resizes made by the multiplexer, two copies side by
// side in a dashboard, and the pane's alternate-screen and cursor flags after quitting.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { INSTANCES_HEADER, INVOKE_ROW, LIST_HEADER } from '../helpers/terminalApp.js';
import { CLI, ensureBuilt } from '../helpers/terminalCli.js';
import { TmuxServer, tmuxAvailable } from '../helpers/terminalTmux.js';

// Each wait has its own guard; a whole scenario on a loaded two-core machine gets this long.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => {
  if (!tmuxAvailable()) throw new Error('tmux is not installed: the multiplexer smoke tests need it (apt-get install tmux)');
  ensureBuilt();
}, 240_000);

let server: TmuxServer | undefined;
let emu: RunningEmulator | undefined;
afterEach(async () => {
  server?.kill();
  server = undefined;
  await emu?.stop();
  emu = undefined;
});

async function emulatorWithJobs(): Promise<RunningEmulator> {
  const clock = new FakeClock(Math.floor(Date.now() / 1000) * 1000);
  const e = await startEmulator({ port: 0, seed: 5, preset: 'empty', fleet: 4, clock });
  for (const [i, name] of ['tmux-one', 'tmux-two', 'tmux-three'].entries()) {
    e.sim.runCommandAt({ name, commandContent: 'true', outcome: 'Success', output: `${name} output\n` }, clock.now() - (i + 1) * 60_000);
  }
  return e;
}

function catop(e: RunningEmulator): string[] {
  return [process.execPath, CLI, '--endpoint', e.endpoint, '--region', e.regionId, '--interval', '1'];
}

function envFor(e: RunningEmulator): Record<string, string | undefined> {
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: e.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: e.accessKeySecret,
    ALIBABA_CLOUD_PROFILE: undefined,
    HOME: '/nonexistent-catop-e2e-home',
  };
}

const rows = (lines: string[]) => lines.filter((l) => INVOKE_ROW.test(l));

describe('inside tmux', () => {
  it('draws, navigates, survives a window resize through "too small", and quits leaving the pane restored', async () => {
    emu = await emulatorWithJobs();
    server = new TmuxServer();
    // A shell around catop stays after it exits (a dead pane reports no cursor), like a person's.
    server.start(['/bin/sh', '-c', '"$@"; echo "catop exited $?"; exec cat', 'sh', ...catop(emu)], { cols: 120, rows: 40, env: envFor(emu) });
    const t = server;

    await t.waitFor('e2e', (l) => rows(l).length === 3 && LIST_HEADER.test(l.join('\n')), 'the list');
    expect(t.display('#{alternate_on}')).toBe('1');
    expect(t.display('#{cursor_flag}')).toBe('0');

    t.sendKeys('e2e', 'j');
    await t.waitFor('e2e', (l) => rows(l)[1]?.startsWith('>') === true, 'second row selected');
    t.sendKeys('e2e', 'Enter');
    await t.waitFor('e2e', (l) => INSTANCES_HEADER.test(l.join('\n')) && l.join('\n').includes('tmux-two'), 'instances of tmux-two');
    t.sendKeys('e2e', 'Escape');
    await t.waitFor('e2e', (l) => LIST_HEADER.test(l.join('\n')), 'the list again');

    t.tmux('resize-window', '-t', 'e2e', '-x', '50', '-y', '12');
    await t.waitFor('e2e', (l) => /too small.*50x12/.test(l.join('\n')), 'too small');
    t.tmux('resize-window', '-t', 'e2e', '-x', '100', '-y', '30');
    await t.waitFor('e2e', (l) => rows(l).length === 3 && !l.join('\n').includes('too small'), 'the list at 100x30');
    expect(rows(t.capture())[1].startsWith('>')).toBe(true);
    // Every line fits the pane and the frame leaves the last row free (no scrolling in tmux).
    const lines = t.capture();
    expect(lines.every((l) => l.length <= 100)).toBe(true);
    expect(t.display('#{history_size}')).toBe('0');

    t.sendKeys('e2e', 'q');
    await t.waitFor('e2e', (l) => l.join('\n').includes('catop exited 0'), 'catop to exit with 0');
    expect(t.display('#{alternate_on}')).toBe('0');
    expect(t.display('#{cursor_flag}')).toBe('1');
    expect(t.capture().join('\n')).not.toMatch(LIST_HEADER);
  });

  it('narrows a full screen without a stale or doubled row (the frame drawn for the old width does not wrap)', async () => {
    emu = await emulatorWithJobs();
    const now = Date.now();
    for (let k = 0; k < 40; k++) emu.sim.runCommandAt({ name: `wide-job-${k}`, commandContent: 'true', outcome: 'Success' }, now - (k + 5) * 60_000);
    server = new TmuxServer();
    server.start(catop(emu), { cols: 200, rows: 40, env: envFor(emu) });
    const t = server;
    const full = (l: string[]) => rows(l).length >= 30 && LIST_HEADER.test(l.join('\n'));
    await t.waitFor('e2e', full, 'the list filling the pane');
    expect(t.capture().some((l) => l.length > 150)).toBe(true);
    t.tmux('resize-window', '-t', 'e2e', '-x', '120', '-y', '40');
    // Before, Ink's frame for 200 columns wrapped here and scrolled the screen: the title row
    // went, a row of an old frame stayed on top and the status line showed twice, for good.
    const lines = await t.waitFor('e2e', (l) => full(l) && l.every((x) => x.length <= 120) && l[0].startsWith('catop '), 'the list at 120 columns');
    expect(lines.filter((l) => l.startsWith('catop '))).toHaveLength(1);
    expect(lines.filter((l) => /\bRunning\b.*·|Success \d+/.test(l) && !INVOKE_ROW.test(l))).toHaveLength(1);
    expect(t.display('#{history_size}')).toBe('0');
    // Autowrap is back on after that frame: a row as wide as the pane keeps its last character.
    t.tmux('resize-window', '-t', 'e2e', '-x', '60', '-y', '20');
    t.sendKeys('e2e', '?');
    const help = await t.waitFor('e2e', (l) => l.some((x) => x.startsWith('┌')), 'the help at 60 columns');
    expect(help.find((x) => x.startsWith('┌'))).toMatch(/^┌[─┬]{58}┐$/);
  });

  it('runs two copies side by side in split panes, each drawn inside its own pane', async () => {
    emu = await emulatorWithJobs();
    server = new TmuxServer();
    const [left, right] = server.start(catop(emu), { cols: 130, rows: 30, env: envFor(emu) }, [...catop(emu), '--read-only']);
    const t = server;
    expect(right).toMatch(/^%\d+$/);
    expect(left).not.toBe(right);
    expect(t.display('#{pane_id}', 'e2e.0')).toBe(left);

    for (const pane of [left, right]) {
      await t.waitFor(pane, (l) => rows(l).length === 3, `the list in ${pane}`);
      const width = Number(t.display('#{pane_width}', pane));
      expect(width).toBeGreaterThanOrEqual(60);
      expect(t.capture(pane).every((l) => l.length <= width)).toBe(true);
    }
    // Keys go to one pane only.
    t.sendKeys(right, 'x');
    await t.waitFor(right, (l) => l.join('\n').includes('read-only'), 'the read-only refusal in the right pane');
    expect(t.capture(left).join('\n')).not.toContain('read-only');
    t.sendKeys(left, 'j');
    await t.waitFor(left, (l) => rows(l)[1]?.startsWith('>') === true, 'second row selected on the left');
    expect(rows(t.capture(right))[0].startsWith('>')).toBe(true);
  });
});
