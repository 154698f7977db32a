// The local state store: the poller writes, the UI reads through selectors.
// Snapshots are immutable at the top (a new StoreState per change, the same object while
// nothing changed, as useSyncExternalStore needs); the entity maps are owned here and updated
// in place, but every entity and output entry is replaced, never mutated, so selectors that
// return entities compare by identity. A write that changes nothing bumps nothing.
import type { DescribeInvocationsParams, InstanceResult, Invocation } from '../api/model.js';
import type { Listener, OutputEntry, PollState, StatusTransition, Store, StoreState } from './types.js';
import { detached, mergeOrder, newerFirst, outputBytes, outputKey, sameInvocation, withInstance } from './reducer.js';

export type * from './types.js';

export interface StoreOptions {
  /** The service keeps at most 100,000 invocations; so do we (the oldest go first). */
  maxInvocations?: number;
  /** Bytes of decoded output kept across instances (LRU). */
  outputByteCap?: number;
  /** Status transitions kept, newest last. */
  maxTransitions?: number;
  filters?: DescribeInvocationsParams;
}

export interface MutableStore extends Store {
  /** Merge invocations from a listing (no outputs). Replaces entity objects only when something changed; keeps `order` sorted by creationTime newest first; records status transitions at `at`. */
  upsertInvocations(list: Invocation[], at: number): void;
  /** Merge one instance into a held invocation (a fetch filtered by InstanceId returns only that instance). */
  mergeInstance(invokeId: string, instance: InstanceResult): void;
  /** Remove invokeIds (e.g. retention) */
  remove(invokeIds: string[]): void;
  setOutput(entry: OutputEntry): void;
  setTotalCount(n: number | undefined, historyComplete: boolean): void;
  setPoll(patch: Partial<PollState>): void;
  /** Batch several mutations into one notification. */
  batch(fn: () => void): void;
  /** Bytes the output LRU holds now (for the soak and the benchmarks). */
  outputBytes(): number;
}

export const DEFAULT_MAX_INVOCATIONS = 100_000;
export const DEFAULT_OUTPUT_BYTE_CAP = 32 * 1024 * 1024;
export const DEFAULT_MAX_TRANSITIONS = 1_000;

export { outputKey };

export function createStore(opts: StoreOptions = {}): MutableStore {
  const maxInvocations = Math.max(1, opts.maxInvocations ?? DEFAULT_MAX_INVOCATIONS);
  const outputByteCap = Math.max(0, opts.outputByteCap ?? DEFAULT_OUTPUT_BYTE_CAP);
  const maxTransitions = Math.max(0, opts.maxTransitions ?? DEFAULT_MAX_TRANSITIONS);

  const invocations = new Map<string, Invocation>();
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
    transitions: [],
    poll: { phase: 'starting', inFlight: false, calls: 0 },
    filters: { ...(opts.filters ?? {}) },
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
    // Every listener hears about the change even if one of them throws; the first error surfaces.
    let failure: { error: unknown } | undefined;
    for (const l of [...listeners]) {
      try {
        l();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
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

  function evictOverCap(order: string[]): string[] {
    if (invocations.size <= maxInvocations) return order;
    const evicted = new Set<string>();
    while (invocations.size > maxInvocations && order.length > 0) {
      const id = order.pop()!;
      invocations.delete(id);
      evicted.add(id);
    }
    dropOutputsOf(evicted);
    return order;
  }

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
        const transitions: StatusTransition[] = [];
        let changed = false;
        for (const raw of list) {
          const prev = invocations.get(raw.invokeId);
          if (prev && sameInvocation(prev, raw)) continue;
          const inv = detached(raw);
          invocations.set(inv.invokeId, inv);
          changed = true;
          if (!prev) {
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
        if (moved.length > 0) {
          // CreationTime does not change in practice; if it ever does, fall back to a full sort.
          order = [...order.filter((id) => !added.has(id)), ...added].sort((a, b) => newerFirst(invocations.get(a)!, invocations.get(b)!));
        } else if (added.size > 0) {
          order = mergeOrder(order, [...added], (id) => invocations.get(id)!);
        }
        if (added.size > 0 || moved.length > 0) order = evictOverCap(order);
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
        invocations.set(invokeId, inv);
        change({}, true);
      });
    },

    remove(invokeIds) {
      run(() => {
        const gone = new Set(invokeIds.filter((id) => invocations.has(id)));
        if (gone.size === 0) return;
        for (const id of gone) invocations.delete(id);
        dropOutputsOf(gone);
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

    setTotalCount(n, historyComplete) {
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

    outputBytes: () => outputTotal,
  };
  return store;
}
