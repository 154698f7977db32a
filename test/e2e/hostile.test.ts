// Output and names from the network that try to drive the terminal (title, clipboard, hyperlinks,
// screen clears, cursor moves, DCS/APC/PM, C1 controls) reach the screen as inert text. What the
// program sends is observed through the headless terminal's parser hooks: no OSC at all, no cursor
// positioning but the app's own "home" at the start of each frame, no save/restore, no clears.
import { describe, expect, it } from 'vitest';
import { HOSTILE_OUTPUT } from '../../src/emulator/index.js';
import { INSTANCES_HEADER, OUTPUT_CRUMB, appsForEachTest, invocation, listRows, waitForList } from '../helpers/terminalApp.js';
import type { TerminalSession } from '../helpers/terminal.js';

const { app } = appsForEachTest();

const ESC = '\u001b';
const BEL = '\u0007';
/** A command name and content that try the same tricks as the output. */
const HOSTILE_NAME = `evil${ESC}]0;name title${BEL}${ESC}[2J${ESC}[1;1Hname`;

/** Cursor and screen operations the app itself never sends (Ink writes home, next-line, column 1, erase line). */
const FORBIDDEN_CSI = ['A', 'B', 'C', 'D', 'f', 'd', 'J', 'r', 's', 'u', 'S', 'T', 'L', 'M', 'P', '@', 'X'];

function expectInert(s: TerminalSession): void {
  // Nothing set the title, the clipboard, a hyperlink or any other OSC state.
  expect(s.effects.osc).toEqual([]);
  expect(s.effects.titles).toEqual([]);
  expect(s.effects.dcs).toEqual([]);
  expect(s.effects.bells).toBe(0);
  // No cursor save/restore, index or reset by ESC sequences.
  expect(s.effects.esc).toEqual([]);
  // Cursor positioning: only "home" (the app's frame starts at the top row); nothing else moved it.
  expect(s.effects.csi.filter((c) => FORBIDDEN_CSI.includes(c.seq))).toEqual([]);
  for (const c of s.effects.csi.filter((c) => c.seq === 'H')) expect(c.params.every((p) => p === 0 || p === 1)).toBe(true);
  // And in the raw stream: no OSC, DCS, APC, PM introducer, no 8-bit C1 controls, no BEL.
  for (const bad of [`${ESC}]`, `${ESC}P`, `${ESC}_`, `${ESC}^`, '\u009b', '\u0090', '\u009c', '\u009d', BEL]) {
    expect(s.raw.includes(bad), `raw output contains ${JSON.stringify(bad)}`).toBe(false);
  }
}

describe('hostile text', () => {
  it('renders the hostile output and names as inert text, in place, with nothing applied', async () => {
    const { s } = await app({
      setup: (emu, clock) => {
        const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
        invocation(emu, clock, { name: 'plain-job', commandContent: 'true', instanceIds: linux.slice(0, 1), outcome: 'Success' }, 600_000);
        invocation(
          emu,
          clock,
          { name: HOSTILE_NAME, commandContent: `echo ${ESC}]52;c;ZXZpbA==${BEL}`, instanceIds: linux.slice(0, 1), outcome: 'Success', output: HOSTILE_OUTPUT },
          60_000,
        );
      },
      label: 'hostile output',
    });
    await waitForList(s, 2);
    const header = s.screenText()[0];
    expect(header).toMatch(/^catop · region/);
    // The name shows as text on its own row; the other row is untouched.
    expect(listRows(s)[0].line).toMatch(/evil.*name/);
    expect(listRows(s)[1].line).toContain('plain-job');

    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    s.press('enter');
    await s.waitForText(OUTPUT_CRUMB);
    await s.waitForText(/^\s+done$/m);

    const lines = s.screenText();
    const row = (text: string) => lines.findIndex((l) => l.includes(text));
    // Every line of the output is there, in order, one per row, starting at the pager's margin.
    const expected = ['starting maintenance job', 'clipboard was set', 'title was set', 'click me (hyperlink)', 'red after clear', 'cursor moved up', 'password: hunter2', 'progress: 100%', 'bidi:', 'zero', 'C1 CSI and', 'DCS, ', '中文输出', 'tab', 'done'];
    const rows = expected.map(row);
    expect(rows.every((r) => r > 0), `rows ${JSON.stringify(rows)}\n${s.dump()}`).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i]).toBe(rows[i - 1] + 1);
    expect(lines[row('cursor moved up')].indexOf('cursor moved up')).toBe(2);
    // The screen clear did not clear: the header and breadcrumb are still on top.
    expect(lines[0]).toBe(header);
    // Controls are shown, not applied: backspaces in caret notation keep the password visible,
    // the bidi override is named, not obeyed.
    expect(lines[row('password:')]).toContain('hunter2^H');
    expect(lines[row('bidi:')]).toContain('<U+202E>evil.exe');
    // Wide characters take two cells each.
    const cjk = row('中文输出');
    const x = lines[cjk].indexOf('中');
    expect(s.cell(x, cjk)?.getChars()).toBe('中');
    expect(s.cell(x, cjk)?.getWidth()).toBe(2);
    expect(s.cell(x + 2, cjk)?.getChars()).toBe('文');
    expectInert(s);

    // The raw view spells every control out, and still applies none.
    s.press('v');
    await s.waitForText(/· raw/);
    await s.waitForText('^[');
    expect(s.screen()).toContain('pwned title');
    expectInert(s);

    // The command content: the clipboard sequence is removed, payload and all; the raw view
    // spells it out.
    s.press('c');
    await s.waitForText(/› command content/);
    await s.waitForText(/^\s+1 echo\s*$/m);
    expect(s.screen()).not.toContain('ZXZpbA==');
    s.press('v');
    await s.waitForText('ZXZpbA==');
    expectInert(s);
  });
});
