// What the screen says when the API fails: throttling with the wait, an endpoint that stopped
// answering, and a final error that stops polling until `r`. The data on screen stays.
import { describe, expect, it } from 'vitest';
import { KEY, lineWith, renderApp, restartFixture, seededFixtureForEachTest, type Screen } from './fixture.js';

const { fx, known } = seededFixtureForEachTest();
let screen: Screen | undefined;

/** Ticks until the poller reports `phase` (a tick may retry internally; each is awaited). */
async function tickUntil(phase: string): Promise<void> {
  for (let i = 0; i < 20 && fx.store.getState().poll.phase !== phase; i++) {
    await fx.tick().catch(() => {});
  }
  expect(fx.store.getState().poll.phase).toBe(phase);
}

describe('a failing API', () => {
  it('says throttled with the wait, keeps the data, and goes live again when it clears', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with data');
    fx.emu.setFaults({ throttle: 1 });
    await tickUntil('retrying');
    // Ticks here are run by the test, so no next tick is scheduled to count down to.
    let frame = await screen.waitFor((f) => f.includes('● throttled, retrying'), 'throttled');
    expect(frame).toContain(known.deploy);
    expect(frame).toMatch(/Throttling\.User: /);
    fx.emu.setFaults({});
    await tickUntil('ok');
    frame = await screen.waitFor((f) => f.includes('● live'), 'live again');
    expect(frame).not.toMatch(/Throttling/);
  });

  it('says since when the endpoint is unreachable', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with data');
    fx.emu.setFaults({ reset: 1 });
    await tickUntil('retrying');
    const frame = await screen.waitFor((f) => /● endpoint unreachable since \d\d:\d\d:\d\d/.test(f), 'unreachable');
    expect(lineWith(frame, known.deploy)).toMatch(/Success/);
  });

  it('stops on a final error with Code, Message and RequestId, and resumes on r', async () => {
    await restartFixture(fx, { accessKeySecret: 'not-the-secret' });
    screen = renderApp(fx);
    await tickUntil('failed');
    const frame = await screen.waitFor((f) => f.includes('press r to retry'), 'stopped');
    expect(frame).toMatch(/● stopped: SignatureDoesNotMatch — press r to retry · no data yet/);
    // The footer carries the whole error, wrapped.
    expect(frame.replace(/\s+/g, ' ')).toMatch(/ SignatureDoesNotMatch: .+ \(RequestId [\w-]+\)/);
    expect(frame).not.toContain('not-the-secret');
    const calls = fx.store.getState().poll.calls;
    screen.press('r');
    await screen.waitFor(() => fx.store.getState().poll.calls > calls, 'a call after r');
    await fx.poller.idle();
    expect(screen.lastFrame()).not.toContain(KEY.esc);
  });
});
