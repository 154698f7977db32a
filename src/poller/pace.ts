// How far apart ticks go, beyond what is on screen: the account's API budget (`--budget`, calls a
// minute) and throttling. ECS limits are per account, so several copies in one dashboard share
// one budget without knowing of each other; the only signal they share is Throttling. The rule
// (as TCP's congestion window, on the interval instead of the rate):
//   - a throttled tick doubles the interval, up to the cap (multiplicative decrease of the rate);
//   - each clean full tick adds 1/NARROW_STEPS of the --interval rate back (additive increase),
//     so from the 60 s cap a 2 s interval is back in about a minute and a half, not the quarter
//     of an hour that narrowing by one --interval a tick took;
//   - and a tick never goes before the last minute's calls leave room for its own calls, nor
//     sooner than the budget allows at the calls a tick makes.
//   - a widened interval is jittered by up to a fifth either way, so that copies throttled by the
//     same call do not go on calling at the same moments.
// Copies that widen together and narrow slowly settle under the limit instead of in lockstep.
import type { Clock } from '../clock.js';
import type { BudgetStats, SlowedBy } from '../store/types.js';

export type { BudgetStats, SlowedBy } from '../store/types.js';

export const PACE_WINDOW_MS = 60_000;
export const WIDEN_FACTOR = 2;
/** Clean ticks that add back, one each, the whole --interval rate (AIMD's additive step). */
export const NARROW_STEPS = 8;
export const DEFAULT_BUDGET_PER_MINUTE = 1000;
/** How far a widened interval may move either way, as a share of it. */
export const WIDEN_JITTER = 0.2;

export interface PaceOptions {
  clock: Clock;
  /** `--interval`: where the widened interval narrows back to, and its narrowing step. */
  baseMs: number;
  /** The widest throttling makes it. */
  capMs: number;
  /** Calls a minute the account allows (`--budget`). */
  perMinute?: number;
  /** In [0, 1): jitters a widened interval (none without it). */
  random?: () => number;
}

/** Times within the last minute, oldest first (a queue with a moving head). */
class Window {
  private times: number[] = [];
  private head = 0;

  constructor(private readonly clock: Clock) {}

  add(): void {
    this.times.push(this.clock.now());
  }

  private prune(): void {
    const cutoff = this.clock.now() - PACE_WINDOW_MS;
    while (this.head < this.times.length && this.times[this.head] <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  count(): number {
    this.prune();
    return this.times.length - this.head;
  }

  /** When the `k`-th oldest (0-based) leaves the window. */
  leavesAt(k: number): number | undefined {
    this.prune();
    const t = this.times[this.head + k];
    return t === undefined ? undefined : t + PACE_WINDOW_MS;
  }
}

export class Pace {
  private readonly calls: Window;
  private readonly throttles: Window;
  private readonly baseMs: number;
  private readonly capMs: number;
  readonly perMinute: number;
  /** The interval throttling has widened to (baseMs while none was seen). */
  private widenedMs: number;
  private last: { intervalMs: number; nextPollAt?: number; slowed?: SlowedBy } = { intervalMs: 0 };

  constructor(private readonly opts: PaceOptions) {
    this.calls = new Window(opts.clock);
    this.throttles = new Window(opts.clock);
    this.baseMs = Math.max(1, opts.baseMs);
    this.capMs = Math.max(this.baseMs, opts.capMs);
    this.perMinute = Math.max(1, Math.floor(opts.perMinute ?? DEFAULT_BUDGET_PER_MINUTE));
    this.widenedMs = this.baseMs;
    this.last.intervalMs = this.baseMs;
  }

  /** A call went out. */
  called(): void {
    this.calls.add();
  }

  /** A call was answered with Throttling: widen. */
  throttled(): void {
    this.throttles.add();
    this.widenedMs = Math.min(this.capMs, this.widenedMs * WIDEN_FACTOR);
  }

  /** A full tick went through without an error: the rate grows by one step (the interval narrows). */
  clean(): void {
    if (this.widenedMs <= this.baseMs) return;
    const rate = 1 / this.widenedMs + 1 / (NARROW_STEPS * this.baseMs);
    this.widenedMs = Math.max(this.baseMs, Math.round(1 / rate));
  }

  /** The interval throttling has left (for tests and the header). */
  get intervalMs(): number {
    return this.widenedMs;
  }

  /**
   * The delay before the next tick: at least `wantedMs` (what the screen asks for, or a backoff),
   * the widened interval, and what the budget needs for a tick of `callsPerTick` calls.
   */
  delay(wantedMs: number, callsPerTick: number): number {
    const perTick = Math.max(1, callsPerTick);
    const now = this.opts.clock.now();
    // At this many calls a tick, no more ticks a minute than the budget holds.
    let budgetMs = (PACE_WINDOW_MS * perTick) / this.perMinute;
    const excess = this.calls.count() + perTick - this.perMinute;
    if (excess > 0) {
      const room = this.calls.leavesAt(Math.min(excess, this.calls.count()) - 1);
      if (room !== undefined) budgetMs = Math.max(budgetMs, room - now);
    }
    const widened = this.widenedMs > this.baseMs && this.opts.random ? this.widenedMs * (1 + WIDEN_JITTER * (2 * this.opts.random() - 1)) : this.widenedMs;
    const ms = Math.ceil(Math.max(wantedMs, widened, budgetMs));
    const byBudget = budgetMs > wantedMs && budgetMs > widened;
    const byThrottle = !byBudget && widened > wantedMs && this.widenedMs > this.baseMs;
    const slowed: SlowedBy | undefined = byBudget ? 'budget' : byThrottle ? 'throttled' : undefined;
    this.last = { intervalMs: ms, nextPollAt: now + ms, slowed };
    return ms;
  }

  /** Nothing is scheduled (halted, stopped). */
  unscheduled(): void {
    this.last = { ...this.last, nextPollAt: undefined };
  }

  stats(): BudgetStats {
    return {
      callsLastMinute: this.calls.count(),
      perMinute: this.perMinute,
      throttledLastMinute: this.throttles.count(),
      ...this.last,
    };
  }
}
