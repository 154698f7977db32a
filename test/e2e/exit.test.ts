// Leaving and resizing, as a terminal sees it: every way out (q, Ctrl-C, Ctrl-C in a prompt,
// SIGTERM) leaves the alternate screen with the cursor visible and the shell's screen as it was;
// a resize re-lays out, below the minimum it says so, and back up the same view returns.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INSTANCES_HEADER, LIST_HEADER, invocation, listRows, selectedInvokeId, startApp, waitForList, type App, type AppOptions } from '../helpers/terminalApp.js';
import { ensureBuilt } from '../helpers/terminalCli.js';
import type { TerminalSession } from '../helpers/terminal.js';

// Each wait has its own guard; a whole scenario on a loaded two-core machine gets this long.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => ensureBuilt(), 240_000);

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function app(opts: AppOptions): Promise<App> {
  const a = await startApp(opts);
  apps.push(a);
  return a;
}

const threeJobs: AppOptions['setup'] = (emu, clock) => {
  for (const [i, name] of ['one-job', 'two-job', 'three-job'].entries()) {
    invocation(emu, clock, { name, commandContent: 'true', outcome: 'Success', output: `${name} says hi\n` }, (i + 1) * 60_000);
  }
};

/** The terminal is as the shell left it: main screen, cursor on, the shell's line still there. */
function expectRestored(s: TerminalSession): void {
  expect(s.altScreen).toBe(false);
  expect(s.cursorVisible).toBe(true);
  expect(s.screenText()[0]).toBe('$ catop');
  expect(s.screen()).not.toMatch(LIST_HEADER);
  // The last screen switch in the stream is the way back.
  expect(s.raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?1049h'));
}

describe('quitting restores the terminal', () => {
  it('q: exit 0', async () => {
    const { s } = await app({ setup: threeJobs, before: '$ catop', label: 'quit q' });
    await waitForList(s, 3);
    expect(s.altScreen).toBe(true);
    expect(s.screen()).not.toContain('$ catop');
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expectRestored(s);
  });

  it('Ctrl-C on a screen: exit 0', async () => {
    const { s } = await app({ setup: threeJobs, before: '$ catop', label: 'quit ctrl-c' });
    await waitForList(s, 3);
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    s.press('ctrl-c');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expectRestored(s);
  });

  it('Ctrl-C in the filter prompt (where q is text): exit 0', async () => {
    const { s } = await app({ setup: threeJobs, before: '$ catop', label: 'quit ctrl-c in prompt' });
    await waitForList(s, 3);
    s.press('/');
    await s.waitForText(/filter:.*Enter keep/);
    s.press('q');
    await s.waitForText('filter: q');
    expect(s.exited).toBeUndefined();
    s.press('ctrl-c');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expectRestored(s);
  });

  it('SIGTERM: exit 143 (128 + 15), terminal restored', async () => {
    const { s } = await app({ setup: threeJobs, before: '$ catop', label: 'quit SIGTERM' });
    await waitForList(s, 3);
    s.kill('SIGTERM');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(143);
    expectRestored(s);
  });
});

describe('the terminal going away', () => {
  it('SIGHUP (an SSH session that drops): exits 129 instead of lingering', async () => {
    const { s } = await app({ setup: threeJobs, label: 'SIGHUP' });
    await waitForList(s, 3);
    s.kill('SIGHUP');
    expect((await s.waitForExit()).exitCode).toBe(129);
  });
});

describe('resize', () => {
  it('re-lays out smaller, says "too small" below 60x15, and comes back to the same selection', async () => {
    const { s } = await app({ setup: threeJobs, label: 'resize' });
    await waitForList(s, 3);
    s.press('j');
    await s.waitFor(() => selectedInvokeId(s) === listRows(s)[1]?.invokeId, 'second row selected');
    const selected = selectedInvokeId(s);

    s.resize(80, 24);
    await s.waitFor(() => LIST_HEADER.test(s.screen()) && /EXIT|CREATED|INSTANCES/.test(s.screen()) && listRows(s).length === 3, 'the list at 80x24');
    expect(s.screenText()[23].trim()).toBe('');
    expect(s.term.buffer.active.baseY).toBe(0);
    expect(selectedInvokeId(s)).toBe(selected);

    s.resize(50, 12);
    await s.waitForText(/too small.*50x12/);
    expect(listRows(s)).toHaveLength(0);

    // Wide enough but too short is still too small.
    s.resize(100, 14);
    await s.waitForText(/too small.*100x14/);

    s.resize(120, 40);
    await s.waitFor(() => listRows(s).length === 3, 'the list back at 120x40');
    expect(s.screen()).not.toContain('too small');
    expect(selectedInvokeId(s)).toBe(selected);
    // Still fully usable: open the selected invocation.
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
  });
});

describe('bytes on the wire', () => {
  it('moving the selection rewrites a few lines, not the whole frame', async () => {
    const { s } = await app({ setup: threeJobs, label: 'bytes per key' });
    await waitForList(s, 3);
    await s.waitForText('● live');
    const firstFrames = s.bytesWritten;
    const mark = s.mark();
    s.press('j');
    await s.waitFor(() => selectedInvokeId(s) === listRows(s)[1]?.invokeId, 'second row selected');
    expect(s.bytesSince(mark)).toBeGreaterThan(0);
    expect(s.bytesSince(mark)).toBeLessThan(firstFrames / 2);
  });
});
