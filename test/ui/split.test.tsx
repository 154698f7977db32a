// The split: the instance list and the output of the instance under the cursor, in
// the App against the emulator on loopback through the real client and poller, on a FakeClock
// (the pause before an output is asked for is the clock's, so no test sleeps).
import { describe, expect, it } from 'vitest';
import { REST_MS } from '../../src/ui/screens/split/useRestingDemand.js';
import { KEY, T0, fixtureForEachTest, lineWith, renderApp, selectedLine, type Screen } from './fixture.js';

const fx = fixtureForEachTest();

/** One finished run on every Linux instance: odd ones fail and print an ERROR line. */
function runOnAll(): void {
  fx.emu.sim.runCommandAt(
    {
      name: 'check-disks',
      commandType: 'RunShellScript',
      commandContent: 'df -h',
      instanceIds: fx.instanceIds,
      outcome: fx.instanceIds.map((id) =>
        fx.instanceIds.indexOf(id) % 2 === 1
          ? { status: 'Failed', exitCode: 3, errorCode: 'ExitCodeNonzero', output: `${id} start\n${id} ERROR disk full\n${id} end\n` }
          : { status: 'Success', output: `${id} start\n${id} all fine\n${id} end\n` },
      ),
      pendingMs: 100,
      durationMs: 1000,
    },
    T0 - 60_000,
  );
}

/** Polling started, as in the live app: a new demand runs its job at once. */
async function openInvocation(s: Screen): Promise<string> {
  fx.poller.start();
  await fx.poller.idle();
  await s.waitFor((f) => f.includes('INVOKE ID') && selectedLine(f) !== undefined, 'with rows');
  s.press(KEY.enter);
  const frame = await s.waitFor((f) => f.includes('EXIT') && selectedLine(f) !== undefined, 'of the invocation');
  await fx.poller.idle();
  return frame;
}

/** The instance the output pane shows (its title: id and name, status, exit code). */
function selectedId(frame: string): string {
  return /(i-[0-9a-z]{10,})[^·]*· \S+ · exit /.exec(frame)?.[1] ?? '';
}

/** The list's header line (NAME once names arrive, INSTANCE ID before). */
const header = (frame: string) => lineWith(frame, 'STATUS     EXIT') ?? '';

/** Lets the cursor rest: the pause passes and what it asked for is fetched. */
async function rest(): Promise<void> {
  fx.clock.advance(REST_MS);
  await fx.poller.idle();
}

describe('the split', () => {
  it('asks for the output of the row the cursor rests on only after the pause, one call for a run of keys, none for a cached one', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    let frame = await openInvocation(screen);
    const first = selectedId(frame);
    expect(frame).toContain('▶ instances');
    expect(lineWith(frame, '▶ instances')).toContain('│');
    expect(frame).toContain('loading output…');

    const before = fx.emu.requestCount();
    fx.clock.advance(REST_MS - 1);
    await fx.poller.idle();
    expect(fx.emu.requestCount()).toBe(before);
    await rest();
    expect(fx.emu.requestCount()).toBe(before + 1);
    frame = await screen.waitFor((f) => f.includes(`${first} start`), 'with the first output in the pane');
    expect(lineWith(frame, `${first} start`)).toContain('│');

    // Three moves without a pause between them: no call; the row it stops on: one.
    for (let k = 0; k < 3; k++) {
      const was = selectedId(screen.lastFrame());
      screen.press('j');
      frame = await screen.waitFor((f) => selectedId(f) !== was, 'with the cursor moved');
      await fx.poller.idle();
    }
    expect(fx.emu.requestCount()).toBe(before + 1);
    const fourth = selectedId(frame);
    await rest();
    expect(fx.emu.requestCount()).toBe(before + 2);
    await screen.waitFor((f) => f.includes(`${fourth} start`), 'with the fourth output');

    // Back on the first row: its output (complete, cached) shows at once, and costs nothing.
    screen.press('g');
    frame = await screen.waitFor((f) => selectedId(f) === first && f.includes(`${first} start`), 'with the cached output at once');
    await rest();
    expect(fx.emu.requestCount()).toBe(before + 2);
  });

  it('routes keys to the focused pane: Tab, search in the output, Tab back, j moves on with the search kept', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    let frame = await openInvocation(screen);
    const first = selectedId(frame);
    await rest();
    await screen.waitFor((f) => f.includes(`${first} start`), 'with the output');

    screen.press('\t');
    frame = await screen.waitFor((f) => f.includes('focus: output'), 'with the focus on the output');
    expect(frame).toContain(`▶ ${first}`);
    // The footer names the output's keys now.
    expect(frame).toMatch(/f follow {2}w wrap {2}\/ search/);
    expect(frame).not.toContain('▶ instances');
    // j scrolls the output, not the list.
    screen.press('#');
    frame = await screen.waitFor((f) => f.includes(`1 ${first} start`), 'with line numbers in the pane');
    expect(selectedId(frame)).toBe(first);
    screen.press('/');
    await screen.waitFor((f) => f.includes('search:'), 'with the search prompt');
    screen.press('error\r');
    frame = await screen.waitFor((f) => f.includes('"error" 1/1') || f.includes('"error" not found'), 'with the search applied');

    // Back to the list: j moves the cursor; the pane keeps the search on the next instance.
    screen.press('\t');
    await screen.waitFor((f) => f.includes('focus: list'), 'with the focus on the list');
    screen.press('j');
    frame = await screen.waitFor((f) => selectedId(f) !== first, 'on the next instance');
    const second = selectedId(frame);
    await rest();
    frame = await screen.waitFor((f) => f.includes(`${second} start`), 'with its output');
    const failed = lineWith(frame, `${second} ERROR`);
    if (failed) {
      expect(frame).toContain('"error" 1/1');
      expect(failed).toMatch(/▸/);
    } else expect(frame).toContain('"error" not found');
    // Esc in the output pane gives the keys back to the list; Enter there opens the output screen.
    screen.press('\t');
    await screen.waitFor((f) => f.includes('focus: output'), 'in the output again');
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('focus: list'), 'Esc back in the list');
    screen.press(KEY.enter);
    frame = await screen.waitFor((f) => !f.includes('STATUS     EXIT') && f.includes(`› ${second}`), 'on the output screen');
  });

  it('J and K in the output pane move the list\'s cursor and keep the keys in the pane', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    let frame = await openInvocation(screen);
    const first = selectedId(frame);
    screen.press('\t');
    await screen.waitFor((f) => f.includes('focus: output'), 'with the focus on the output');
    screen.press('J');
    frame = await screen.waitFor((f) => selectedId(f) !== first && selectedId(f) !== '', 'on the next instance');
    const second = selectedId(frame);
    expect(frame).toContain('focus: output');
    await rest();
    await screen.waitFor((f) => f.includes(`${second} start`), 'with its output');
    screen.press('K');
    frame = await screen.waitFor((f) => selectedId(f) === first, 'back on the first');
    expect(frame).toContain('focus: output');
    // At the top K stays there.
    screen.press('K');
    await rest();
    screen.press('#');
    frame = await screen.waitFor((f) => f.includes(`1 ${first} start`), 'with line numbers in the pane');
    expect(selectedId(frame)).toBe(first);
  });

  it('cycles with p: side by side, stacked, off, auto; says in the help which pane has the keys', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    let frame = await openInvocation(screen);
    screen.press('?');
    frame = await screen.waitFor((f) => f.includes('Keys'), 'with the help');
    expect(frame).toContain('the list pane has the keys');
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('EXIT'), 'without the help');

    screen.press('p'); // side by side, asked for
    frame = await screen.waitFor((f) => f.includes('focus: list'), 'side by side');
    expect(header(frame)).toContain('│');
    screen.press('p'); // stacked: the pane under the list, no rule
    frame = await screen.waitFor((f) => f.includes('focus: list') && !header(f).includes('│'), 'stacked');
    const lines = frame.split('\n');
    const list = lines.findIndex((l) => l.includes('▶ instances'));
    const pane = lines.findIndex((l) => l.startsWith('  i-') && l.includes(' · exit '));
    expect(pane).toBeGreaterThan(list + 3);
    screen.press('p'); // off: today's drill-down
    frame = await screen.waitFor((f) => f.includes('EXIT') && !f.includes('focus:'), 'without the split');
    expect(frame).not.toContain('▶ instances');
    screen.press('p'); // auto again: wide enough for side by side
    frame = await screen.waitFor((f) => f.includes('focus: list'), 'auto');
    expect(header(frame)).toContain('│');
  });

  it('falls back to the drill-down at 100x30, stacks at 120x45, and follows a resize', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 100, rows: 30, split: 'auto' });
    let frame = await openInvocation(screen);
    expect(frame).not.toContain('focus:');
    await rest();
    expect(frame).not.toContain(' start');
    screen.resize(120, 45);
    frame = await screen.waitFor((f) => f.includes('focus: list'), 'stacked when tall');
    expect(header(frame)).not.toContain('│');
    screen.resize(200, 60);
    frame = await screen.waitFor((f) => f.includes('focus: list') && header(f).includes('│'), 'side by side when wide');
    screen.resize(100, 30);
    await screen.waitFor((f) => f.includes('EXIT') && !f.includes('focus:'), 'the drill-down again');
  });

  it('draws the pane with the output screen\'s pager: the same lines for the same numbers and search', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    const first = selectedId(await openInvocation(screen));
    screen.press('j'); // the second failed one, with an ERROR line
    let frame = await screen.waitFor((f) => ![first, ''].includes(selectedId(f)), 'moved');
    await rest();
    const id = selectedId(frame);
    await screen.waitFor((f) => f.includes(`${id} ERROR`), 'with its output');
    const keys = async () => {
      screen.press('#');
      await screen.waitFor((f) => f.includes(`1 ${id} start`), 'with line numbers');
      screen.press('/');
      await screen.waitFor((f) => f.includes('search:'), 'with the search prompt');
      screen.press('error\r');
      return screen.waitFor((f) => f.includes('"error" 1/1'), 'on the match');
    };
    screen.press('\t');
    await screen.waitFor((f) => f.includes('focus: output'), 'in the pane');
    frame = await keys();
    const inPane = lineWith(frame, `${id} ERROR`)!.split('│')[1];
    screen.press('\t');
    await screen.waitFor((f) => f.includes('focus: list'), 'in the list');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes(`› ${id}`) && f.includes(`${id} ERROR`), 'on the output screen');
    frame = await keys();
    const onScreen = lineWith(frame, `${id} ERROR`)!;
    expect(inPane).toMatch(/^▸ 2 i-\S+ ERROR disk full/);
    expect(onScreen.trimEnd()).toBe(inPane.trimEnd());
  });

  it('in the groups view (b) shows the output of a member of the group under the cursor', async () => {
    runOnAll();
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    await openInvocation(screen);
    screen.press('b');
    let frame = await screen.waitFor((f) => f.includes('▶ groups') && f.includes('COUNT'), 'the groups beside the pane');
    await rest();
    frame = await screen.waitFor((f) => / start$/m.test(f.split('\n').map((l) => l.split('│')[1] ?? '').join('\n')), 'a member\'s output');
    const failedGroup = selectedLine(frame)!;
    const member = selectedId(frame);
    expect(failedGroup).toMatch(/Failed/);
    expect(frame).toContain(`${member} ERROR disk full`);
    screen.press('j');
    frame = await screen.waitFor((f) => selectedId(f) !== member && selectedId(f) !== '', 'the next group');
    const other = selectedId(frame);
    await rest();
    frame = await screen.waitFor((f) => f.includes(`${other} all fine`), 'its member\'s output');
    expect(selectedLine(frame)).toMatch(/Success/);
    // Tab works here too: the pane takes the keys, Tab gives them back to the groups.
    screen.press('\t');
    frame = await screen.waitFor((f) => f.includes(`▶ ${other}`), 'the pane focused');
    expect(frame).not.toContain('▶ groups');
    screen.press('\t');
    await screen.waitFor((f) => f.includes('▶ groups'), 'the groups focused');
  });

  it('names the cut in the pane header when the service kept only the first 24 KB, and G shows the mark', async () => {
    const big = Array.from({ length: 2000 }, (_, i) => `line ${String(i).padStart(4, '0')} ${'-'.repeat(12)}`).join('\n') + '\n';
    fx.emu.sim.runCommandAt(
      { name: 'big', commandType: 'RunShellScript', commandContent: 'seq', instanceIds: [fx.instanceIds[0]], outcome: 'Success', output: big, pendingMs: 100, durationMs: 1000 },
      T0 - 60_000,
    );
    const screen = renderApp(fx, { columns: 160, rows: 45, split: 'auto' });
    await openInvocation(screen);
    await rest();
    let frame = await screen.waitFor((f) => f.includes('cut: the service kept the first 24 KB'), 'with the cut named');
    expect(lineWith(frame, 'cut: the service kept')).toContain('lines 1-');
    screen.press('\t');
    await screen.waitFor((f) => f.includes('focus: output'), 'in the pane');
    screen.press('G');
    frame = await screen.waitFor((f) => /bytes dropped by the service/.test(f), 'at the mark');
    expect(lineWith(frame, 'bytes dropped by the service')).toMatch(/│ {2}… [\d,]+ bytes dropped by the service \(24 KB limit\)/);
  });
});
