// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
// spreading retries uniformly over [0, min(cap, base * 2^attempt)) keeps many catop copies on
// one account from retrying in lockstep after a throttling burst.

/** The longest delay a Node timer takes (2^31-1 ms); beyond it Node fires after 1 ms instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Delay before retry number `attempt` (0 for the first retry): `random() * min(cap, base * 2^attempt)`,
 * never below the server's `x-acs-retry-after` (`retryAfterMs`), which counts up to the cap: a
 * server asking for 1e12 ms would otherwise stop us for good (or, past a Node timer's range,
 * make us retry every millisecond).
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const jittered = Math.floor(Math.min(1, Math.max(0, random())) * ceiling);
  const serverMs = Math.min(capMs, Math.max(0, retryAfterMs ?? 0));
  return Math.max(jittered, Number.isFinite(serverMs) ? serverMs : 0);
}
