// Retryable API failures (throttling, 5xx, network) back off with full jitter, like the live
// UI's poller; everything else is returned to the caller at once.
import { ApiError } from '../api/errors.js';
import { backoffDelay } from '../poller/backoff.js';
import { describeApiError, type Output, type Timing } from './io.js';

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** Consecutive failures before giving up. */
  maxAttempts: number;
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, timing: Timing, output: Output): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof ApiError) || !err.retryable || attempt + 1 >= policy.maxAttempts) throw err;
      const delay = backoffDelay(attempt, policy.baseMs, policy.capMs, timing.random, err.retryAfterMs);
      output.err(`${describeApiError(err)}; retrying in ${(delay / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${policy.maxAttempts})`);
      await timing.sleep(delay);
    }
  }
}
