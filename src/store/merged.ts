// Several regions in one view: each region keeps a store of its own (its poller writes there; its
// bounds, totals and poll state are its own, so a discovery in one region never evicts another's),
// and this read-only Store shows them as one to the UI, which reads it through selectors.ts like
// any store. With one region it hands that region's snapshots through untouched.
import type { Invocation } from '../api/model.js';
import { newestFirst } from '../api/status.js';
import { notifyListeners } from './listeners.js';
import type { FleetState } from './names.js';
import type { BudgetStats, Listener, PollState, RegionSummary, StatusTransition, Store, StoreState } from './types.js';

/** One region's part of the view. */
export interface RegionPart {
  regionId: string;
  store: Store;
}

export interface MergedStore extends Store {
  /** Replace the regions shown (in this order); listeners hear of it at once. */
  setParts(parts: readonly RegionPart[]): void;
  /** The region whose store holds `invokeId` (listed or kept for a screen). */
  partOf(invokeId: string): RegionPart | undefined;
}

const MAX_TRANSITIONS = 1_000;
/**
 * Several regions: while a region's tick is in flight, changes wait for it (at most this long) and
 * reach listeners as one: regions tick together (src/poller/regions.ts), so one frame, not one a region.
 */
export const MAX_HOLD_MS = 250;

/** A read-only map over several maps: the first that has a key answers (ids are unique per region). */
class UnionMap<V> implements ReadonlyMap<string, V> {
  constructor(private readonly parts: () => readonly ReadonlyMap<string, V>[]) {}
  get(key: string): V | undefined {
    for (const m of this.parts()) {
      const v = m.get(key);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  has(key: string): boolean {
    return this.parts().some((m) => m.has(key));
  }
  get size(): number {
    let n = 0;
    for (const m of this.parts()) n += m.size;
    return n;
  }
  *entries(): MapIterator<[string, V]> {
    for (const m of this.parts()) yield* m.entries();
  }
  *keys(): MapIterator<string> {
    for (const m of this.parts()) yield* m.keys();
  }
  *values(): MapIterator<V> {
    for (const m of this.parts()) yield* m.values();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/** Newest first across regions: each region's order is already sorted, so a k-way merge. */
function mergeOrders(states: readonly StoreState[]): string[] {
  const heads = states.map(() => 0);
  const out: string[] = [];
  for (;;) {
    let best = -1;
    let bestInv: Invocation | undefined;
    for (let k = 0; k < states.length; k++) {
      const id = states[k].order[heads[k]];
      if (id === undefined) continue;
      const inv = states[k].invocations.get(id) ?? ({ invokeId: id } as Invocation);
      if (best < 0 || newestFirst(inv, bestInv!) < 0) {
        best = k;
        bestInv = inv;
      }
    }
    if (best < 0) return out;
    out.push(states[best].order[heads[best]++]);
  }
}

const RANK: Record<PollState['phase'], number> = { ok: 0, retrying: 1, starting: 2, failed: 3 };

/**
 * The header's one budget line with several regions: `--budget` is each region's, so the region
 * nearest its limit speaks (a slowed one first); throttling is counted over all of them.
 */
function mergeBudgets(polls: readonly PollState[]): BudgetStats | undefined {
  const all = polls.map((p) => p.budget).filter((b): b is BudgetStats => b !== undefined);
  if (all.length === 0) return undefined;
  const share = (b: BudgetStats) => (b.slowed ? 2 : 0) + b.callsLastMinute / Math.max(1, b.perMinute);
  const lead = all.reduce((a, b) => (share(b) > share(a) ? b : a));
  return { ...lead, throttledLastMinute: all.reduce((n, b) => n + b.throttledLastMinute, 0) };
}

/** The view's poll state: live while any region is; the failure of the first failing one otherwise. */
function mergePolls(polls: readonly PollState[]): PollState {
  const lead = [...polls].sort((a, b) => RANK[a.phase] - RANK[b.phase])[0];
  const ok = polls.filter((p) => p.phase === 'ok');
  const next = ok.map((p) => p.nextTickAt).filter((t): t is number => t !== undefined);
  const success = polls.map((p) => p.lastSuccessAt).filter((t): t is number => t !== undefined);
  return {
    ...lead,
    ...(ok.length > 0 && next.length > 0 ? { nextTickAt: Math.min(...next) } : {}),
    lastSuccessAt: success.length > 0 ? Math.min(...success) : undefined,
    inFlight: polls.some((p) => p.inFlight),
    calls: polls.reduce((n, p) => n + p.calls, 0),
    notice: polls.find((p) => p.notice)?.notice,
    budget: mergeBudgets(polls),
  };
}

export function createMergedStore(initial: readonly RegionPart[]): MergedStore {
  let parts: readonly RegionPart[] = [];
  const listeners = new Set<Listener>();
  let unsubscribes: (() => void)[] = [];
  /** Each region's snapshot when the view was last built. */
  let seen: StoreState[] = [];
  let state: StoreState | undefined;
  let stale = true;
  let version = 0;
  let dataVersion = 0;
  let transitions: StatusTransition[] = [];
  /** Each region store's transition window when last merged (kept across setParts: none twice). */
  const windows = new Map<Store, readonly StatusTransition[]>();
  let watchedOf: readonly ReadonlySet<string>[] = [];
  let watched: ReadonlySet<string> = new Set();
  let fleetOf: readonly FleetState[] = [];
  let fleet: FleetState | undefined;
  const regionOfId = (invokeId: string) => parts.find((p) => p.store.getState().invocations.has(invokeId))?.regionId;
  const invocations = new UnionMap<Invocation>(() => seen.map((s) => s.invocations));
  const outputs = new UnionMap(() => seen.map((s) => s.outputs));
  let runs = new UnionMap(() => seen.map((s) => s.runs));

  /** Transitions a region recorded since it was last seen: its window is newest last, kept by identity. */
  function newTransitions(before: readonly StatusTransition[] | undefined, now: readonly StatusTransition[]): readonly StatusTransition[] {
    if (!before || before.length === 0) return now;
    const last = before[before.length - 1];
    const at = now.lastIndexOf(last);
    return at < 0 ? now : now.slice(at + 1);
  }

  function mergedFleet(states: readonly StoreState[]): FleetState {
    const fleets = states.map((s) => s.fleet);
    if (fleet && fleets.length === fleetOf.length && fleets.every((f, i) => f === fleetOf[i])) return fleet;
    fleetOf = fleets;
    fleet = {
      names: new UnionMap(() => fleets.map((f) => f.names)),
      agents: new UnionMap(() => fleets.map((f) => f.agents)),
      namesUnavailable: fleets.find((f) => f.namesUnavailable)?.namesUnavailable,
      agentsUnavailable: fleets.find((f) => f.agentsUnavailable)?.agentsUnavailable,
    };
    return fleet;
  }

  /** Every region's watched invocations as one set, made anew only when one of them changed. */
  function mergedWatched(states: readonly StoreState[]): ReadonlySet<string> {
    const sets = states.map((s) => s.watched);
    if (sets.length !== watchedOf.length || sets.some((w, i) => w !== watchedOf[i])) {
      watchedOf = sets;
      watched = new Set(sets.flatMap((w) => [...w]));
    }
    return watched;
  }

  function build(): StoreState {
    const states = parts.map((p) => p.store.getState());
    const before = seen;
    const partsChanged = states.length !== before.length || !state;
    const dataChanged = partsChanged || states.some((s, i) => s.dataVersion !== before[i].dataVersion);
    if (!partsChanged && states.every((s, i) => s === before[i])) return state!;
    const fresh: StatusTransition[] = [];
    for (let i = 0; i < states.length; i++) {
      const was = windows.get(parts[i].store);
      if (states[i].transitions === was) continue;
      fresh.push(...newTransitions(was, states[i].transitions));
      windows.set(parts[i].store, states[i].transitions);
    }
    // Newest last across regions, as in one store (the sort is stable within a region).
    transitions.push(...fresh.sort((a, b) => a.at - b.at));
    if (transitions.length > MAX_TRANSITIONS) transitions = transitions.slice(-MAX_TRANSITIONS);
    seen = states;
    const orderChanged = partsChanged || states.some((s, i) => s.order !== before[i].order);
    if (states.some((s, i) => s.runs !== before[i]?.runs)) runs = new UnionMap(() => seen.map((s) => s.runs));
    const totals = states.map((s) => s.totalCount);
    const regions: RegionSummary[] = parts.map((p, i) => ({ regionId: p.regionId, poll: states[i].poll, loaded: states[i].order.length }));
    const prev = state;
    state = {
      version: ++version,
      dataVersion: dataChanged ? ++dataVersion : dataVersion,
      invocations,
      order: orderChanged || !prev ? mergeOrders(states) : prev.order,
      totalCount: totals.every((t) => t !== undefined) ? totals.reduce((a, b) => a! + b!, 0) : undefined,
      historyComplete: states.every((s) => s.historyComplete),
      outputs,
      runs,
      transitions: dataChanged ? [...transitions] : (prev?.transitions ?? []),
      poll: mergePolls(states.map((s) => s.poll)),
      filters: states[0]?.filters ?? {},
      evictedForMemory: states.reduce((n, s) => n + s.evictedForMemory, 0),
      fleet: mergedFleet(states),
      watched: mergedWatched(states),
      regions,
      regionOf: regionOfId,
    };
    return state;
  }

  let hold: ReturnType<typeof setTimeout> | undefined;
  function changed(): void {
    stale = true;
    if (parts.length > 1 && parts.some((p) => p.store.getState().poll.inFlight)) {
      hold ??= setTimeout(notifyAll, MAX_HOLD_MS);
      hold.unref?.();
      return;
    }
    notifyAll();
  }

  function notifyAll(): void {
    if (hold) clearTimeout(hold);
    hold = undefined;
    notifyListeners(listeners);
  }

  const merged: MergedStore = {
    getState() {
      // One region: its own snapshots, so the single-region view is exactly what it was.
      if (parts.length === 1) return parts[0].store.getState();
      if (stale) {
        stale = false;
        return build();
      }
      return state ?? build();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    protect(invokeId) {
      const releases = parts.map((p) => p.store.protect(invokeId));
      return () => releases.forEach((r) => r());
    },
    setParts(next) {
      for (const u of unsubscribes) u();
      for (const store of windows.keys()) if (!next.some((p) => p.store === store)) windows.delete(store);
      parts = [...next];
      unsubscribes = parts.map((p) => p.store.subscribe(changed));
      seen = [];
      state = undefined;
      fleet = undefined;
      notifyAll();
    },
    partOf(invokeId) {
      return parts.find((p) => p.store.getState().invocations.has(invokeId));
    },
  };
  parts = [...initial];
  unsubscribes = parts.map((p) => p.store.subscribe(changed));
  return merged;
}
