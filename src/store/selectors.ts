// The only reads of StoreState: views (through useStoreSelector) and the poller's jobs call these;
// the entity maps are not read anywhere else. Selectors that build objects memoise on
// `dataVersion`, so a view re-selecting after a tick that changed nothing gets the very same object back.
import type { ApiError } from '../api/errors.js';
import type { InstanceResult, Invocation } from '../api/model.js';
import type { InstanceStatus, InvocationStatus } from '../api/wire.js';
import { INVOCATION_STATUSES } from '../api/wire.js';
import { statusCounts } from '../api/status.js';
import { outputKey } from './reducer.js';
import type { OutputEntry, PollState, StoreFilters, StoreState } from './types.js';

export function selectInvocation(s: StoreState, invokeId: string): Invocation | undefined {
  return s.invocations.get(invokeId);
}

export function selectInstance(s: StoreState, invokeId: string, instanceId: string): InstanceResult | undefined {
  return s.invocations.get(invokeId)?.instances.find((i) => i.instanceId === instanceId);
}

export function selectOutput(s: StoreState, invokeId: string, instanceId: string): OutputEntry | undefined {
  return s.outputs.get(outputKey(invokeId, instanceId));
}

/** True when the store holds `invokeId` (listed or kept for a screen). */
export function selectHeld(s: StoreState, invokeId: string): boolean {
  return s.invocations.has(invokeId);
}

/** How many invocations the store holds (listed or kept for a screen). */
export function selectHeldCount(s: StoreState): number {
  return s.invocations.size;
}

export function selectOrder(s: StoreState): readonly string[] {
  return s.order;
}

/** Recent status transitions, newest last (notifications read them). */
export const selectTransitions = (s: StoreState) => s.transitions;
export const selectDataVersion = (s: StoreState): number => s.dataVersion;
export const selectPoll = (s: StoreState): PollState => s.poll;
export const selectPollPhase = (s: StoreState): PollState['phase'] => s.poll.phase;
export const selectInFlight = (s: StoreState): boolean => s.poll.inFlight;
export const selectFilters = (s: StoreState): StoreFilters => s.filters;
export const selectTotalCount = (s: StoreState): number | undefined => s.totalCount;
export const selectLoadedCount = (s: StoreState): number => s.order.length;
export const selectMemoryCut = (s: StoreState): number => s.evictedForMemory;
/** InvokeIds watched for alerts. */
export const selectWatched = (s: StoreState): ReadonlySet<string> => s.watched;
/** Instance names, IPs, tags and agent states known so far. */
export const selectFleet = (s: StoreState): StoreState['fleet'] => s.fleet;

/** Several regions in one view: each one's poll state and count (undefined for one region). */
export const selectRegions = (s: StoreState): StoreState['regions'] => s.regions;
/** Several regions: the region of an invocation (undefined for one region). */
export const selectRegionOf = (s: StoreState): StoreState['regionOf'] => s.regionOf;

/** The error that holds a poll back (retrying or failed); with several regions, its region's id with it. */
export interface PollFailure {
  error: ApiError;
  regionId?: string;
}

const failureOf = (poll: PollState): ApiError | undefined =>
  poll.phase === 'retrying' || poll.phase === 'failed' ? poll.lastError : undefined;

/**
 * The poll's failure. With several regions, the first region's in trouble, while the others
 * answer too: the header names its state, the footer its error in full (a new object each read:
 * compare by what it says).
 */
export function selectPollFailure(s: StoreState): PollFailure | undefined {
  if (!s.regions) {
    const error = failureOf(s.poll);
    return error && { error };
  }
  for (const r of s.regions) {
    const error = failureOf(r.poll);
    if (error) return { error, regionId: r.regionId };
  }
  return undefined;
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

/**
 * A lookup of held invocations for table cells: a new function whenever the data changed, so a
 * view's memo over it recomputes exactly then (the map itself is updated in place).
 */
export const selectInvocationLookup: (s: StoreState) => (invokeId: string) => Invocation | undefined = memoOnData(
  (s) => (invokeId) => s.invocations.get(invokeId),
);

/** Invocations per overall status over everything loaded. */
export const selectStatusCounts: (s: StoreState) => Record<InvocationStatus, number> = memoOnData((s) => {
  const zero = Object.fromEntries(INVOCATION_STATUSES.map((st) => [st, 0])) as Record<InvocationStatus, number>;
  return { ...zero, ...statusCounts(s.invocations.values(), (inv) => inv.invocationStatus) };
});

/** Per-status count of an invocation's instances (the list's "instances" column). */
const instanceCountCache = new WeakMap<Invocation, Partial<Record<InstanceStatus, number>>>();
export function instanceCounts(inv: Invocation): Partial<Record<InstanceStatus, number>> {
  const hit = instanceCountCache.get(inv);
  if (hit) return hit;
  const counts = statusCounts(inv.instances, (i) => i.invocationStatus);
  instanceCountCache.set(inv, counts);
  return counts;
}
