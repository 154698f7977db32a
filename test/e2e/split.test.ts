// The split as a person meets it: the built CLI in a pseudo-terminal, read back
// through a headless xterm. At 160x45 the instance list and the output of the instance under the
// cursor sit side by side: j reads each output without Enter; Tab into the output, search, Tab
// back and move on with the search kept. At 100x30 it is the drill-down: Enter opens the output.
import { describe, expect, it } from 'vitest';
import { INSTANCES_HEADER, appsForEachTest, invocation, waitForList, type AppOptions } from '../helpers/terminalApp.js';
import type { TerminalSession } from '../helpers/terminal.js';

const { app } = appsForEachTest();

/** One finished run over the Linux instances: one fails and prints an ERROR line (it is listed first). */
const setup: AppOptions['setup'] = (emu, clock) => {
  const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
  invocation(
    emu,
    clock,
    {
      name: 'check-disks',
      commandContent: 'df -h',
      instanceIds: linux,
      outcome: linux.map((id, k) =>
        k === 1
          ? { status: 'Failed', exitCode: 3, errorCode: 'ExitCodeNonzero', output: `${id} start\n${id} ERROR disk full\n${id} end\n` }
          : { status: 'Success', output: `${id} start\n${id} all fine\n${id} end\n` },
      ),
    },
    60_000,
  );
};

/** The instance under the cursor: the output pane's title names it, else the selected row (the id column gives way to NAME in a narrow list). */
function selected(s: TerminalSession): string | undefined {
  const lines = s.screenText();
  const title = lines.map((l) => /(i-[0-9a-z]{10,})[^·]*· [A-Za-z]+ · exit /.exec(l)?.[1]).find(Boolean);
  return title ?? lines.map((l) => /^> (i-[0-9a-z]{10,})/.exec(l)?.[1]).find(Boolean);
}

async function openInvocation(s: TerminalSession): Promise<void> {
  await waitForList(s);
  s.press('enter');
  await s.waitFor(() => INSTANCES_HEADER.test(s.screen()) && selected(s) !== undefined, 'the instance list');
}

describe('the split in a terminal', () => {
  it('at 160x45 reads each output beside the list, searches in the pane and keeps the search moving on', async () => {
    const { s, linux } = await app({ cols: 160, rows: 45, setup, label: 'split 160x45' });
    await openInvocation(s);
    expect(s.screen()).toContain('▶ instances');
    const first = selected(s)!;
    await s.waitForText(`${first} start`);
    // The output is beside the list, on the same rows.
    const row = s.screenText().find((l) => l.includes(`${first} start`))!;
    expect(row).toContain('│');

    s.press('j');
    await s.waitFor(() => selected(s) !== first, 'the cursor on the next instance');
    const second = selected(s)!;
    await s.waitForText(`${second} start`);
    expect(s.screen()).not.toContain(`${first} start`);

    s.press('tab');
    await s.waitForText('focus: output');
    s.press('/');
    await s.waitForText('search:');
    s.write('error\r');
    await s.waitForText('"error"');
    s.press('tab');
    await s.waitForText('focus: list');
    // Every instance in turn, the search kept: which of them printed ERROR.
    const seen = new Map<string, string>();
    s.press('g');
    await s.waitFor(() => selected(s) === first, 'the first row');
    const n = linux.length;
    for (let k = 0; k < n; k++) {
      const id = selected(s)!;
      const searched = () => s.screen().includes(`${id} start`) && /"error" (1\/1|not found)/.test(s.screen());
      await s.waitFor(searched, `the output of ${id}, searched`);
      seen.set(id, /"error" (1\/1|not found)/.exec(s.screen())![1]);
      if (k === n - 1) break;
      s.press('j');
      await s.waitFor(() => selected(s) !== id, 'the cursor moved on');
    }
    const printed = [...seen].filter(([, v]) => v === '1/1').map(([id]) => id);
    expect(printed).toHaveLength(1);
    // Failed first: the one that printed it is the first row.
    expect(printed[0]).toBe(first);
    expect(seen.size).toBe(n);

    // Narrower and shorter: the drill-down, and Enter opens the output screen.
    s.resize(100, 30);
    await s.waitFor(() => !s.screen().includes('focus:') && INSTANCES_HEADER.test(s.screen()), 'the drill-down at 100x30');
    s.press('enter');
    await s.waitFor(() => /Invocations › t-[0-9a-z]+ › i-/.test(s.screen()), 'the output screen');
  });

  it('at 100x30 is the drill-down; p asks for the stacked split, the output under the list', async () => {
    const { s } = await app({ cols: 100, rows: 30, setup, label: 'split 100x30' });
    await openInvocation(s);
    expect(s.screen()).not.toContain('focus:');
    s.press('p'); // side by side: fits from 100 columns
    await s.waitForText('focus: list');
    s.press('p'); // stacked
    await s.waitFor(() => !(s.screenText().find((l) => INSTANCES_HEADER.test(l)) ?? '│').includes('│'), 'stacked');
    const first = selected(s)!;
    await s.waitForText(`${first} start`);
    const lines = s.screenText();
    expect(lines.findIndex((l) => l.includes(`${first} start`))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('> ')));
  });
});
