// The header's budget words, from the poll state's budget figures.
import { describe, expect, it } from 'vitest';
import { describeBudget } from '../../src/ui/budgetText.js';

const base = { callsLastMinute: 84, perMinute: 1000, throttledLastMinute: 0, intervalMs: 3000, nextPollAt: 1 };

describe('describeBudget', () => {
  it('calls in the last minute against the budget, and the wait to the next tick', () => {
    expect(describeBudget(base)).toEqual({ budget: 'api 84/1,000 a min · next 3s' });
    expect(describeBudget({ ...base, intervalMs: 500 })?.budget).toBe('api 84/1,000 a min · next 0.5s');
    expect(describeBudget({ ...base, intervalMs: 65_000 })?.budget).toBe('api 84/1,000 a min · next 1m 05s');
    expect(describeBudget({ ...base, nextPollAt: undefined })?.budget).toBe('api 84/1,000 a min');
    expect(describeBudget(undefined)).toBeUndefined();
  });

  it('says why polling is slower than asked', () => {
    expect(describeBudget({ ...base, slowed: 'throttled', throttledLastMinute: 3 })?.slowed).toBe('slowed: throttled 3x in the last minute');
    expect(describeBudget({ ...base, slowed: 'throttled', throttledLastMinute: 0 })?.slowed).toBe('slowed: throttled earlier, speeding up');
    expect(describeBudget({ ...base, slowed: 'budget', callsLastMinute: 990 })?.slowed).toBe('slowed: near the budget');
  });
});
