// The header's words for the API budget: `api 84/1,000 a min · next 2s`, and why polling is
// slower than --interval when it is (`slowed: throttled 3x in the last minute`). Drawn from the
// poll state as of the last tick, so it changes once a tick and never counts down on its own.
import type { BudgetStats } from '../store/types.js';
import { formatCount, formatDuration } from './format.js';

/** Under a second: tenths (`0.5s`); above: as durations are written elsewhere (`1m 05s`). */
function interval(ms: number): string {
  return ms < 1000 ? `${Math.round(ms / 100) / 10}s` : formatDuration(ms);
}

export function describeBudget(b: BudgetStats | undefined): { budget: string; slowed?: string } | undefined {
  if (!b) return undefined;
  const next = b.nextPollAt !== undefined ? ` · next ${interval(b.intervalMs)}` : '';
  const budget = `api ${formatCount(b.callsLastMinute)}/${formatCount(b.perMinute)} a min${next}`;
  if (b.slowed === 'budget') return { budget, slowed: 'slowed: near the budget' };
  if (b.slowed === 'throttled') {
    const n = b.throttledLastMinute;
    return { budget, slowed: n > 0 ? `slowed: throttled ${formatCount(n)}x in the last minute` : 'slowed: throttled earlier, speeding up' };
  }
  return { budget };
}
