import React from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import type { PollState } from '../../src/store/types.js';
import { formatTime, nextTimeChange } from '../../src/ui/format.js';
import { timeTextAt, useTimeText } from '../../src/ui/hooks/useTimeText.js';
import { describeAge, describePoll, STALE_GRACE_MS } from '../../src/ui/pollStatus.js';
import { waitForFrame } from './fixture.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Ages around every unit and rounding edge formatDistanceStrict has, plus a seeded spread.
function sampleAges(): number[] {
  const edges = [0, 1, 999, 1000, 1499, 1500, 59_499, 59_500, 59_999, MINUTE, 90 * SECOND, 59.5 * MINUTE, HOUR - 1, HOUR];
  edges.push(1.5 * HOUR, DAY - 1, DAY, 3 * DAY + 7, 40 * DAY);
  let seed = 12345;
  for (let i = 0; i < 300; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    edges.push(seed % (3 * DAY));
  }
  return edges;
}

describe('when a relative time next reads differently', () => {
  it('keeps the same text until the moment it names, for every unit', () => {
    for (const age of sampleAges()) {
      const at = T0 - age;
      const next = nextTimeChange(at, T0, 'relative');
      expect(next, `age ${age}`).toBeDefined();
      const text = formatTime(at, T0, 'relative');
      // Checked at 20 points up to, and at, the last millisecond before the named moment.
      const span = next! - T0;
      for (let i = 0; i <= 20; i++) {
        const t = T0 + Math.min(span - 1, Math.floor((span * i) / 20));
        expect(formatTime(at, t, 'relative'), `age ${age} at +${t - T0}`).toBe(text);
      }
    }
  });

  it('looks again within one unit: a second, a minute, an hour', () => {
    const within = (age: number) => nextTimeChange(T0 - age, T0, 'relative')! - T0;
    expect(within(20 * SECOND)).toBeLessThanOrEqual(SECOND);
    expect(within(10 * MINUTE)).toBeLessThanOrEqual(MINUTE);
    expect(within(5 * HOUR)).toBeLessThanOrEqual(HOUR);
    expect(within(9 * DAY)).toBeLessThanOrEqual(HOUR);
    // "10 minutes ago" turns into "11 minutes ago" at 10.5 minutes, not a second sooner.
    expect(within(10 * MINUTE)).toBe(30 * SECOND);
    // "59 minutes ago" becomes "1 hour ago" at the hour, before its next half minute.
    expect(within(59.75 * MINUTE)).toBe(15 * SECOND);
  });

  it('never changes in absolute mode or without a time', () => {
    expect(nextTimeChange(T0 - MINUTE, T0, 'absolute')).toBeUndefined();
    expect(nextTimeChange(undefined, T0, 'relative')).toBeUndefined();
  });

  it('counts a time ahead of the local clock down every second', () => {
    const next = nextTimeChange(T0 + 5 * MINUTE + 250, T0, 'relative')! - T0;
    expect(next).toBeGreaterThan(0);
    expect(next).toBeLessThanOrEqual(SECOND);
  });
});

describe('the data age in the header', () => {
  const ok: PollState = { phase: 'ok', inFlight: false, calls: 3, lastSuccessAt: T0 - 2000, nextTickAt: T0 + 3000 };

  it('names the time of the last update while ticks arrive when due, and wakes when the next one is late', () => {
    const times = timeTextAt(T0, 'relative');
    expect(describeAge(ok, times)).toMatch(/^updated \d\d:\d\d:\d\dZ$/);
    expect(times.next).toBe(T0 + 3000 + STALE_GRACE_MS);
  });

  it('counts the age every second once the due tick is overdue', () => {
    const times = timeTextAt(T0 + 3000 + STALE_GRACE_MS, 'relative');
    expect(describeAge(ok, times)).toBe('data 8s old');
    expect(times.next).toBe(T0 + 3000 + STALE_GRACE_MS + SECOND);
  });

  it('counts the age while retrying or stopped, and says when there is none', () => {
    const times = timeTextAt(T0, 'relative');
    expect(describeAge({ ...ok, phase: 'retrying' }, times)).toBe('data 2s old');
    expect(describeAge({ ...ok, phase: 'failed', nextTickAt: undefined }, times)).toBe('data 2s old');
    expect(describeAge({ phase: 'starting', inFlight: true, calls: 0 }, timeTextAt(T0, 'relative'))).toBe('no data yet');
  });

  it('wakes each time the whole seconds of "retrying in" change', () => {
    const times = timeTextAt(T0, 'relative');
    const poll: PollState = { ...ok, phase: 'retrying', nextTickAt: T0 + 7400 };
    expect(describePoll(poll, times).text).toBe('error, retrying in 8 s');
    expect(times.next).toBe(T0 + 400);
  });
});

function Age({ clock, at, onRender }: { clock: FakeClock; at: number; onRender: () => void }) {
  const times = useTimeText(clock, 'relative');
  onRender();
  return <Text>{times.time(at)}</Text>;
}

describe('useTimeText', () => {
  it('redraws when the text changes and not every second', async () => {
    const clock = new FakeClock(T0);
    let renders = 0;
    const ui = render(<Age clock={clock} at={T0 - 10 * MINUTE} onRender={() => renders++} />);
    expect(ui.lastFrame()).toBe('10 minutes ago');
    const first = renders;
    // 29 seconds on: the text is the same, and nothing was drawn again.
    for (let i = 0; i < 29; i++) clock.advance(SECOND);
    expect(renders).toBe(first);
    clock.advance(SECOND);
    await waitForFrame(ui, (f) => f === '11 minutes ago', 'at 10.5 minutes');
    expect(renders).toBe(first + 1);
    ui.unmount();
    expect(clock.timerCount).toBe(0);
  });

  it('ticks every second while the age is under a minute', async () => {
    const clock = new FakeClock(T0);
    const ui = render(<Age clock={clock} at={T0 - 10 * SECOND} onRender={() => undefined} />);
    expect(ui.lastFrame()).toBe('10 seconds ago');
    clock.advance(SECOND);
    await waitForFrame(ui, (f) => f === '11 seconds ago', 'a second on');
    clock.advance(SECOND);
    await waitForFrame(ui, (f) => f === '12 seconds ago', 'two seconds on');
    ui.unmount();
  });
});
