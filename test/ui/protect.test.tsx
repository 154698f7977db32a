// What is open on screen stays in the store through its bounds: the invocation screen protects
// its invocation while it is open (or under its output) and releases it when it closes.
import { describe, expect, it } from 'vitest';
import { KEY, renderApp, restartFixture, seedKnown, selectedLine, fixtureForEachTest, type Screen } from './fixture.js';

const fx = fixtureForEachTest();
let screen: Screen | undefined;

describe('an open invocation', () => {
  it('survives the count bound while open and goes once closed', async () => {
    await restartFixture(fx, { maxInvocations: 3 });
    const known = seedKnown(fx);
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    // deploy is the oldest and final: the first to go when the bound is reached.
    screen.press('jj');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes(`Invocations › ${known.deploy}`), 'with deploy open');
    const fresh = fx.emu.sim.runCommand({
      name: 'fresh',
      commandType: 'RunShellScript',
      commandContent: 'true',
      instanceIds: [fx.instanceIds[0]],
      outcome: 'Success',
      pendingMs: 10,
      durationMs: 10,
    });
    fx.clock.advance(2000);
    await fx.tick();
    const held = fx.store.getState();
    expect(held.invocations.has(fresh)).toBe(true);
    expect(held.invocations.has(known.deploy)).toBe(true);
    expect(held.invocations.has(known.backup)).toBe(false);
    expect(screen.lastFrame()).toContain('deploy-web');
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('INVOKE ID'), 'back on the list');
    fx.emu.sim.runCommand({ name: 'fresh-2', commandType: 'RunShellScript', commandContent: 'true', instanceIds: [fx.instanceIds[0]], outcome: 'Success', pendingMs: 10, durationMs: 10 });
    fx.clock.advance(2000);
    await fx.tick();
    expect(fx.store.getState().invocations.has(known.deploy)).toBe(false);
  });
});
