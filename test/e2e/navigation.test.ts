// The built CLI in a real pseudo-terminal, read back through a headless xterm: start-up, moving
// through every screen and back, keys arriving together, help, filters and output search.
import { describe, expect, it } from 'vitest';
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
  type AppOptions,
} from '../helpers/terminalApp.js';
import { spawnCli } from '../helpers/terminalCli.js';
import type { TerminalSession } from '../helpers/terminal.js';

const { app, closeAfterTest } = appsForEachTest();

const NAMES = ['alpha-job', 'beta-job', 'gamma-job', 'delta-job', 'epsilon-job'];

/** Five finished invocations, newest first in the list: alpha (1 min ago) ... epsilon (5 min ago). */
function fiveJobs(): AppOptions['setup'] {
  return (emu, clock) => {
    const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
    NAMES.forEach((name, i) =>
      invocation(
        emu,
        clock,
        {
          name,
          commandContent: `echo ${name}`,
          instanceIds: linux.slice(0, 1 + (i % 3)),
          outcome: i === 1 ? ['Success', { status: 'Failed', exitCode: 3 }] : 'Success',
          output: Array.from({ length: 30 }, (_, k) => `${name} line ${k + 1}${k % 10 === 4 ? ' needle' : ''}`).join('\n') + '\n',
        },
        (i + 1) * 60_000,
      ),
    );
  };
}

/** Cells of the visible grid drawn with a foreground or background colour other than the default. */
function colouredCells(s: TerminalSession): number {
  let n = 0;
  for (let y = 0; y < s.rows; y++) {
    for (let x = 0; x < s.cols; x++) {
      const c = s.cell(x, y);
      if (c && (!c.isFgDefault() || !c.isBgDefault())) n++;
    }
  }
  return n;
}

describe('start-up', () => {
  it('comes up on the alternate screen with a populated list of the demo fleet, newest first, inside the frame', async () => {
    const { s, emu } = await app({ emulator: { preset: 'demo', seed: 7, fleet: 40 }, label: 'start-up demo fleet' });
    await waitForList(s, 20);
    expect(s.altScreen).toBe(true);
    expect(s.cursorVisible).toBe(false);
    const screen = s.screen();
    expect(screen).toContain(`region ${emu.regionId}`);
    expect(screen).toContain(emu.endpoint);
    expect(screen).toMatch(/Success \d+/);
    expect(screen).toMatch(/● live/);
    // The seeded invocations in progress come first (created seconds ago).
    expect(listRows(s)[0].status).toBe('Running');
    expect(listRows(s)[0].selected).toBe(true);
    // The frame is at most rows-1 lines: the last row stays empty and nothing scrolled.
    expect(s.screenText()[s.rows - 1].trim()).toBe('');
    expect(s.term.buffer.active.baseY).toBe(0);
    // Rows are whole and aligned: each ends in its REPEATS figure at the header's last column
    // (a row too wide for the terminal would wrap into the next one).
    const headerLine = s.screenText().find((l) => LIST_HEADER.test(l)) as string;
    expect(headerLine.trimEnd().endsWith('REPEATS')).toBe(true);
    for (const r of listRows(s)) {
      expect(r.line).toMatch(/\d$/);
      expect(r.line.length).toBe(headerLine.trimEnd().length);
    }
  });

  it('NO_COLOR: not one coloured cell, and every status still readable as text', async () => {
    const { s } = await app({ setup: fiveJobs(), label: 'start-up NO_COLOR' });
    await waitForList(s, 5);
    expect(colouredCells(s)).toBeGreaterThan(0);
    await s.close();

    const plain = await app({ setup: fiveJobs(), label: 'start-up NO_COLOR', env: { NO_COLOR: '1' } });
    await waitForList(plain.s, 5);
    expect(colouredCells(plain.s)).toBe(0);
    expect(listRows(plain.s).map((r) => r.status)).toEqual(['Success', 'PartialFailed', 'Success', 'Success', 'Success']);
  });

  it('catop --demo (npm start) shows its own emulated fleet with no account', async () => {
    const s = spawnCli(['--demo'], { label: 'start-up --demo', env: { ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined } });
    closeAfterTest(() => s.close());
    await waitForList(s, 10);
    expect(s.screen()).toMatch(/catop DEMO/);
    expect(s.altScreen).toBe(true);
  });
});

describe('navigation', () => {
  it('goes list -> instances -> output and back, keeping the selection', async () => {
    const { s } = await app({ setup: fiveJobs(), label: 'navigation' });
    await waitForList(s, 5);
    expect(listRows(s).map((r) => r.line.match(/(\w+-job)/)?.[1])).toEqual(NAMES);

    s.press('down');
    await s.waitFor(() => selectedInvokeId(s) === listRows(s)[1].invokeId, 'the second row selected');
    const beta = selectedInvokeId(s) as string;

    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    await s.waitFor(() => instanceRows(s).length === 2, 'two instance rows');
    expect(s.screen()).toContain(`Invocations › ${beta}`);
    expect(s.screen()).toContain('beta-job');
    expect(instanceRows(s).map((r) => r.status).sort()).toEqual(['Failed', 'Success']);

    // The failed one (exit 3) is listed first, selected; opened with the right arrow.
    await s.waitFor(() => instanceRows(s)[0]?.selected === true && instanceRows(s)[0]?.status === 'Failed', 'the failed instance first, selected');
    const instanceId = instanceRows(s)[0].instanceId;
    s.press('right');
    await s.waitForText(OUTPUT_CRUMB);
    await s.waitForText('beta-job line 1');
    expect(s.screen()).toContain(`Invocations › ${beta} › ${instanceId}`);
    expect(s.screen()).toMatch(/exit 3/);

    s.press('esc');
    await s.waitForText(INSTANCES_HEADER);
    expect(instanceRows(s).find((r) => r.selected)?.instanceId).toBe(instanceId);

    s.press('left');
    await s.waitForText(LIST_HEADER);
    expect(selectedInvokeId(s)).toBe(beta);
  });

  it('handles every key of a chunk: "jjj" in one write moves three rows, "kk" two back', async () => {
    const { s } = await app({ setup: fiveJobs(), label: 'keys in one write' });
    await waitForList(s, 5);
    const ids = listRows(s).map((r) => r.invokeId);
    s.write('jjj');
    await s.waitFor(() => selectedInvokeId(s) === ids[3], 'the fourth row selected');
    s.write('kk');
    await s.waitFor(() => selectedInvokeId(s) === ids[1], 'the second row selected');
    // A chunk that opens a screen and moves in it: "l" opens, "j" moves on the instances list.
    s.write('lj');
    await s.waitFor(() => INSTANCES_HEADER.test(s.screen()) && instanceRows(s)[1]?.selected === true, 'instances open, second selected');
  });

  it('moves by page and to the ends with PgDn, G and g', async () => {
    const { s } = await app({
      setup: (emu, clock) => {
        for (let i = 0; i < 60; i++) invocation(emu, clock, { name: `job-${String(i).padStart(2, '0')}`, commandContent: 'true', outcome: 'Success' }, (i + 1) * 60_000);
      },
      label: 'paging',
    });
    await waitForList(s, 20);
    s.press('G');
    await s.waitForText(/> Success\s+t-\S+\s+job-59/);
    s.press('g');
    await s.waitForText(/> Success\s+t-\S+\s+job-00/);
    // A page down moves the selection by a screenful (more than 20 rows on 40 lines).
    const selectedJob = () => Number(listRows(s).find((r) => r.selected)?.line.match(/job-(\d+)/)?.[1] ?? -1);
    s.press('pgdn');
    await s.waitFor(() => selectedJob() > 20, 'the selection a page further down');
    s.press('pgup');
    await s.waitFor(() => selectedJob() === 0, 'the selection back on the first row');
  });
});

describe('help overlay', () => {
  it('? shows every key and what it does; Esc closes it and the list is back', async () => {
    const { s } = await app({ setup: fiveJobs(), label: 'help' });
    await waitForList(s, 5);
    s.press('?');
    await s.waitForText('cycle status filter: all, active, failed, succeeded, stopped');
    const help = s.screen();
    for (const text of ['move down', 'page down', 'open the selected row', 'refresh now', 'follow', 'raw view', 'next search match', 'stop the invocation', 'save the shown output', 'quit']) {
      expect(help).toContain(text);
    }
    expect(help).not.toMatch(LIST_HEADER);
    s.press('esc');
    await s.waitForText(LIST_HEADER);
    expect(s.screen()).not.toContain('cycle status filter');
  });
});

describe('filters', () => {
  it('/ narrows the list as you type, Enter keeps it, Esc on the list clears it', async () => {
    const { s } = await app({ setup: fiveJobs(), label: 'text filter' });
    await waitForList(s, 5);
    s.press('/');
    await s.waitForText(/filter:.*Enter keep/);
    s.write('gam');
    await s.waitFor(() => listRows(s).length === 1 && listRows(s)[0].line.includes('gamma-job'), 'only gamma-job listed');
    expect(s.screen()).toContain('filter: "gam"');
    s.press('enter');
    await s.waitForNoText(/Enter keep/);
    expect(listRows(s)).toHaveLength(1);
    s.press('esc');
    await s.waitFor(() => listRows(s).length === 5, 'all five rows again');
    expect(s.screen()).not.toContain('filter: "gam"');
  });

  it('s cycles the status filter: all, active, failed, succeeded, stopped', async () => {
    const { s } = await app({
      setup: (emu, clock) => {
        const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
        invocation(emu, clock, { name: 'ok-job', commandContent: 'true', instanceIds: linux.slice(0, 1), outcome: 'Success' }, 300_000);
        invocation(emu, clock, { name: 'bad-job', commandContent: 'false', instanceIds: linux.slice(0, 1), outcome: 'Failed' }, 200_000);
        // Still running: the fake clock does not move in this test.
        invocation(emu, clock, { name: 'busy-job', commandContent: 'sleep 600', instanceIds: linux.slice(0, 1), pendingMs: 100, durationMs: 600_000 }, 10_000);
      },
      label: 'status filter',
    });
    await waitForList(s, 3);
    const names = () => listRows(s).map((r) => r.line.match(/(\w+-job)/)?.[1]);
    s.press('s');
    await s.waitFor(() => s.screen().includes('status: active') && names().join() === 'busy-job', 'active only');
    s.press('s');
    await s.waitFor(() => s.screen().includes('status: failed') && names().join() === 'bad-job', 'failed only');
    s.press('s');
    await s.waitFor(() => s.screen().includes('status: succeeded') && names().join() === 'ok-job', 'succeeded only');
    s.press('s');
    await s.waitFor(() => s.screen().includes('status: stopped') && names().length === 0, 'stopped only (none)');
    s.press('s');
    await s.waitFor(() => !s.screen().includes('status:') && names().length === 3, 'all again');
  });
});

describe('output search', () => {
  it('/ finds matches, n and N move between them, the match is highlighted', async () => {
    const { s } = await app({ setup: fiveJobs(), label: 'output search' });
    await waitForList(s, 5);
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    s.press('enter');
    await s.waitForText('alpha-job line 30');
    s.press('/');
    await s.waitForText(/search.*Enter keep/i);
    s.write('needle');
    // Matches count while typing; Enter keeps the search and closes the prompt.
    await s.waitForText('"needle" 1/3 (n/N)');
    s.press('enter');
    await s.waitForNoText(/Enter keep/);
    s.press('n');
    await s.waitForText('"needle" 2/3 (n/N)');
    s.press('n');
    await s.waitForText('"needle" 3/3 (n/N)');
    s.press('N');
    await s.waitForText('"needle" 2/3 (n/N)');
    // The word on screen is drawn in inverse video.
    const y = s.rowOf('alpha-job line 15 needle');
    expect(y).toBeGreaterThan(0);
    const x = s.screenText()[y].indexOf('needle');
    expect(s.cell(x, y)?.isInverse()).toBeTruthy();
    expect(s.cell(x - 2, y)?.isInverse()).toBeFalsy();
  });
});
