// J and K on the output screen: the next and previous instance in the instance list's order (its
// sort, filters and group), in the same modes (follow, wrap, line numbers, search), with the
// output demand moved to the instance shown.
import { describe, expect, it } from 'vitest';
import type { Demand } from '../../src/ui/intents.js';
import { KEY, T0, fixtureForEachTest, lineWith, renderApp, selectedLine, type Screen } from './fixture.js';

const fx = fixtureForEachTest();

/** One invocation on the first three Linux instances: the second fails, the others succeed. */
function threeInstances(outputs: [string, string, string], durationMs = 1000, agoMs = 60_000): string[] {
  const ids = fx.instanceIds.slice(0, 3);
  fx.emu.sim.runCommandAt(
    {
      name: 'three',
      commandType: 'RunShellScript',
      commandContent: 'cat /tmp/out',
      instanceIds: ids,
      outcome: [
        { status: 'Success', output: outputs[0] },
        { status: 'Failed', exitCode: 2, errorCode: 'ExitCodeNonzero', output: outputs[1] },
        { status: 'Success', output: outputs[2] },
      ],
      pendingMs: 100,
      durationMs,
    },
    T0 - agoMs,
  );
  return ids;
}

/** The output screen's breadcrumb line. */
const crumb = (frame: string) => lineWith(frame, ' › t-') ?? '';

/** Opens the only invocation, presses `keys` on its instance list, and opens the selected instance. */
async function openFromList(s: Screen, keys = ''): Promise<string> {
  await fx.tick();
  await s.waitFor((f) => f.includes('INVOKE ID') && selectedLine(f) !== undefined, 'with rows');
  s.press(KEY.enter);
  await s.waitFor((f) => f.includes('INSTANCE ID') && selectedLine(f) !== undefined, 'of the invocation');
  if (keys) s.press(keys);
  return s.waitFor((f) => f.includes('INSTANCE ID') && selectedLine(f) !== undefined, 'after the keys');
}

async function open(s: Screen, expectText: string): Promise<string> {
  s.press(KEY.enter);
  await fx.poller.idle();
  await fx.tick();
  return s.waitFor((f) => f.includes(expectText), `with output ${expectText}`);
}

describe('J and K on the output screen', () => {
  it("step through the list's order keeping wrap, line numbers and the search; the ends flash", async () => {
    // a's match is below the first page: the search goes down to it.
    const filler = Array.from({ length: 40 }, (_, i) => `filler ${i}\n`).join('');
    const [a, b, c] = threeInstances([`alpha\n${filler}needle in a\n`, 'bravo\nneedle one\nneedle two\n', 'charlie\n']);
    // A spy on the real poller: which output demands are held.
    const held = new Set<string>();
    const poller = Object.create(fx.poller) as typeof fx.poller;
    poller.demand = (d: Demand) => {
      const release = fx.poller.demand(d);
      if (d.kind !== 'output') return release;
      held.add(d.instanceId);
      return () => {
        held.delete(d.instanceId);
        release();
      };
    };
    const s = renderApp({ ...fx, poller });
    await openFromList(s);
    // Failed first: b, then a and c.
    let frame = await open(s, 'bravo');
    expect(crumb(frame)).toContain(b);
    expect(crumb(frame)).toContain('1/3');
    expect([...held]).toEqual([b]);
    s.press('w#/');
    await s.waitFor((f) => f.includes('search:'), 'with the search prompt');
    s.press('needle\r');
    await s.waitFor((f) => f.includes('"needle" 1/2'), 'on the first match');

    s.press('J');
    await fx.tick();
    frame = await s.waitFor((f) => crumb(f).includes(a) && f.includes('needle in a'), 'on the next instance');
    expect(crumb(frame)).toContain('2/3');
    expect(crumb(frame)).toContain(' · wrap');
    expect(crumb(frame)).toContain('"needle" 1/1');
    expect(lineWith(frame, 'needle in a')).toMatch(/^▸ +42 needle in a/);
    expect(frame).not.toContain('alpha');
    expect([...held]).toEqual([a]);

    s.press('J');
    await fx.tick();
    frame = await s.waitFor((f) => crumb(f).includes(c) && f.includes('charlie'), 'on the last instance');
    expect(crumb(frame)).toContain('3/3');
    expect(crumb(frame)).toContain('"needle" not found');
    expect(lineWith(frame, 'charlie')).toMatch(/^ +1 charlie/);
    s.press('J');
    frame = await s.waitFor((f) => f.includes('is the last of 3'), 'with the flash at the end');
    expect(crumb(frame)).toContain(c);

    s.press('KK');
    frame = await s.waitFor((f) => crumb(f).includes(b) && f.includes('needle two'), 'back on the first');
    expect(crumb(frame)).toContain('"needle" 1/2');
    s.press('K');
    await s.waitFor((f) => f.includes('is the first of 3'), 'with the flash at the start');
    expect([...held]).toEqual([b]);
    // Back on the list, the cursor is on the instance shown last.
    s.press('J');
    await s.waitFor((f) => crumb(f).includes(a), 'on a again');
    s.press(KEY.esc);
    frame = await s.waitFor((f) => f.includes('INSTANCE ID'), 'back on the list');
    expect(selectedLine(frame)).toContain(a);
  });

  it('keep following: the next running output shows its end, and off it shows its top', async () => {
    const lines = (p: string) => Array.from({ length: 80 }, (_, i) => `${p} tick ${String(i).padStart(2, '0')}`).join('\n') + '\n';
    const [a, , c] = threeInstances([lines('A'), lines('B'), lines('C')], 60 * 60_000, 30 * 60_000);
    const s = renderApp(fx);
    await openFromList(s);
    // Nothing has failed yet: the API order.
    let frame = await open(s, 'still growing · following');
    expect(crumb(frame)).toContain(a);
    expect(frame).not.toContain('A tick 00');
    s.press('J');
    await fx.tick();
    frame = await s.waitFor((f) => crumb(f).includes('2/3') && f.includes('B tick'), 'on the second, following');
    expect(frame).toContain('still growing · following');
    expect(frame).not.toContain('B tick 00');
    s.press('fJ');
    await fx.tick();
    frame = await s.waitFor((f) => crumb(f).includes(c) && f.includes('C tick 00'), 'on the third, at its top');
    expect(frame).toContain('still growing (f follows)');
  });

  it("stay within the list's filter and sort, and within the group it was opened from", async () => {
    const [a, b, c] = threeInstances(['ok\n', 'broken\n', 'ok\n']);
    const s = renderApp(fx);
    // `o` twice: sorted by exit, 0 first.
    await openFromList(s, 'oo');
    let frame = await s.waitFor((f) => f.includes('sorted by exit'), 'sorted by exit');
    expect(selectedLine(frame)).toContain(a);
    frame = await open(s, 'ok');
    expect(crumb(frame)).toContain('1/3');
    s.press('J');
    frame = await s.waitFor((f) => crumb(f).includes(c), 'on c, the other exit 0');
    expect(crumb(frame)).toContain('2/3');
    s.press('J');
    frame = await s.waitFor((f) => crumb(f).includes(b), 'on b, exit 2, last');
    expect(crumb(frame)).toContain('3/3');

    // The failed ones only (s: all, active, failed): b alone.
    s.press(KEY.esc);
    await s.waitFor((f) => f.includes('INSTANCE ID'), 'back on the list');
    s.press('ss');
    await s.waitFor((f) => f.includes('status: failed'), 'filtered to failed');
    frame = await open(s, 'broken');
    expect(crumb(frame)).toContain('1/1');
    s.press('J');
    await s.waitFor((f) => f.includes('is the last of 1'), 'with the flash');

    // A group: the two exit-0 instances (b groups view, the success group is last).
    s.press(KEY.esc);
    await s.waitFor((f) => f.includes('INSTANCE ID'), 'back on the list');
    s.press(KEY.esc);
    await s.waitFor((f) => f.includes('INSTANCE ID') && !f.includes('status: failed'), 'the whole list');
    s.press('b');
    await s.waitFor((f) => /2 Success/.test(f), 'the groups');
    s.press('G');
    await s.waitFor((f) => selectedLine(f)?.includes('Success') === true, 'on the success group');
    s.press(KEY.enter);
    await s.waitFor((f) => f.includes('group of 2'), 'the group of two');
    frame = await open(s, 'ok');
    expect(crumb(frame)).toContain(`${a} (`);
    expect(crumb(frame)).toContain('1/2');
    s.press('J');
    await s.waitFor((f) => crumb(f).includes(c) && crumb(f).includes('2/2'), 'the second of the group');
    s.press('J');
    await s.waitFor((f) => f.includes('is the last of 2'), 'the end of the group');
  });
});
