// A server asking to wait 1e12 ms (x-acs-retry-after): the wait is the backoff cap, retries stay
// that far apart, no timer is armed beyond what Node can hold, and polling recovers after.
import { describe, expect, it } from 'vitest';
import { FakeClock, type ClockTimer } from '../../src/clock.js';
import { MAX_TIMER_MS } from '../../src/poller/backoff.js';
import { describePoll } from '../../src/ui/pollStatus.js';
import { HOSTILE, oldInvocations, serveInvocations } from '../helpers/standIn.js';
import { pollerOnStandIn, stopPollersAfterEach, timesAt as times } from './standInPoller.js';

/** A fake clock that remembers the longest delay anyone asked of it. */
class MeasuredClock extends FakeClock {
  longest = 0;
  override setTimeout(fn: () => void, ms: number): ClockTimer {
    this.longest = Math.max(this.longest, ms);
    return super.setTimeout(fn, ms);
  }
}

stopPollersAfterEach();

const CAP = 60_000;

describe('poller: a huge x-acs-retry-after', () => {
  it('waits the backoff cap, not 1e12 ms; requests stay bounded; recovers', async () => {
    const { s, store, poller: p, clock } = await pollerOnStandIn(HOSTILE.hugeRetryAfter, {
      clock: new MeasuredClock(),
      backoffCapMs: CAP,
      maxRps: 5,
    });
    /** Move the fake clock to each due timer up to `ms` from now, letting each tick finish. */
    const runFor = async (ms: number) => {
      const end = clock.now() + ms;
      await p.idle();
      for (let due = clock.nextDue(); due !== undefined && due <= end; due = clock.nextDue()) {
        clock.set(due);
        await new Promise<void>((r) => setImmediate(r));
        await p.idle();
      }
      clock.set(end);
    };

    p.start();
    await p.idle();
    let poll = store.getState().poll;
    expect(poll.phase).toBe('retrying');
    expect(poll.lastError?.code).toBe('Throttling.User');
    expect(poll.nextTickAt! - clock.now()).toBe(CAP);
    expect(describePoll(poll, times(clock.now())).text).toBe('throttled, retrying in 60 s');

    await runFor(10 * 60_000);
    // One request, then one a cap apart: 11 in ten minutes.
    expect(s.count()).toBeLessThanOrEqual(1 + 10);
    expect(s.count()).toBeGreaterThanOrEqual(10);
    expect(clock.longest).toBeLessThanOrEqual(MAX_TIMER_MS);

    s.handle(serveInvocations(oldInvocations(3, 0, clock.now())));
    await runFor(CAP + 1);
    poll = store.getState().poll;
    expect(poll.phase).toBe('ok');
    expect(store.getState().order).toHaveLength(3);
  });
});
