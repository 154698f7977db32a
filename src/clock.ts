// Time as a dependency: the poller and the emulator's fleet take a Clock, so tests and the
// soak run a simulated day in milliseconds and stay deterministic.

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): ClockTimer;
  clearTimeout(timer: ClockTimer): void;
}

export type ClockTimer = { readonly id: number };

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    return { id: 0, handle } as ClockTimer & { handle: NodeJS.Timeout };
  },
  clearTimeout(timer) {
    clearTimeout((timer as ClockTimer & { handle: NodeJS.Timeout }).handle);
  },
};

interface Pending {
  id: number;
  at: number;
  fn: () => void;
}

/** A manual clock: time moves only through `advance`/`set`, firing due timers in order. */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(start = Date.UTC(2026, 10, 28, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): ClockTimer {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), fn };
    this.pending.push(timer);
    return { id: timer.id };
  }

  clearTimeout(timer: ClockTimer): void {
    this.pending = this.pending.filter((p) => p.id !== timer.id);
  }

  /** Timers waiting to fire. */
  get timerCount(): number {
    return this.pending.length;
  }

  /** When the earliest timer is due, if any. */
  nextDue(): number | undefined {
    return this.pending.reduce<number | undefined>((min, p) => (min === undefined || p.at < min ? p.at : min), undefined);
  }

  /** Move time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    this.set(this.time + ms);
  }

  set(target: number): void {
    for (;;) {
      const due = this.pending.filter((p) => p.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = Math.max(this.time, target);
  }
}

/**
 * `2026-11-28T01:23:45Z`: UTC ISO 8601, second precision (the API's own times are whole seconds),
 * or with milliseconds when `keepMs` and there are any. Undefined for no time or one a Date cannot hold.
 */
export function isoTime(ms: number | null | undefined, keepMs = false): string | undefined {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.replace(keepMs ? /\.000Z$/ : /\.\d{3}Z$/, 'Z');
}
