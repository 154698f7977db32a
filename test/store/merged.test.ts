// The merged view over one store per region: what the UI reads through the selectors.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { createMergedStore } from '../../src/store/merged.js';
import { selectOrder, selectRegionOf, selectRegions, selectStatusCounts, selectTransitions } from '../../src/store/selectors.js';
import { invocation } from './fixtures.js';

function twoRegions() {
  const hz = createStore();
  const sh = createStore();
  const merged = createMergedStore([
    { regionId: 'cn-hangzhou', store: hz },
    { regionId: 'cn-shanghai', store: sh },
  ]);
  return { hz, sh, merged };
}

describe('merged store', () => {
  it('hands one region\'s snapshots through as they are', () => {
    const hz = createStore();
    const merged = createMergedStore([{ regionId: 'cn-hangzhou', store: hz }]);
    hz.upsertInvocations([invocation('t-hz1', 1_000)], 1);
    expect(merged.getState()).toBe(hz.getState());
    expect(selectRegions(merged.getState())).toBeUndefined();
  });

  it('merges the orders newest first, counts over both, and knows each invocation\'s region', () => {
    const { hz, sh, merged } = twoRegions();
    hz.upsertInvocations([invocation('t-hz1', 1_000), invocation('t-hz3', 3_000, ['Failed'])], 1);
    sh.upsertInvocations([invocation('t-sh2', 2_000), invocation('t-sh4', 4_000)], 1);
    const s = merged.getState();
    expect(selectOrder(s)).toEqual(['t-sh4', 't-hz3', 't-sh2', 't-hz1']);
    expect(selectStatusCounts(s)).toMatchObject({ Success: 3, Failed: 1 });
    expect(selectRegionOf(s)!('t-sh2')).toBe('cn-shanghai');
    expect(selectRegions(s)!.map((r) => [r.regionId, r.loaded])).toEqual([
      ['cn-hangzhou', 2],
      ['cn-shanghai', 2],
    ]);
    expect(merged.getState()).toBe(s);
  });

  it('keeps each region\'s transitions once, across region changes', () => {
    const { hz, sh, merged } = twoRegions();
    hz.upsertInvocations([invocation('t-hz1', 1_000, ['Running'])], 1);
    expect(selectTransitions(merged.getState()).map((t) => t.invokeId)).toEqual(['t-hz1']);
    sh.upsertInvocations([invocation('t-sh1', 1_500, ['Running'])], 2);
    hz.upsertInvocations([invocation('t-hz1', 1_000, ['Success'])], 3);
    expect(selectTransitions(merged.getState()).map((t) => `${t.invokeId}:${t.to}`)).toEqual(['t-hz1:Running', 't-sh1:Running', 't-hz1:Success']);
    merged.setParts([{ regionId: 'cn-hangzhou', store: hz }, { regionId: 'cn-shanghai', store: sh }]);
    expect(selectTransitions(merged.getState())).toHaveLength(3);
  });

  it('holds changes while a region\'s tick is in flight and tells listeners once when none is', () => {
    const { hz, sh, merged } = twoRegions();
    let heard = 0;
    merged.subscribe(() => heard++);
    hz.setPoll({ inFlight: true });
    sh.setPoll({ inFlight: true });
    hz.upsertInvocations([invocation('t-hz1', 1_000)], 1);
    hz.setPoll({ inFlight: false });
    sh.upsertInvocations([invocation('t-sh1', 2_000)], 1);
    expect(heard).toBe(0);
    sh.setPoll({ inFlight: false });
    expect(heard).toBe(1);
    expect(selectOrder(merged.getState())).toEqual(['t-sh1', 't-hz1']);
    // Nothing in flight: at once.
    hz.upsertInvocations([invocation('t-hz2', 3_000)], 2);
    expect(heard).toBe(2);
  });
  it('shows the budget of the region nearest its limit, a slowed one first, with throttling counted over all', () => {
    const { hz, sh, merged } = twoRegions();
    const budget = (callsLastMinute: number, throttledLastMinute = 0, slowed?: 'throttled') => ({ callsLastMinute, perMinute: 1_000, throttledLastMinute, intervalMs: 2_000, slowed });
    hz.setPoll({ phase: 'ok', budget: budget(300) });
    sh.setPoll({ phase: 'ok', budget: budget(90) });
    expect(merged.getState().poll.budget).toMatchObject({ callsLastMinute: 300, throttledLastMinute: 0 });
    sh.setPoll({ budget: budget(40, 3, 'throttled') });
    expect(merged.getState().poll.budget).toMatchObject({ callsLastMinute: 40, throttledLastMinute: 3, slowed: 'throttled' });
  });
});
