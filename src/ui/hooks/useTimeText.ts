// Times and durations drawn against the app clock, redrawn only when their text changes. A
// component asks for its texts through the returned TimeText while it renders; each text notes
// when it next reads differently ("3 minutes ago" -> "4 minutes ago"), and one timer wakes the
// component at the earliest of those moments. A screen of finished invocations therefore redraws
// about once a minute, not once a second; running durations still tick every second.
import { useLayoutEffect, useReducer } from 'react';
import type { Clock } from '../../clock.js';
import { formatDuration, formatTime, nextTimeChange, nextWholeSecond, type TimeMode } from '../format.js';

export interface TimeText {
  /** The app clock's time for this render. */
  readonly now: number;
  readonly mode: TimeMode;
  /** formatTime(at, now, mode). */
  time(at: number | undefined): string;
  /** formatDuration(now - since): changes every second. */
  since(since: number): string;
  /** Redraw at `at`, for text drawn from the time some other way (a state that goes stale). */
  wakeAt(at: number): void;
}

class RenderTimes implements TimeText {
  next = Infinity;
  constructor(
    readonly now: number,
    readonly mode: TimeMode,
  ) {}

  time(at: number | undefined): string {
    const change = nextTimeChange(at, this.now, this.mode);
    if (change !== undefined) this.wakeAt(change);
    return formatTime(at, this.now, this.mode);
  }

  since(since: number): string {
    this.wakeAt(nextWholeSecond(since, this.now));
    return formatDuration(this.now - since);
  }

  wakeAt(at: number): void {
    if (at < this.next) this.next = at;
  }
}

/** A TimeText for one render at `now`; `next` is the earliest moment a text asked of it changes. */
export function timeTextAt(now: number, mode: TimeMode): TimeText & { readonly next: number } {
  return new RenderTimes(now, mode);
}

export function useTimeText(clock: Clock, mode: TimeMode): TimeText {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const times = timeTextAt(clock.now(), mode);
  // In the commit itself: children (a table's cells) have asked for their texts by then, and the
  // timer is armed before anything else can move the clock.
  useLayoutEffect(() => {
    if (times.next === Infinity) return;
    const timer = clock.setTimeout(redraw, Math.max(1, times.next - clock.now()));
    return () => clock.clearTimeout(timer);
  });
  return times;
}
