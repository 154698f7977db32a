import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import {
  MAX_HISTORIES,
  MAX_RUNS_PER_INSTANCE,
  isNewlyFailing,
  mergeRuns,
  newlyFailing,
  selectRuns,
  type RunRecord,
} from '../../src/store/runs.js';

const run = (over: Partial<RunRecord>): RunRecord => ({ instanceId: 'i-1', status: 'Success', exitCode: 0, dropped: 0, repeats: 1, ...over });
const none = new Map<string, number>();

describe('merging runs', () => {
  it('replaces a run seen again (in flight, then ended) and keeps them newest first', () => {
    const a = mergeRuns(undefined, 't-1', [run({ startTime: 10 }), run({ startTime: 20, status: 'Running', exitCode: null, repeats: 2 })], none, 1, false);
    const b = mergeRuns(a, 't-1', [run({ startTime: 20, repeats: 2, finishTime: 25 })], none, 2, true);
    expect(b.runs.get('i-1')?.map((r) => [r.startTime, r.status])).toEqual([
      [20, 'Success'],
      [10, 'Success'],
    ]);
    expect(b.complete).toBe(true);
  });

  it('keeps the newest runs per instance, as many as the service keeps', () => {
    const many = Array.from({ length: MAX_RUNS_PER_INSTANCE + 20 }, (_, i) => run({ startTime: i * 1000, repeats: i + 1 }));
    const h = mergeRuns(undefined, 't-1', many, none, 1, true);
    expect(h.runs.get('i-1')).toHaveLength(MAX_RUNS_PER_INSTANCE);
    expect(h.runs.get('i-1')?.[0].startTime).toBe((MAX_RUNS_PER_INSTANCE + 19) * 1000);
  });

  it('holds a few histories in the store, the oldest going first', () => {
    const store = createStore();
    for (let i = 0; i <= MAX_HISTORIES; i++) store.setRuns(mergeRuns(undefined, `t-${i}`, [run({ startTime: i })], none, i, true));
    expect(selectRuns(store.getState(), 't-0')).toBeUndefined();
    expect(selectRuns(store.getState(), `t-${MAX_HISTORIES}`)?.runs.get('i-1')).toHaveLength(1);
  });
});

describe('newly failing', () => {
  const fail = (t: number) => run({ startTime: t, status: 'Failed', exitCode: 1, errorCode: 'ExitCodeNonzero' });
  it('marks a failed run after a success, not a failure after a failure', () => {
    const runs = [fail(40), fail(30), run({ startTime: 20 }), fail(10)];
    expect(runs.map((_, i) => isNewlyFailing(runs, i))).toEqual([false, true, false, false]);
  });

  it('counts instances failing now that succeeded before, since the first failure of the streak', () => {
    const h = mergeRuns(
      undefined,
      't-1',
      [
        fail(40), fail(30), run({ startTime: 20 }),
        { ...fail(35), instanceId: 'i-2' }, { ...run({ startTime: 25 }), instanceId: 'i-2' },
        // Always failed: not newly.
        { ...fail(40), instanceId: 'i-3' }, { ...fail(30), instanceId: 'i-3' },
        // Failed before, fine now.
        { ...run({ startTime: 40 }), instanceId: 'i-4' }, { ...fail(30), instanceId: 'i-4' },
      ],
      none,
      1,
      true,
    );
    expect(newlyFailing(h)).toEqual({ instances: ['i-1', 'i-2'], since: 30 });
  });
});
