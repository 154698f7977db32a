// The instance list's order as the invocation screen shows it (a group's instances, the status
// and text filters, the sort), in one function: the list draws it and the output screen steps
// through it with J/K, so both always agree on what comes next.
import type { InstanceResult } from '../api/model.js';
import type { FleetState } from '../store/names.js';
import { DEFAULT_SORT, sortInstances, type InstanceSort } from './instanceSort.js';
import { filterInstances, type StatusFilter } from './rowFilters.js';

export interface InstanceOrder {
  sort: InstanceSort;
  status: StatusFilter;
  text: string;
  /** The instances of the group the list was opened on, if any. */
  group?: readonly string[];
}

export const DEFAULT_ORDER: InstanceOrder = { sort: DEFAULT_SORT, status: 'all', text: '' };

/** The instances the list shows, in its order. */
export function orderInstances(all: readonly InstanceResult[], order: InstanceOrder, now: number, fleet?: FleetState): InstanceResult[] {
  const group = order.group && new Set(order.group);
  const rows = filterInstances(group ? all.filter((i) => group.has(i.instanceId)) : all, order.status, order.text, fleet);
  return sortInstances(rows, order.sort, now);
}

export type Step = { instanceId: string; index: number } | { end: 'first' | 'last' };

/**
 * The instance `step` places after (1) or before (-1) `current` in `ids`. When `current` has left
 * the order (it finished out of a status filter), it steps from `hint`, where it was last seen.
 */
export function stepInOrder(ids: readonly string[], current: string, step: 1 | -1, hint = 0): Step {
  const at = ids.indexOf(current);
  const target = at >= 0 ? at + step : step > 0 ? Math.max(0, hint) : Math.min(hint, ids.length) - 1;
  if (target >= ids.length) return { end: 'last' };
  if (target < 0) return { end: 'first' };
  return { instanceId: ids[target], index: target };
}

/** `3/21`: where `current` is in the order (`-/21` when it is not in it). */
export function orderPosition(ids: readonly string[], current: string): string {
  const at = ids.indexOf(current);
  return `${at >= 0 ? at + 1 : '-'}/${ids.length}`;
}
