// Live behaviour of the built CLI against the emulator, whose fleet moves only when the test
// advances its FakeClock: a status changing while watched, output growing under follow, stop with
// confirm and its read-only refusal, and the endpoint going away and coming back.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import {
  INSTANCES_HEADER,
  LIST_HEADER,
  OUTPUT_CRUMB,
  appsForEachTest,
  instanceRows,
  invocation,
  listRows,
  selectedInvokeId,
  waitForList,
  waitForRowStatus,
  type AppOptions,
} from '../helpers/terminalApp.js';
import type { TerminalSession } from '../helpers/terminal.js';

const { app, closeAfterTest } = appsForEachTest();

/** "lines 1-15 of 15" in the output breadcrumb: the number of lines loaded so far. */
function outputLineCount(s: TerminalSession): number {
  const m = /lines \d+-\d+ of ([\d,]+)/.exec(s.screen());
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

/** Numbers of the "log line NNN" lines visible on screen. */
function visibleLogLines(s: TerminalSession): number[] {
  return s.screenText().flatMap((l) => {
    const m = /log line (\d{3})/.exec(l);
    return m ? [Number(m[1])] : [];
  });
}

describe('live updates', () => {
  it('an invocation watched on its instances screen turns from Running to Success', async () => {
    let id = '';
    const { s, clock } = await app({
      setup: (emu, clock) => {
        const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
        id = invocation(emu, clock, { name: 'watch-job', commandContent: 'sleep 60', instanceIds: linux.slice(0, 2), outcome: 'Success', pendingMs: 100, durationMs: 60_000 }, 5_000);
      },
      label: 'status change while watched',
    });
    await waitForRowStatus(s, id, 'Running');
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    await s.waitFor(() => instanceRows(s).length === 2 && instanceRows(s).every((r) => r.status === 'Running'), 'both instances Running');
    expect(s.screen()).toMatch(/Running watch-job/);

    clock.advance(120_000);
    await s.waitFor(() => instanceRows(s).length === 2 && instanceRows(s).every((r) => r.status === 'Success'), 'both instances Success');
    await s.waitForText(/Success watch-job/);
    s.press('esc');
    await s.waitForText(LIST_HEADER);
    await waitForRowStatus(s, id, 'Success');
  });

  it('output follows while it grows; f stops following, G jumps to the end', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `log line ${String(i + 1).padStart(3, '0')}`).join('\n') + '\n';
    const { s, clock } = await app({
      setup: (emu, clock) => {
        const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
        invocation(emu, clock, { name: 'stream-job', commandContent: 'tail -f', instanceIds: linux.slice(0, 1), outcome: 'Success', output: text, pendingMs: 0, durationMs: 100_000 }, 10_000);
      },
      label: 'output follow',
    });
    await waitForList(s, 1);
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    s.press('enter');
    await s.waitForText(OUTPUT_CRUMB);
    await s.waitForText('still growing · following');
    await s.waitFor(() => visibleLogLines(s).length > 0, 'some output');
    const firstCount = outputLineCount(s);
    expect(firstCount).toBeLessThan(60);

    // Half-way: the view follows the new lines without a key pressed.
    clock.advance(40_000);
    await s.waitFor(() => Math.max(...visibleLogLines(s)) >= 90, 'line 90 or later on screen');
    expect(outputLineCount(s)).toBeGreaterThan(firstCount);
    expect(s.screen()).toContain('still growing · following');

    // f: stop following. More output arrives but the view stays where it is.
    s.press('f');
    await s.waitForText('still growing (f follows)');
    const top = visibleLogLines(s)[0];
    const before = outputLineCount(s);
    clock.advance(20_000);
    await s.waitFor(() => outputLineCount(s) > before, 'more lines loaded');
    expect(visibleLogLines(s)[0]).toBe(top);

    // G: to the end of what is there.
    s.press('G');
    await s.waitFor(() => Math.max(...visibleLogLines(s)) === outputLineCount(s), 'the last loaded line on screen');

    // The run finishes: the whole output is there and marked complete.
    clock.advance(60_000);
    await s.waitForText(/of 200 · complete/);
  });
});

describe('stop', () => {
  function longJob(ids: string[]): AppOptions['setup'] {
    return (emu, clock) => {
      const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
      ids.push(invocation(emu, clock, { name: 'long-job', commandContent: 'sleep 600', instanceIds: linux.slice(0, 2), pendingMs: 0, durationMs: 600_000 }, 5_000));
    };
  }

  it('x asks first; any key but y cancels; y stops it and the list shows Stopped', async () => {
    const ids: string[] = [];
    const { s, emu, clock } = await app({ setup: longJob(ids), label: 'stop with confirm' });
    const [id] = ids;
    await waitForRowStatus(s, id, 'Running');
    expect(selectedInvokeId(s)).toBe(id);

    s.press('x');
    await s.waitForText(`Stop invocation ${id}?`);
    expect(s.screen()).toContain('y to confirm, any other key cancels');
    s.press('n');
    await s.waitForNoText(`Stop invocation ${id}?`);
    expect(emu.sim.get(id)?.status).toBe('Running');

    s.press('x');
    await s.waitForText(`Stop invocation ${id}?`);
    s.press('y');
    await s.waitForText(`stop requested for ${id}`);
    expect(['Stopping', 'Stopped']).toContain(emu.sim.get(id)?.status);
    clock.advance(5_000);
    await waitForRowStatus(s, id, 'Stopped');
  });

  it('--read-only refuses to stop and says why; nothing is sent', async () => {
    const ids: string[] = [];
    const { s, emu } = await app({ setup: longJob(ids), args: ['--read-only'], label: 'stop refused read-only' });
    const [id] = ids;
    await waitForRowStatus(s, id, 'Running');
    s.press('x');
    await s.waitForText('read-only mode: stopping invocations is disabled');
    expect(s.screen()).not.toContain('Stop invocation');
    // No StopInvocation reached the fleet.
    expect(emu.sim.get(id)?.status).toBe('Running');
  });
});

describe('the endpoint going away', () => {
  it('says the endpoint is unreachable, keeps the data, and resumes when it is back on the same port', async () => {
    const names = ['first-job', 'second-job'];
    const setup: AppOptions['setup'] = (emu, clock) => {
      names.forEach((name, i) => invocation(emu, clock, { name, commandContent: 'true', outcome: 'Success' }, (i + 1) * 60_000));
    };
    const a = await app({ setup, label: 'endpoint away and back' });
    const { s, clock } = a;
    await waitForList(s, 2);
    await s.waitForText('● live');
    const shown = listRows(s).map((r) => r.invokeId);

    await a.emu.stop();
    await s.waitForText(/endpoint unreachable since \d\d:\d\d:\d\d/);
    // The last good data stays, with its age.
    expect(listRows(s).map((r) => r.invokeId)).toEqual(shown);
    expect(s.screen()).toMatch(/data \d+s old/);

    // Back on the same port (same seed: same keys and the same history), with something new.
    const back = await startEmulator({ port: a.emu.port, seed: 11, preset: 'empty', fleet: 6, clock });
    closeAfterTest(() => back.stop());
    setup(back, clock);
    const fresh = back.sim.runCommandAt({ name: 'after-outage', commandContent: 'true', outcome: 'Success' }, clock.now() - 1_000);
    await s.waitFor(() => listRows(s).some((r) => r.invokeId === fresh), 'the new invocation listed');
    await s.waitForText('● live');
    expect(s.screen()).not.toContain('endpoint unreachable');
    // Fresh again: the header names the update's time instead of counting an age.
    expect(s.screen()).toMatch(/updated \d\d:\d\d:\d\d/);
    expect(s.screen()).not.toMatch(/data \d+s old/);
    expect(listRows(s).map((r) => r.invokeId)).toEqual([fresh, ...shown]);
  });
});
