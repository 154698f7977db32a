// The global request budget (`--max-rps`): a token bucket on the injectable Clock. Every API call
// the poller makes takes a token; a burst may use up to `capacity` tokens at once.
import type { Clock } from '../clock.js';

export class RequestBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    private readonly ratePerSecond: number,
    private readonly capacity: number = Math.max(1, ratePerSecond),
  ) {
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    }
    this.last = now;
  }

  /** Take a token if one is there now (for background work that can wait for the next tick). */
  tryTake(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Milliseconds until a token is available (0 when one is there now). */
  waitMs(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  /** Take a token, waiting on the clock until one is available. */
  async take(): Promise<void> {
    for (;;) {
      const wait = this.waitMs();
      if (wait === 0) {
        this.tokens -= 1;
        return;
      }
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, wait));
    }
  }
}
