// Where the list's cursor lands: on the newest row while it is there, on its own row (with a
// count of what arrived above) once the user moved away, and on the first match after a filter.
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, seededFixtureForEachTest, selectedLine, T0, type Screen, type UiFixture } from './fixture.js';

const { fx, known } = seededFixtureForEachTest();
let screen: Screen | undefined;

/** Invocations started now that keep running, so the next tick lists them above the others. */
function arrive(f: UiFixture, n: number, name = 'fresh'): string[] {
  return Array.from({ length: n }, (_, k) =>
    f.emu.sim.runCommand({
      name: `${name}-${k}`,
      commandType: 'RunShellScript',
      commandContent: 'uptime',
      instanceIds: [f.instanceIds[k % f.instanceIds.length]],
      durationMs: 60_000,
    }),
  );
}

const titleLine = (frame: string) => frame.split('\n').find((l) => l.includes('Invocations')) ?? '';

describe('new invocations', () => {
  it('keeps the cursor on the first row, the newest, as rows arrive on top', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f)?.includes(known.tail) ?? false, 'with the newest selected');
    fx.clock.advance(1000);
    const [first] = arrive(fx, 1, 'one');
    fx.clock.advance(1000);
    const [second] = arrive(fx, 1, 'two');
    fx.clock.advance(1000);
    await fx.tick();
    const frame = await screen.waitFor((f) => f.includes(first) && f.includes(second), 'with the new rows');
    expect(selectedLine(frame)).toContain(second);
    expect(titleLine(frame)).not.toContain('new');
  });

  it('keeps the row of a cursor moved away, says how many arrived above, and g goes to them', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('jj');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    fx.clock.advance(1000);
    const fresh = arrive(fx, 3);
    fx.clock.advance(1000);
    await fx.tick();
    let frame = await screen.waitFor((f) => fresh.every((id) => f.includes(id)), 'with the new rows');
    expect(selectedLine(frame)).toContain(known.deploy);
    expect(titleLine(frame)).toContain('↑ 3 new');
    // More arrive: the count grows, the cursor stays.
    fx.clock.advance(1000);
    arrive(fx, 1, 'later');
    fx.clock.advance(1000);
    await fx.tick();
    frame = await screen.waitFor((f) => titleLine(f).includes('↑ 4 new'), 'with four new');
    expect(selectedLine(frame)).toContain(known.deploy);
    screen.press('g');
    frame = await screen.waitFor((f) => !titleLine(f).includes('new'), 'without the count after g');
    expect(selectedLine(frame)).toContain('later-0');
  });

  it('ends the count when the cursor walks back to the top', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('j');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.backup) ?? false, 'with backup selected');
    fx.clock.advance(1000);
    const [fresh] = arrive(fx, 1);
    fx.clock.advance(1000);
    await fx.tick();
    await screen.waitFor((f) => titleLine(f).includes('↑ 1 new'), 'with one new');
    // backup is now the third row: two steps up reach the top.
    screen.press('kk');
    const frame = await screen.waitFor((f) => selectedLine(f)?.includes(fresh) ?? false, 'at the top');
    expect(titleLine(frame)).not.toContain('new');
  });
});

describe('after a filter or a status change', () => {
  /** tail, apt-0 (newest apt), backup, deploy, other, apt-1 .. apt-4, newest first. */
  function seedApt(f: UiFixture): { apt: string[]; other: string } {
    const [a] = f.instanceIds;
    const run = (name: string, minutesAgo: number) =>
      f.emu.sim.runCommandAt(
        { name, commandType: 'RunShellScript', commandContent: 'true', instanceIds: [a], outcome: 'Success', output: 'ok\n', pendingMs: 100, durationMs: 1000 },
        T0 - minutesAgo * 60_000,
      );
    const apt = [run('apt-upgrade-0', 3)];
    const other = run('kernel-check', 20);
    for (let k = 1; k <= 4; k++) apt.push(run(`apt-upgrade-${k}`, 20 + 10 * k));
    return { apt, other };
  }

  it('lands on the newest match after j j j j then /apt', async () => {
    const { apt, other } = seedApt(fx);
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(apt[4]), 'with every row');
    screen.press('jjjj');
    await screen.waitFor((f) => selectedLine(f)?.includes(other) ?? false, 'on the fifth row');
    screen.press('/');
    await screen.waitFor((f) => f.includes('Esc clear'), 'with the prompt');
    screen.press('apt');
    screen.press(KEY.enter);
    const frame = await screen.waitFor((f) => f.includes('filter: "apt"') && !f.includes(known.tail), 'filtered');
    expect(selectedLine(frame)).toContain(apt[0]);
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes(`Invocations › ${apt[0]}`), 'with the newest apt run open');
  });

  it('stays on the same invocation when it still matches', async () => {
    const { apt } = seedApt(fx);
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(apt[4]), 'with every row');
    // The sixth row: apt-upgrade-1.
    screen.press('jjjjj');
    await screen.waitFor((f) => selectedLine(f)?.includes(apt[1]) ?? false, 'on apt-upgrade-1');
    screen.press('/');
    await screen.waitFor((f) => f.includes('Esc clear'), 'with the prompt');
    screen.press('apt');
    screen.press(KEY.enter);
    let frame = await screen.waitFor((f) => f.includes('filter: "apt"') && !f.includes(known.tail), 'filtered');
    expect(selectedLine(frame)).toContain(apt[1]);
    // s: active, then failed: nothing of apt matches (empty lists); then succeeded: apt-upgrade-1
    // matches again and the cursor is still on it, not on the first row.
    screen.press('s');
    frame = await screen.waitFor((f) => f.includes('status: active'), 'active');
    expect(selectedLine(frame)).toBeUndefined();
    screen.press('ss');
    frame = await screen.waitFor((f) => f.includes('status: succeeded'), 'succeeded');
    expect(selectedLine(frame)).toContain(apt[1]);
    expect(selectedLine(frame)).not.toContain(apt[0]);
  });

  it('goes to the first match on a status change when its row is filtered out', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('jj');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    screen.press('ss');
    const frame = await screen.waitFor((f) => f.includes('status: failed'), 'failed');
    expect(selectedLine(frame)).toContain(known.backup);
  });
});
