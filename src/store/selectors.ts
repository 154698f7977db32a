// Pure reads of StoreState. Selectors that build objects memoise on `dataVersion`, so a view
// re-selecting after a tick that changed nothing gets the very same object back.
import type { InstanceResult, Invocation } from '../api/model.js';
import type { InstanceStatus, InvocationStatus } from '../api/wire.js';
import { INVOCATION_STATUSES } from '../api/wire.js';
import { outputKey } from './reducer.js';
import type { OutputEntry, StoreState } from './types.js';

export function selectInvocation(s: StoreState, invokeId: string): Invocation | undefined {
  return s.invocations.get(invokeId);
}

export function selectInstance(s: StoreState, invokeId: string, instanceId: string): InstanceResult | undefined {
  return s.invocations.get(invokeId)?.instances.find((i) => i.instanceId === instanceId);
}

export function selectOutput(s: StoreState, invokeId: string, instanceId: string): OutputEntry | undefined {
  return s.outputs.get(outputKey(invokeId, instanceId));
}

export function selectOrder(s: StoreState): readonly string[] {
  return s.order;
}

/** One memo slot per store (keyed by its entity map, which lives as long as the store). */
function memoOnData<T>(compute: (s: StoreState) => T): (s: StoreState) => T {
  const cache = new WeakMap<object, { dataVersion: number; value: T }>();
  return (s) => {
    const hit = cache.get(s.invocations);
    if (hit && hit.dataVersion === s.dataVersion) return hit.value;
    const value = compute(s);
    cache.set(s.invocations, { dataVersion: s.dataVersion, value });
    return value;
  };
}

/** Invocations per overall status over everything loaded. */
export const selectStatusCounts: (s: StoreState) => Record<InvocationStatus, number> = memoOnData((s) => {
  const counts = Object.fromEntries(INVOCATION_STATUSES.map((st) => [st, 0])) as Record<InvocationStatus, number>;
  for (const inv of s.invocations.values()) counts[inv.invocationStatus]++;
  return counts;
});

/** InvokeIds of loaded invocations that are still in progress (Pending/Scheduled/Running/Stopping). */
export const selectActiveIds: (s: StoreState) => readonly string[] = memoOnData((s) =>
  s.order.filter((id) => {
    const st = s.invocations.get(id)?.invocationStatus;
    return st === 'Pending' || st === 'Scheduled' || st === 'Running' || st === 'Stopping';
  }),
);

/** Per-status count of an invocation's instances (the list's "instances" column). */
const instanceCountCache = new WeakMap<Invocation, Partial<Record<InstanceStatus, number>>>();
export function instanceCounts(inv: Invocation): Partial<Record<InstanceStatus, number>> {
  const hit = instanceCountCache.get(inv);
  if (hit) return hit;
  const counts: Partial<Record<InstanceStatus, number>> = {};
  for (const i of inv.instances) counts[i.invocationStatus] = (counts[i.invocationStatus] ?? 0) + 1;
  instanceCountCache.set(inv, counts);
  return counts;
}

/** Transitions of one invocation, oldest first (for `--wait` and row highlights). */
export function selectTransitionsOf(s: StoreState, invokeId: string) {
  return s.transitions.filter((t) => t.invokeId === invokeId);
}
