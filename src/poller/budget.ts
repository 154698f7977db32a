// The global request budget (`--max-rps`) on the injectable Clock: at most `rate` requests in
// any one second (a sliding window over the last grants), so a burst is at most one second's
// worth, also right at start. (A token bucket that starts full sends its burst and then its
// refill within the first second: twice the rate.) Below 1 per second: one per 1/rate s.
import type { Clock } from '../clock.js';

export class RequestBudget {
  /** Times of the last `size` grants, a ring: `grants[head]` is the oldest once full. */
  private readonly grants: number[] = [];
  private head = 0;
  private readonly size: number;
  private readonly windowMs: number;

  constructor(
    private readonly clock: Clock,
    ratePerSecond: number,
  ) {
    const rate = Math.max(0.001, ratePerSecond);
    this.size = Math.max(1, Math.floor(rate));
    this.windowMs = Math.max(1000, (this.size * 1000) / rate);
  }

  /** Milliseconds until a request may go (0 when one may go now). */
  waitMs(): number {
    if (this.grants.length < this.size) return 0;
    return Math.max(0, this.grants[this.head] + this.windowMs - this.clock.now());
  }

  private grant(): void {
    const now = this.clock.now();
    if (this.grants.length < this.size) this.grants.push(now);
    else {
      this.grants[this.head] = now;
      this.head = (this.head + 1) % this.size;
    }
  }

  /** Take a grant if one is there now (for background work that can wait for the next tick). */
  tryTake(): boolean {
    if (this.waitMs() > 0) return false;
    this.grant();
    return true;
  }

  /** Take a grant, waiting on the clock until one is available. */
  async take(): Promise<void> {
    for (;;) {
      const wait = this.waitMs();
      if (wait === 0) {
        this.grant();
        return;
      }
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, wait));
    }
  }
}
