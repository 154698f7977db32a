// The built CLI in a real terminal at narrow sizes: what matters stays on screen (the command
// name, `? help` and `q quit`, the follow state) and what gives way is what matters least.
import { describe, expect, it } from 'vitest';
import { INSTANCES_HEADER, LIST_HEADER, appsForEachTest, invocation, listRows, waitForList } from '../helpers/terminalApp.js';

const { app } = appsForEachTest();
const NAME = 'nightly-backup-rotation!';

describe('narrow terminals', () => {
  it('at 60x15 keeps the name whole and "? help  q quit" in the footer; at 80 the breadcrumb keeps "following"', async () => {
    const { s } = await app({
      cols: 60,
      rows: 15,
      label: 'narrow 60x15',
      setup: (emu, clock) => {
        const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
        invocation(emu, clock, { name: NAME, commandContent: 'sleep 600; echo done', instanceIds: [linux[0]], durationMs: 600_000, output: 'working\n' }, 5_000);
      },
    });
    await waitForList(s, 1);
    const lastLine = () => s.screenText().filter((l) => l.trim()).slice(-1)[0]?.trimEnd() ?? '';
    expect(listRows(s)[0].line).toContain(NAME);
    expect(s.screen()).not.toMatch(/TIMED|TYPE/);
    expect(lastLine()).toMatch(/\? help {2}q quit$/);

    s.resize(80, 24);
    await s.waitFor(() => s.screenText().some((l) => LIST_HEADER.test(l) && l.includes('INSTANCES')), 'the list at 80 columns');
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    expect(lastLine()).toMatch(/\? help {2}q quit$/);
    s.press('enter');
    await s.waitFor(() => s.screenText().some((l) => l.includes('following')), 'the output breadcrumb with the follow state');
    const crumb = s.screenText().find((l) => l.includes('following')) as string;
    expect(crumb).toMatch(/› i-[0-9a-z]+(?: \([^)]+\))? {2}.*still growing · following/);
  });
});
