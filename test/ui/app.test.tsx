import { describe, expect, it } from 'vitest';
import { KEY, lineWith, renderApp, restartFixture, seededFixtureForEachTest, selectedLine, type Screen } from './fixture.js';

const { fx, known } = seededFixtureForEachTest();
let screen: Screen | undefined;

describe('the invocations list', () => {
  it('shows the emulator invocations with their statuses, newest first', async () => {
    screen = renderApp(fx);
    await fx.tick();
    const frame = await screen.waitFor((f) => f.includes(known.deploy), 'with the seeded invocations');
    expect(lineWith(frame, known.tail)).toMatch(/Running/);
    expect(lineWith(frame, known.tail)).toContain('tail-log');
    expect(lineWith(frame, known.backup)).toMatch(/PartialFailed/);
    expect(lineWith(frame, known.backup)).toContain('1✓ 1✗');
    expect(lineWith(frame, known.deploy)).toMatch(/Success/);
    expect(lineWith(frame, known.deploy)).toContain('3✓');
    const lines = frame.split('\n');
    const at = (id: string) => lines.findIndex((l) => l.includes(id));
    expect(at(known.tail)).toBeLessThan(at(known.backup));
    expect(at(known.backup)).toBeLessThan(at(known.deploy));
    // The newest is selected first.
    expect(selectedLine(frame)).toContain(known.tail);
    expect(frame).toContain('Running 1');
    expect(frame).toContain('● live');
  });
});

describe('navigation', () => {
  it('drills down Invocations -> Invocation -> Output and comes back to the same rows', async () => {
    screen = renderApp(fx, { columns: 160 });
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f)?.includes(known.tail) ?? false, 'with tail selected');
    screen.press('j');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.backup) ?? false, 'with backup selected');
    screen.press(KEY.enter);
    let frame = await screen.waitFor((f) => f.includes(`Invocations › ${known.backup}`), 'of the invocation');
    const [a, b] = fx.instanceIds;
    expect(frame).toContain('backup-db');
    expect(frame).toContain('pg_dump app > /backup/app.sql');
    expect(lineWith(frame, a)).toMatch(/Success\s+0/);
    expect(lineWith(frame, b)).toMatch(/Failed\s+2 ExitCodeNonzero: the command execution exit code is not zero/);

    // Failed first: the failed instance is the first row, selected.
    await screen.waitFor((f) => selectedLine(f)?.includes(b) ?? false, 'with the failed instance selected');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes(`› ${b}`), 'of the output screen');
    await fx.poller.idle();
    await fx.tick();
    frame = await screen.waitFor((f) => f.includes('dump failed: disk full'), 'with the decoded output');
    expect(frame).toMatch(/Failed · exit 2/);
    expect(frame).toContain('complete');

    screen.press(KEY.esc);
    frame = await screen.waitFor((f) => f.includes('INSTANCE ID'), 'back on the invocation');
    expect(selectedLine(frame)).toContain(b);
    screen.press('h');
    frame = await screen.waitFor((f) => f.includes('INVOKE ID'), 'back on the list');
    expect(selectedLine(frame)).toContain(known.backup);
  });

  it('handles keys that arrive together as one chunk, each in the screen it lands on', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    // Two moves, open, then a move on the invocation screen: one chunk, as a fast typist sends it.
    screen.press('jj\rj');
    // Frames come as each key lands: wait for the one the last key leads to.
    const onDeploy = (f: string) => f.includes(`Invocations › ${known.deploy}`) && selectedLine(f) !== undefined;
    const frame = await screen.waitFor((f) => onDeploy(f) && !selectedLine(f)!.includes(fx.instanceIds[0]), 'of deploy, moved');
    expect(selectedLine(frame)).toContain(fx.instanceIds[1]);
  });

  it('opens the command content on c and closes it on Esc', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('G');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    screen.press('c');
    const frame = await screen.waitFor((f) => f.includes('command content'), 'of the content');
    expect(frame).toContain('systemctl restart nginx');
    expect(frame).toMatch(/1 #!\/bin\/bash/);
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('INVOKE ID'), 'back on the list');
  });
});

describe('filters', () => {
  it('narrows the list by text as it is typed; Esc in the prompt clears it', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('/');
    await screen.waitFor((f) => f.includes('filter:'), 'with the prompt');
    screen.press('deploy');
    let frame = await screen.waitFor((f) => !f.includes(known.tail), 'narrowed');
    expect(frame).toContain(known.deploy);
    expect(frame).not.toContain(known.backup);
    screen.press(KEY.enter);
    frame = await screen.waitFor((f) => f.includes('1 of 3 loaded'), 'with the count');
    expect(frame).toContain('filter: "deploy"');
    screen.press('/');
    await screen.waitFor((f) => f.includes('Esc clear'), 'with the prompt again');
    screen.press(KEY.esc);
    frame = await screen.waitFor((f) => f.includes(known.tail) && f.includes(known.backup), 'unfiltered');
    expect(frame).toContain('3 loaded');
  });

  it('cycles the status filter over what is loaded', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    const only = async (id: string, note: string) => {
      const frame = await screen!.waitFor((f) => f.includes(note), `with ${note}`);
      for (const other of [known.deploy, known.backup, known.tail]) {
        if (other === id) expect(frame).toContain(other);
        else expect(frame).not.toContain(other);
      }
    };
    screen.press('s');
    await only(known.tail, 'status: active');
    screen.press('s');
    await only(known.backup, 'status: failed');
    screen.press('s');
    await only(known.deploy, 'status: succeeded');
    screen.press('s');
    await only('', 'status: stopped');
    screen.press('s');
    const frame = await screen.waitFor((f) => !f.includes('status: '), 'with all');
    expect(frame).toContain(known.tail);
  });
});

describe('live updates', () => {
  it('shows a status change in the emulator after the next tick', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => /Running/.test(lineWith(f, known.tail) ?? ''), 'with tail running');
    fx.clock.advance(31 * 60_000);
    await fx.tick();
    const frame = await screen.waitFor((f) => /Success/.test(lineWith(f, known.tail) ?? ''), 'with tail finished');
    expect(lineWith(frame, known.tail)).toContain('1✓');
  });

  it('keeps the cursor on the row being read when new invocations arrive on top', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('j');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.backup) ?? false, 'with backup selected');
    const fresh = [0, 1, 2].map((k) =>
      fx.emu.sim.runCommand({
        name: `fresh-${k}`,
        commandType: 'RunShellScript',
        commandContent: 'uptime',
        instanceIds: [fx.instanceIds[k]],
        durationMs: 60_000,
      }),
    );
    fx.clock.advance(2000);
    await fx.tick();
    const frame = await screen.waitFor((f) => fresh.every((id) => f.includes(id)), 'with the new invocations');
    expect(selectedLine(frame)).toContain(known.backup);
    const lines = frame.split('\n');
    expect(lines.findIndex((l) => l.includes(fresh[0]))).toBeLessThan(lines.findIndex((l) => l.includes(known.tail)));
  });

  it('loads more history when the cursor reaches the end of what is loaded', async () => {
    await restartFixture(fx, { history: 20, pageSize: 20 });
    fx.emu.sim.seedHistory(70);
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes('20 loaded'), 'with the first page');
    screen.press('G');
    await fx.poller.idle();
    await screen.waitFor((f) => f.includes('40 loaded'), 'with the next page');
  });
});

describe('overlays and keys', () => {
  it('lists the bindings in the help, each key written out', async () => {
    screen = renderApp(fx, { rows: 60 });
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('?');
    const frame = await screen.waitFor((f) => f.includes('Esc or ? closes'), 'of the help');
    for (const text of [
      'j, ↓',
      'move down',
      'Esc, h, ←, Backspace',
      'back (on a filtered list: clear the filter first)',
      'cycle status filter: all, active, failed, succeeded, stopped',
      'save the shown output to a file',
      'confirm (any other key cancels)',
      'delete the last character',
    ]) {
      expect(frame).toContain(text);
    }
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('INVOKE ID'), 'back on the list');
  });

  it('asks before stopping, and stops on y', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f)?.includes(known.tail) ?? false, 'with tail selected');
    screen.press('x');
    let frame = await screen.waitFor((f) => f.includes(`Stop invocation ${known.tail}?`), 'of the confirm');
    expect(frame).toContain('y to confirm');
    screen.press('n');
    await screen.waitFor((f) => f.includes('not stopped'), 'cancelled');
    expect(fx.emu.sim.get(known.tail)?.status).toBe('Running');
    screen.press('x');
    await screen.waitFor((f) => f.includes('y to confirm'), 'of the confirm again');
    screen.press('y');
    frame = await screen.waitFor((f) => f.includes(`stop requested for ${known.tail}`), 'stopped');
    await fx.poller.idle();
    expect(['Stopping', 'Stopped']).toContain(fx.emu.sim.get(known.tail)?.status);
  });

  it('refuses to stop in read-only mode', async () => {
    screen = renderApp(fx, { readOnly: true });
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.tail), 'with rows');
    screen.press('x');
    await screen.waitFor((f) => f.includes('read-only mode: stopping invocations is disabled'), 'refused');
    expect(fx.emu.sim.get(known.tail)?.status).toBe('Running');
  });

  it('quits on q and on ctrl-c', async () => {
    screen = renderApp(fx);
    screen.press('q');
    await screen.waitFor(() => screen!.exits.length > 0, 'after q');
    expect(screen.exits).toEqual([0]);
    screen.unmount();
    screen = renderApp(fx);
    screen.press(KEY.ctrlC);
    await screen.waitFor(() => screen!.exits.length > 0, 'after ctrl-c');
    expect(screen.exits).toEqual([0]);
  });
});

describe('more keys', () => {
  it('refreshes now on r', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    const fresh = fx.emu.sim.runCommand({
      name: 'fresh-one',
      commandType: 'RunShellScript',
      commandContent: 'uptime',
      instanceIds: [fx.instanceIds[0]],
      durationMs: 60_000,
    });
    screen.press('r');
    await fx.poller.idle();
    await screen.waitFor((f) => f.includes(fresh), 'with the new invocation');
  });

  it('switches timestamps between relative and absolute on t', async () => {
    screen = renderApp(fx);
    await fx.tick();
    let frame = await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    expect(frame.split('\n').find((l) => l.includes(known.deploy))).toContain('10 minutes ago');
    screen.press('t');
    frame = await screen.waitFor((f) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(f), 'absolute');
    // In UTC, saying so, whole in its column.
    expect(frame.split('\n').find((l) => l.includes(known.deploy))).toMatch(/ 2026-11-28 08:\d\d:\d\dZ /);
    expect(frame.split('\n').find((l) => l.includes(known.deploy))).not.toContain('ago');
    screen.press('t');
    await screen.waitFor((f) => f.includes('10 minutes ago'), 'relative again');
  });
});
