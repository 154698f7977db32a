// Strings from the network never reach Ink raw: command names, parameters, error text, output and
// command content full of escape sequences and controls render as inert text.
import { describe, expect, it } from 'vitest';
import { HOSTILE_OUTPUT } from '../../src/emulator/index.js';
import { KEY, T0, fixtureForEachTest, renderApp, selectedLine, type Screen } from './fixture.js';

const fx = fixtureForEachTest();
let screen: Screen | undefined;

/** Anything but plain SGR (which Ink itself writes for bold/inverse) or a byte no terminal should see raw. */
function unsafe(frame: string): string[] {
  const found: string[] = [];
  const withoutSgr = frame.replace(/\u001b\[[\d;]*m/g, '');
  for (const ch of withoutSgr) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) found.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  return found;
}

describe('hostile strings', () => {
  it('show as inert text on every screen', async () => {
    const text = Array.isArray(HOSTILE_OUTPUT) ? HOSTILE_OUTPUT.join('\n') : String(HOSTILE_OUTPUT);
    const evilName = 'evil\u001b]52;c;aGFjaw==\u0007name\u009b2J\u001b[1A';
    fx.emu.sim.runCommandAt(
      {
        name: evilName,
        commandType: 'RunShellScript',
        commandContent: `echo hi\n${text}`,
        parameters: { key: 'v\u001b]0;title\u0007al' },
        instanceIds: [fx.instanceIds[0]],
        outcome: 'Success',
        output: text,
        pendingMs: 100,
        durationMs: 1000,
      },
      T0 - 60_000,
    );
    screen = renderApp(fx, { columns: 160, rows: 40 });
    await fx.tick();
    let frame = await screen.waitFor((f) => f.includes('evil'), 'with the evil name');
    expect(selectedLine(frame)).toContain('evil');
    screen.press(KEY.enter);
    frame = await screen.waitFor((f) => f.includes('INSTANCE ID'), 'of the invocation');
    screen.press(KEY.enter);
    await fx.poller.idle();
    await fx.tick();
    frame = await screen.waitFor((f) => f.includes('clipboard was set'), 'of the output');
    expect(frame).toContain('evil.exe');
    screen.press('v');
    await screen.waitFor((f) => f.includes('^['), 'raw');
    screen.press('c');
    await screen.waitFor((f) => f.includes('command content'), 'of the content');
    screen.press('v');
    await screen.waitFor((f) => f.includes('command content') && f.includes('^['), 'raw content');
    for (const f of screen.frames()) expect(unsafe(f)).toEqual([]);
  });
});
