// NO_COLOR / --no-color: no colour at all, and the screen still reads by text. Colour support is
// forced for this file (before Ink and chalk load) so the difference can show outside a terminal.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp, seedKnown, startFixture, type Screen, type UiFixture } from './fixture.js';

vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '3';
});

let fx: UiFixture;
let screen: Screen | undefined;

beforeEach(async () => {
  fx = await startFixture();
  seedKnown(fx);
});

afterEach(async () => {
  screen?.unmount();
  screen = undefined;
  await fx.close();
});

// Colour SGR parameters: 30-39, 40-49, 90-97, 100-107, first in the list or after a ';'.
const COLOUR_SGR = /\u001b\[(?:[\d;]*;)?(?:3\d|4\d|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

describe('colour', () => {
  it('draws no colour with colour off, and status still reads as text', async () => {
    screen = renderApp(fx, { color: true });
    await fx.tick();
    const coloured = await screen.waitFor((f) => f.includes('PartialFailed') && f.includes('live'), 'with colour');
    expect(coloured).toMatch(COLOUR_SGR);
    screen.unmount();

    screen = renderApp(fx, { color: false });
    const plain = await screen.waitFor((f) => f.includes('PartialFailed') && f.includes('live'), 'without colour');
    expect(plain).not.toMatch(COLOUR_SGR);
    const text = plain.replace(/\u001b\[[\d;]*m/g, '');
    expect(text).toMatch(/^> Running +t-/m);
    expect(text).toMatch(/^ {2}PartialFailed +t-\w+ +backup-db .* 1✓ 1✗/m);
    expect(text).toMatch(/^● live/m);
  });
});
