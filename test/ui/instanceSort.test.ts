// The instance list's order: failed first by default, `o` through each column then reversed.
import { describe, expect, it } from 'vitest';
import type { InstanceResult } from '../../src/api/model.js';
import { DEFAULT_SORT, nextSort, sortInstances, sortLabel, SORT_COLUMNS, type InstanceSort } from '../../src/ui/instanceSort.js';

const inst = (instanceId: string, invocationStatus: InstanceResult['invocationStatus'], exitCode: number | null, startTime?: number, finishTime?: number): InstanceResult =>
  ({ invokeId: 't-1', instanceId, invocationStatus, exitCode, dropped: 0, repeats: 0, startTime, finishTime }) as InstanceResult;

const list = [
  inst('i-c', 'Success', 0, 1_000, 4_000),
  inst('i-a', 'Failed', 2, 2_000, 2_500),
  inst('i-d', 'Running', null, 3_000),
  inst('i-b', 'Stopped', null),
  inst('i-e', 'Success', 0, 500, 900),
];
const ids = (s: InstanceSort) => sortInstances(list, s, 10_000).map((i) => i.instanceId);

describe('instance order', () => {
  it('is failed first, then stopped, active, success, keeping the API order within each', () => {
    expect(ids(DEFAULT_SORT)).toEqual(['i-a', 'i-b', 'i-d', 'i-c', 'i-e']);
    expect(sortLabel(DEFAULT_SORT)).toBeUndefined();
  });

  it('steps through every column, each then reversed, and back to the default', () => {
    const seen: string[] = [];
    let s = DEFAULT_SORT;
    for (let k = 0; k < SORT_COLUMNS.length * 2; k++) {
      s = nextSort(s);
      seen.push(sortLabel(s) ?? 'default');
    }
    expect(seen).toEqual([
      'sorted by status (reversed)',
      'sorted by exit',
      'sorted by exit (reversed)',
      'sorted by started',
      'sorted by started (reversed)',
      'sorted by duration',
      'sorted by duration (reversed)',
      'sorted by id',
      'sorted by id (reversed)',
      'default',
    ]);
  });

  it('sorts by each column, values not known yet last either way', () => {
    expect(ids({ column: 'exit', reversed: false })).toEqual(['i-c', 'i-e', 'i-a', 'i-d', 'i-b']);
    expect(ids({ column: 'exit', reversed: true })).toEqual(['i-a', 'i-c', 'i-e', 'i-d', 'i-b']);
    expect(ids({ column: 'started', reversed: false })).toEqual(['i-e', 'i-c', 'i-a', 'i-d', 'i-b']);
    // Running since 3 s at 10 s: 7 s, the longest.
    expect(ids({ column: 'duration', reversed: true })).toEqual(['i-d', 'i-c', 'i-a', 'i-e', 'i-b']);
    expect(ids({ column: 'id', reversed: true })).toEqual(['i-e', 'i-d', 'i-c', 'i-b', 'i-a']);
  });
});
