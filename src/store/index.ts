// The local state store: the poller writes, the UI reads through selectors.
// Snapshots are immutable at the top (a new StoreState per change, the same object while
// nothing changed, as useSyncExternalStore needs); the entity maps are owned here and updated
// in place, but every entity and output entry is replaced, never mutated, so selectors that
// return entities compare by identity. A write that changes nothing bumps nothing.
import type { InstanceResult, Invocation } from '../api/model.js';
import type { Listener, OutputEntry, PollState, StatusTransition, Store, StoreFilters, StoreState } from './types.js';
import { newestFirst } from '../api/status.js';
import { detached, mergeOrder, outputBytes, outputKey, sameInvocation, withInstance } from './reducer.js';
import { invocationBytes, pickVictims } from './bounds.js';
import { withHistory, type RunHistory } from './runs.js';
import { EMPTY_FLEET, type FleetState } from './names.js';
import { definedFilters, matchesFilters, sameFilters } from './filters.js';
import { notifyListeners } from './listeners.js';

export type * from './types.js';

export interface StoreOptions {
  /** The service keeps at most 100,000 invocations; so do we (the oldest final ones go first). */
  maxInvocations?: number;
  /** Estimated bytes of the invocations kept (see bounds.ts); the oldest final ones go first. */
  invocationByteCap?: number;
  /** Bytes of decoded output kept across instances (LRU). */
  outputByteCap?: number;
  /** Status transitions kept, newest last. */
  maxTransitions?: number;
  filters?: StoreFilters;
}

export interface MutableStore extends Store {
  /** Merge invocations from a listing (no outputs). Replaces entity objects only when something changed; keeps `order` sorted by creationTime newest first; records status transitions at `at`. */
  upsertInvocations(list: Invocation[], at: number): void;
  /** Merge one instance into a held invocation (a fetch filtered by InstanceId returns only that instance). */
  mergeInstance(invokeId: string, instance: InstanceResult): void;
  /** Remove invokeIds the API no longer returns. */
  remove(invokeIds: string[]): void;
  setOutput(entry: OutputEntry): void;
  /** Replace one invocation's run history (the oldest other histories go past their bound). */
  setRuns(history: RunHistory): void;
  setTotalCount(n: number | undefined, historyComplete: boolean): void;
  setPoll(patch: Partial<PollState>): void;
  /** Replace the names cache (./names.ts builds the next one). */
  setFleet(fleet: FleetState): void;
  /**
   * New filters while running: what they would not return leaves the list at once (kept out of
   * it only while protected); the API's count is unknown until the next listing.
   */
  setFilters(filters: StoreFilters): void;
  /** The invocations the user watches for alerts (`W`). */
  setWatched(ids: ReadonlySet<string>): void;
  /** Batch several mutations into one notification. */
  batch(fn: () => void): void;
  /** Bytes the output LRU holds now (for the soak and the benchmarks). */
  outputBytes(): number;
  /** Estimated bytes of the invocations held now (bounded by `invocationByteCap`). */
  invocationBytes(): number;
}

export const DEFAULT_MAX_INVOCATIONS = 100_000;
export const DEFAULT_OUTPUT_BYTE_CAP = 32 * 1024 * 1024;
/**
 * Estimated bytes (see bounds.ts): 100,000 of the emulator's invocations estimate at about 110 MB
 * (1.1 KB each, 1.7 KB at most), so the count bounds those; 64 KB unique contents stop near 1,500.
 */
export const DEFAULT_INVOCATION_BYTE_CAP = 192 * 1024 * 1024;
export const DEFAULT_MAX_TRANSITIONS = 1_000;

export { outputKey };

export function createStore(opts: StoreOptions = {}): MutableStore {
  const maxInvocations = Math.max(1, opts.maxInvocations ?? DEFAULT_MAX_INVOCATIONS);
  const outputByteCap = Math.max(0, opts.outputByteCap ?? DEFAULT_OUTPUT_BYTE_CAP);
  const maxTransitions = Math.max(0, opts.maxTransitions ?? DEFAULT_MAX_TRANSITIONS);
  const invocationByteCap = Math.max(0, opts.invocationByteCap ?? DEFAULT_INVOCATION_BYTE_CAP);
  let localStatus = opts.filters?.localStatus;

  const invocations = new Map<string, Invocation>();
  const sizes = new Map<string, number>();
  let invocationTotal = 0;
  const protectedIds = new Map<string, number>();
  /** Held for a screen but out of the list: the filters set while running would not return them. */
  const unlisted = new Set<string>();
  // Map iteration order is insertion order: delete + set moves an entry to the young end.
  const outputs = new Map<string, OutputEntry>();
  const outputSizes = new Map<string, number>();
  let outputTotal = 0;
  const listeners = new Set<Listener>();

  let state: StoreState = {
    version: 0,
    dataVersion: 0,
    invocations,
    order: [],
    totalCount: undefined,
    historyComplete: false,
    outputs,
    runs: new Map(),
    transitions: [],
    poll: { phase: 'starting', inFlight: false, calls: 0 },
    filters: { ...(opts.filters ?? {}) },
    evictedForMemory: 0,
    fleet: EMPTY_FLEET,
    watched: new Set(),
  };

  // Pending changes of the current batch; published as one new snapshot.
  let depth = 0;
  let dirty = false;
  let dataDirty = false;
  let next: Partial<StoreState> = {};

  function publish(): void {
    if (depth > 0 || !dirty) return;
    state = {
      ...state,
      ...next,
      version: state.version + 1,
      dataVersion: dataDirty ? state.dataVersion + 1 : state.dataVersion,
    };
    dirty = false;
    dataDirty = false;
    next = {};
    notifyListeners(listeners);
  }

  function change(patch: Partial<StoreState>, data: boolean): void {
    Object.assign(next, patch);
    dirty = true;
    if (data) dataDirty = true;
  }

  const current = <K extends keyof StoreState>(k: K): StoreState[K] =>
    (k in next ? next[k] : state[k]) as StoreState[K];

  function record(list: StatusTransition[]): void {
    if (list.length === 0 || maxTransitions === 0) return;
    const merged = [...current('transitions'), ...list];
    change({ transitions: merged.length > maxTransitions ? merged.slice(-maxTransitions) : merged }, true);
  }

  function dropOutputsOf(ids: ReadonlySet<string>): void {
    for (const [key, entry] of outputs) {
      if (ids.has(entry.invokeId)) {
        outputs.delete(key);
        outputTotal -= outputSizes.get(key) ?? 0;
        outputSizes.delete(key);
      }
    }
  }

  function hold(inv: Invocation): void {
    const size = invocationBytes(inv);
    invocationTotal += size - (sizes.get(inv.invokeId) ?? 0);
    sizes.set(inv.invokeId, size);
    invocations.set(inv.invokeId, inv);
  }

  function forget(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      invocationTotal -= sizes.get(id) ?? 0;
      sizes.delete(id);
      invocations.delete(id);
      unlisted.delete(id);
    }
    dropOutputsOf(ids);
  }

  /** Drop the oldest final, unprotected invocations while over the count or the byte bound. */
  function evictOverBounds(order: string[]): string[] {
    if (invocations.size <= maxInvocations && invocationTotal <= invocationByteCap) return order;
    const victims = pickVictims(
      order,
      { count: invocations.size, bytes: invocationTotal, maxCount: maxInvocations, maxBytes: invocationByteCap },
      (id) => invocations.get(id),
      (id) => sizes.get(id) ?? 0,
      (id) => protectedIds.has(id),
    );
    if (victims.ids.size === 0) return order;
    forget(victims.ids);
    if (victims.forMemory > 0) change({ evictedForMemory: current('evictedForMemory') + victims.forMemory }, true);
    return order.filter((id) => !victims.ids.has(id));
  }

  /** Outside the local status filter: kept (out of the list) only while protected. */
  const outsideLocal = (inv: Invocation) => localStatus !== undefined && inv.invocationStatus !== localStatus;

  function run(fn: () => void): void {
    depth++;
    try {
      fn();
    } finally {
      depth--;
    }
    publish();
  }

  const store: MutableStore = {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    batch(fn) {
      run(fn);
    },

    upsertInvocations(list, at) {
      run(() => {
        const added = new Set<string>();
        const moved: string[] = [];
        const left = new Set<string>();
        const transitions: StatusTransition[] = [];
        let changed = false;
        for (const raw of list) {
          const prev = invocations.get(raw.invokeId);
          if (prev && unlisted.has(raw.invokeId)) {
            // On screen only: back in the list once the filters would return it.
            if (!sameInvocation(prev, raw)) {
              hold(detached(raw));
              changed = true;
            }
            if (!matchesFilters(raw, current('filters'))) continue;
            unlisted.delete(raw.invokeId);
            added.add(raw.invokeId);
            changed = true;
            continue;
          }
          if (prev && sameInvocation(prev, raw)) continue;
          if (outsideLocal(raw)) {
            if (!prev) continue;
            // It left the status asked for: out of the list; on screen it stays, up to date.
            if (!outsideLocal(prev)) left.add(raw.invokeId);
            if (protectedIds.has(raw.invokeId)) hold(detached(raw));
            else forget(new Set([raw.invokeId]));
            changed = true;
            continue;
          }
          const inv = detached(raw);
          hold(inv);
          changed = true;
          if (prev && outsideLocal(prev)) {
            added.add(inv.invokeId); // back inside the filter: back in the list
          } else if (!prev) {
            added.add(inv.invokeId);
          } else if (prev.creationTime !== inv.creationTime) {
            moved.push(inv.invokeId);
          }
          if (prev?.invocationStatus !== inv.invocationStatus) {
            transitions.push({ invokeId: inv.invokeId, from: prev?.invocationStatus, to: inv.invocationStatus, at });
          }
        }
        if (!changed) return;
        let order = current('order') as string[];
        if (left.size > 0) order = order.filter((id) => !left.has(id));
        if (moved.length > 0) {
          // CreationTime does not change in practice; if it ever does, fall back to a full sort.
          order = [...order.filter((id) => !added.has(id)), ...added].sort((a, b) => newestFirst(invocations.get(a)!, invocations.get(b)!));
        } else if (added.size > 0) {
          order = mergeOrder(order, [...added], (id) => invocations.get(id)!);
        }
        order = evictOverBounds(order);
        change(order === current('order') ? {} : { order }, true);
        record(transitions.filter((t) => invocations.has(t.invokeId)));
      });
    },

    mergeInstance(invokeId, instance) {
      run(() => {
        const prev = invocations.get(invokeId);
        if (!prev) return;
        const inv = withInstance(prev, instance);
        if (inv === prev) return;
        hold(inv);
        change({}, true);
      });
    },

    remove(invokeIds) {
      run(() => {
        const gone = new Set(invokeIds.filter((id) => invocations.has(id)));
        if (gone.size === 0) return;
        forget(gone);
        change({ order: current('order').filter((id) => !gone.has(id)) }, true);
      });
    },

    setOutput(entry) {
      run(() => {
        const key = outputKey(entry.invokeId, entry.instanceId);
        const prev = outputs.get(key);
        if (prev && prev.text === entry.text && prev.dropped === entry.dropped && prev.complete === entry.complete) {
          // Unchanged text: refresh its LRU position silently, publish nothing.
          outputs.delete(key);
          outputs.set(key, prev);
          return;
        }
        if (prev) {
          outputs.delete(key);
          outputTotal -= outputSizes.get(key) ?? 0;
        }
        const size = outputBytes(entry.text, entry.invokeId, entry.instanceId);
        outputs.set(key, entry);
        outputSizes.set(key, size);
        outputTotal += size;
        // Evict least recently set entries, but never the one just written (it is on screen).
        for (const [k] of outputs) {
          if (outputTotal <= outputByteCap || k === key) break;
          outputs.delete(k);
          outputTotal -= outputSizes.get(k) ?? 0;
          outputSizes.delete(k);
        }
        change({}, true);
      });
    },

    setRuns(history) {
      run(() => change({ runs: withHistory(current('runs'), history) }, true));
    },

    setTotalCount(total, historyComplete) {
      // The API counts its own filter's matches: with a local filter that count is not ours.
      const n = localStatus === undefined ? total : undefined;
      run(() => {
        if (current('totalCount') === n && current('historyComplete') === historyComplete) return;
        change({ totalCount: n, historyComplete }, true);
      });
    },

    setPoll(patch) {
      run(() => {
        const poll = current('poll');
        const keys = Object.keys(patch) as (keyof PollState)[];
        if (keys.every((k) => poll[k] === patch[k])) return;
        change({ poll: { ...poll, ...patch } }, false);
      });
    },

    setFleet(fleet) {
      // Data: names take part in `/` matches and the list's columns.
      run(() => current('fleet') !== fleet && change({ fleet }, true));
    },

    setFilters(next) {
      run(() => {
        const filters = definedFilters(next);
        if (sameFilters(current('filters'), filters)) return;
        localStatus = filters.localStatus;
        const out = new Set<string>();
        for (const id of current('order')) if (!matchesFilters(invocations.get(id)!, filters)) out.add(id);
        const gone = new Set<string>();
        for (const id of out) {
          if (protectedIds.has(id)) unlisted.add(id);
          else gone.add(id);
        }
        forget(gone);
        const order = out.size > 0 ? current('order').filter((id) => !out.has(id)) : current('order');
        change({ filters, order, totalCount: undefined, historyComplete: false }, true);
      });
    },

    setWatched(ids) {
      run(() => current('watched') !== ids && change({ watched: ids }, false));
    },

    protect(invokeId) {
      protectedIds.set(invokeId, (protectedIds.get(invokeId) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (protectedIds.get(invokeId) ?? 1) - 1;
        if (left > 0) return void protectedIds.set(invokeId, left);
        protectedIds.delete(invokeId);
        // Kept only for the screen that held it: outside the status asked for, it goes now.
        const inv = invocations.get(invokeId);
        if (inv && (outsideLocal(inv) || unlisted.has(invokeId))) run(() => (forget(new Set([invokeId])), change({}, true)));
      };
    },

    outputBytes: () => outputTotal,
    invocationBytes: () => invocationTotal,
  };
  return store;
}
