// The instance list's order: failed first by default (as the groups: failed, stopped, still
// active, success), or by one column; `o` steps through each column, then the same reversed.
import type { InstanceResult } from '../api/model.js';
import { statusRank } from '../group/index.js';

export const SORT_COLUMNS = ['status', 'exit', 'started', 'duration', 'id'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface InstanceSort {
  column: SortColumn;
  reversed: boolean;
}

export const DEFAULT_SORT: InstanceSort = { column: 'status', reversed: false };

/** The next order: the same column reversed, else the next column. */
export function nextSort(s: InstanceSort): InstanceSort {
  if (!s.reversed) return { column: s.column, reversed: true };
  return { column: SORT_COLUMNS[(SORT_COLUMNS.indexOf(s.column) + 1) % SORT_COLUMNS.length], reversed: false };
}

/** The header's words (nothing for the default). */
export function sortLabel(s: InstanceSort): string | undefined {
  if (s.column === DEFAULT_SORT.column && !s.reversed) return undefined;
  return `sorted by ${s.column}${s.reversed ? ' (reversed)' : ''}`;
}

/** Missing values (no exit code yet, not started) go last in either direction. */
const LAST = Number.POSITIVE_INFINITY;

function key(i: InstanceResult, column: SortColumn, now: number): number | string {
  switch (column) {
    case 'status':
      return statusRank(i.invocationStatus);
    case 'exit':
      return i.exitCode ?? LAST;
    case 'started':
      return i.startTime ?? LAST;
    case 'duration':
      return i.startTime === undefined ? LAST : (i.finishTime ?? now) - i.startTime;
    case 'id':
      return i.instanceId;
  }
}

/** A sorted copy; ties keep the API's order (a stable sort). */
export function sortInstances(list: readonly InstanceResult[], s: InstanceSort, now: number): InstanceResult[] {
  const sign = s.reversed ? -1 : 1;
  const keyed = list.map((i) => ({ i, k: key(i, s.column, now) }));
  keyed.sort((a, b) => {
    if (a.k === b.k) return 0;
    if (a.k === LAST) return 1;
    if (b.k === LAST) return -1;
    return (a.k < b.k ? -1 : 1) * sign;
  });
  return keyed.map((x) => x.i);
}
