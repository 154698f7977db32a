// Two regions in one view, in a pseudo-terminal: the REGION column, a drill-down in the second
// region, per-region states in the header and its error in the footer while one region is
// throttled, and the column giving way at a narrow width.
import { describe, expect, it } from 'vitest';
import { INSTANCES_HEADER, LIST_HEADER, appsForEachTest, listRows, waitForList } from '../helpers/terminalApp.js';

const { app } = appsForEachTest();
const REGIONS = ['--region', 'cn-hangzhou,cn-shanghai'];

describe('several regions', () => {
  it('lists both regions newest first with a REGION column; one region throttled says so while the other updates', async () => {
    let hz = '';
    let sh = '';
    const { s, emu, clock } = await app({
      emulator: { moreRegions: ['cn-shanghai'] },
      args: REGIONS,
      setup: (emu, clock) => {
        hz = emu.sim.runCommandAt({ name: 'hz-job', commandContent: 'true', outcome: 'Success', pendingMs: 0, durationMs: 100 }, clock.now() - 20_000);
        const shanghai = emu.simFor('cn-shanghai')!;
        sh = shanghai.runCommandAt({ name: 'sh-job', commandContent: 'true', instanceIds: [shanghai.fleet[0].instanceId], outcome: 'Success', pendingMs: 0, durationMs: 100 }, clock.now() - 10_000);
      },
      label: 'two regions',
    });
    await waitForList(s, 2);
    expect(s.screen()).toMatch(/STATUS\s+INVOKE ID\s+COMMAND NAME\s+REGION\s+TYPE/);
    expect(listRows(s).map((r) => r.invokeId)).toEqual([sh, hz]);
    expect(s.screen()).toMatch(new RegExp(`${sh}\\s+sh-job\\s+cn-shanghai`));
    expect(s.screen()).toMatch(new RegExp(`${hz}\\s+hz-job\\s+cn-hangzhou`));
    await s.waitForText(/by region: cn-hangzhou 1 \(api \d+\/min\) · cn-shanghai 1 \(api \d+\/min\)/);
    await s.waitForText(/● cn-hangzhou, cn-shanghai live/);

    // The Shanghai invocation opens with its Shanghai instance.
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    await s.waitForText(emu.simFor('cn-shanghai')!.fleet[0].instanceId);
    s.press('esc');
    await s.waitForText(LIST_HEADER);

    emu.setFaults({ regions: { 'cn-shanghai': { throttle: 1 } } });
    // Trouble first: the line is cut at the terminal's width.
    await s.waitForText(/● cn-shanghai throttled, retrying in \d+ s · cn-hangzhou live/);
    const fresh = emu.sim.runCommand({ name: 'fresh-hz', commandContent: 'true', outcome: 'Success', pendingMs: 0, durationMs: 100 });
    clock.advance(1_000);
    await s.waitForText(new RegExp(`${fresh}\\s+fresh-hz\\s+cn-hangzhou`));
    expect(s.screen()).toMatch(/● cn-shanghai throttled, retrying in \d+ s · cn-hangzhou live/);
    // The footer gives the error in full, named by its region, though the other region answers.
    await s.waitForText(/cn-shanghai: Throttling\.User: Request was denied/);
    emu.setFaults({});
    clock.advance(30_000);
    await s.waitForText(/● cn-hangzhou, cn-shanghai live/);
    await s.waitForNoText(/Throttling/);
  });

  it('gives the REGION column up at a narrow width; one region shows none', async () => {
    const narrow = await app({ emulator: { moreRegions: ['cn-shanghai'] }, args: REGIONS, cols: 60, setup: (emu, clock) => void emu.sim.runCommandAt({ name: 'n', commandContent: 'true' }, clock.now() - 5_000) });
    await waitForList(narrow.s, 1);
    expect(narrow.s.screen()).not.toMatch(/REGION/);
    expect(narrow.s.screen()).toMatch(/regions cn-hangzhou,cn-shanghai/);

    const single = await app({ setup: (emu, clock) => void emu.sim.runCommandAt({ name: 'one', commandContent: 'true' }, clock.now() - 5_000) });
    await waitForList(single.s, 1);
    expect(single.s.screen()).not.toMatch(/REGION|by region/);
    expect(single.s.screen()).toMatch(/region cn-hangzhou/);
  });
});
