// Leaving and resizing, as a terminal sees it: every way out (q, Ctrl-C, Ctrl-C in a prompt,
// SIGTERM) leaves the alternate screen with the cursor visible and the shell's screen as it was;
// a resize re-lays out, below the minimum it says so, and back up the same view returns.
import { describe, expect, it } from 'vitest';
import { INSTANCES_HEADER, LIST_HEADER, appsForEachTest, invocation, listRows, selectedInvokeId, waitForList, type AppOptions } from '../helpers/terminalApp.js';
import type { TerminalSession } from '../helpers/terminal.js';

const { app } = appsForEachTest();

const threeJobs: AppOptions['setup'] = (emu, clock) => {
  for (const [i, name] of ['one-job', 'two-job', 'three-job'].entries()) {
    invocation(emu, clock, { name, commandContent: 'true', outcome: 'Success', output: `${name} says hi\n` }, (i + 1) * 60_000);
  }
};

/** catop with the three jobs, its list up; `before` is a line a shell printed before starting it. */
async function listOfThree(label: string, before?: string): Promise<TerminalSession> {
  const { s } = await app({ setup: threeJobs, before, label });
  await waitForList(s, 3);
  return s;
}

/**
 * catop exits with `code`, and the terminal is as the shell left it: main screen, cursor on, the
 * shell's line still there.
 */
async function expectExitRestored(s: TerminalSession, code: number): Promise<void> {
  expect((await s.waitForExit()).exitCode).toBe(code);
  expect(s.altScreen).toBe(false);
  expect(s.cursorVisible).toBe(true);
  expect(s.screenText()[0]).toBe('$ catop');
  expect(s.screen()).not.toMatch(LIST_HEADER);
  // The last screen switch in the stream is the way back.
  expect(s.raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?1049h'));
}

describe('quitting restores the terminal', () => {
  it('q: exit 0', async () => {
    const s = await listOfThree('quit q', '$ catop');
    expect(s.altScreen).toBe(true);
    expect(s.screen()).not.toContain('$ catop');
    s.press('q');
    await expectExitRestored(s, 0);
  });

  it('Ctrl-C on a screen: exit 0', async () => {
    const s = await listOfThree('quit ctrl-c', '$ catop');
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    s.press('ctrl-c');
    await expectExitRestored(s, 0);
  });

  it('Ctrl-C in the filter prompt (where q is text): exit 0', async () => {
    const s = await listOfThree('quit ctrl-c in prompt', '$ catop');
    s.press('/');
    await s.waitForText(/filter:.*Enter keep/);
    s.press('q');
    await s.waitForText('filter: q');
    expect(s.exited).toBeUndefined();
    s.press('ctrl-c');
    await expectExitRestored(s, 0);
  });

  it('SIGTERM: exit 143 (128 + 15), terminal restored', async () => {
    const s = await listOfThree('quit SIGTERM', '$ catop');
    s.kill('SIGTERM');
    await expectExitRestored(s, 143);
  });

  it('SIGQUIT (Ctrl-\\ elsewhere, kill -QUIT): exit 131 (128 + 3), terminal restored', async () => {
    const s = await listOfThree('quit SIGQUIT', '$ catop');
    s.kill('SIGQUIT');
    await expectExitRestored(s, 131);
  });
});

describe('signals that do not end it', () => {
  it('SIGUSR1 opens no inspector: nothing is printed and the monitor keeps going', async () => {
    const s = await listOfThree('SIGUSR1', '$ catop');
    const mark = s.raw.length;
    s.kill('SIGUSR1');
    s.press('j');
    await s.waitFor(() => selectedInvokeId(s) === listRows(s)[1]?.invokeId, 'second row selected after the signal');
    s.press('q');
    await expectExitRestored(s, 0);
    // Node would print "Debugger listening on ws://127.0.0.1:9229/..." over the screen.
    expect(s.raw.slice(mark)).not.toMatch(/Debugger|inspector|ws:\/\//i);
  });
});

describe('the terminal going away', () => {
  it('SIGHUP while the terminal is still there (kill -HUP): exit 129, terminal restored', async () => {
    const s = await listOfThree('SIGHUP', '$ catop');
    s.kill('SIGHUP');
    await expectExitRestored(s, 129);
  });
});

describe('resize', () => {
  it('re-lays out smaller, says "too small" below 60x15, and comes back to the same selection', async () => {
    const s = await listOfThree('resize');
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
    const s = await listOfThree('bytes per key');
    await s.waitForText('● live');
    const firstFrames = s.bytesWritten;
    const mark = s.mark();
    s.press('j');
    await s.waitFor(() => selectedInvokeId(s) === listRows(s)[1]?.invokeId, 'second row selected');
    expect(s.bytesSince(mark)).toBeGreaterThan(0);
    expect(s.bytesSince(mark)).toBeLessThan(firstFrames / 2);
  });
});
