// Several regions at once: one client, one store and one poller (scheduler) per region, so a
// region's outage or throttling backs off that region alone and `--max-rps` is each region's
// budget (their ticks fall together, so the screen redraws once for all). The UI sees one merged store (src/store/merged.ts) and the same intents as with one
// region; each intent goes to the region that holds its invocation. `setRegions` adds and
// removes regions while running.
import { realClock, type Clock, type ClockTimer } from '../clock.js';
import { createGroupBook, type GroupBook } from '../group/book.js';
import { createMergedStore, type MergedStore } from '../store/merged.js';
import { createStore, type MutableStore, type StoreFilters } from '../store/index.js';
import { createPoller, type Poller, type PollerOptions } from './index.js';
import type { MonitorDemand } from './jobs/demands.js';
import type { MonitorApi } from './jobs/state.js';

export interface RegionsOptions extends Omit<PollerOptions, 'api' | 'store' | 'groups' | 'filters'> {
  /** Region ids in the order shown (at least one). */
  regions: readonly string[];
  /** The client of a region (created when the region is first watched). */
  apiFor(regionId: string): MonitorApi;
  filters: StoreFilters;
}

export interface RegionPoller {
  regionId: string;
  store: MutableStore;
  poller: Poller;
}

export interface RegionsPoller {
  /** The one store the UI reads. */
  readonly store: MergedStore;
  readonly groups: GroupBook;
  start(): void;
  stop(): void;
  refreshNow(): void;
  demand(demand: MonitorDemand): () => void;
  stopInvocation(invokeId: string, instanceIds?: string[]): Promise<void>;
  /** The invocation's command again, in the invocation's region (./rerun.ts). */
  rerun: Poller['rerun'];
  /** New API filters in every region (the `:` prompt). */
  setFilters(filters: StoreFilters): void;
  /** `W`: kept by the region that holds the invocation. */
  watch(invokeId: string, on: boolean): void;
  /** Watch these regions from now on (the `:region` prompt): new ones start, dropped ones stop. */
  setRegions(regions: readonly string[]): void;
  /** The regions watched now, in order. */
  regions(): readonly string[];
  /** Each region's parts (tests, the bench). */
  parts(): readonly RegionPoller[];
  /** Resolves when no region's tick runs or waits. */
  idle(): Promise<void>;
  /** One full tick in every region (tests, the bench). */
  tickOnce(): Promise<void>;
}

/** How far a region's tick may move to meet another region's (src/store/merged.ts draws them as one frame). */
export const TICK_SNAP_MS = 1_000;

/**
 * One clock for the regions' pollers: a wait of a second or more (a tick, a backoff) that would
 * end within `snapMs` of another one pending ends with it, so the regions' ticks fall together
 * instead of drifting apart; shorter waits (the request budget) stay exact.
 */
export function snappingClock(clock: Clock, snapMs = TICK_SNAP_MS): Clock {
  const pending = new Map<ClockTimer, number>();
  return {
    now: () => clock.now(),
    clearTimeout(timer) {
      pending.delete(timer);
      clock.clearTimeout(timer);
    },
    setTimeout(fn, ms) {
      if (ms < snapMs) return clock.setTimeout(fn, ms);
      const now = clock.now();
      let at = now + ms;
      for (const other of pending.values()) if (other >= now && Math.abs(other - at) <= snapMs) at = other;
      const timer = clock.setTimeout(() => {
        pending.delete(timer);
        fn();
      }, at - now);
      pending.set(timer, at);
      return timer;
    },
  };
}

type WithInvocation = Extract<MonitorDemand, { invokeId: string }>;
type WithInstances = Extract<MonitorDemand, { instanceIds: readonly string[] }>;

export function createRegionsPoller(opts: RegionsOptions): RegionsPoller {
  const { regions: initial, apiFor, filters, ...rest } = opts;
  // One region started alone keeps its clock as it is; several tick together.
  const clock = new Set(initial).size > 1 ? snappingClock(opts.clock ?? realClock) : opts.clock;
  const pollerOpts = { ...rest, clock };
  const groups = createGroupBook();
  let list: RegionPoller[] = [];
  let started = false;
  /** Invocation demands held now, for routing names demands to the region on screen. */
  const onScreen = new Set<WithInvocation>();

  /** The API filters now (`setFilters` changes them; a region added later starts with them). */
  let current: StoreFilters = filters;

  function open(regionId: string): RegionPoller {
    const store = createStore({ filters: current });
    const poller = createPoller({ ...pollerOpts, api: apiFor(regionId), store, filters: current, groups });
    if (started) poller.start();
    return { regionId, store, poller };
  }

  list = [...new Set(initial)].map(open);
  const store = createMergedStore(list);

  const byInvocation = (invokeId: string) => {
    const part = store.partOf(invokeId);
    return list.find((r) => r.store === part?.store);
  };

  /** The region of instances on screen: that of an invocation on screen holding the first one, else any holding it. */
  function byInstances(ids: readonly string[]): RegionPoller | undefined {
    const first = ids[0];
    if (first === undefined) return undefined;
    const holds = (r: RegionPoller, invokeId: string) => r.store.getState().invocations.get(invokeId)?.instances.some((i) => i.instanceId === first);
    for (const d of onScreen) {
      const r = byInvocation(d.invokeId);
      if (r && holds(r, d.invokeId)) return r;
    }
    return list.find((r) => [...r.store.getState().invocations.keys()].some((id) => holds(r, id)));
  }

  function route(d: MonitorDemand): readonly RegionPoller[] {
    if (d.kind === 'history') return list;
    const one = 'invokeId' in d ? byInvocation(d.invokeId) : byInstances((d as WithInstances).instanceIds);
    // Not held anywhere yet (an id from the command line): every region looks for it.
    return one ? [one] : list;
  }

  return {
    store,
    groups,
    start() {
      if (started) return;
      started = true;
      for (const r of list) r.poller.start();
    },
    stop() {
      started = false;
      for (const r of list) r.poller.stop();
    },
    refreshNow() {
      for (const r of list) r.poller.refreshNow();
    },
    demand(d) {
      if ('invokeId' in d) onScreen.add(d);
      const releases = route(d).map((r) => r.poller.demand(d));
      return () => {
        onScreen.delete(d as WithInvocation);
        for (const release of releases) release();
      };
    },
    async stopInvocation(invokeId, instanceIds) {
      const r = byInvocation(invokeId) ?? list[0];
      await r.poller.stopInvocation(invokeId, instanceIds);
    },
    rerun(invokeId, instanceIds) {
      return (byInvocation(invokeId) ?? list[0]).poller.rerun(invokeId, instanceIds);
    },
    setFilters(next) {
      current = { ...next };
      for (const r of list) r.poller.setFilters(next);
    },
    watch(invokeId, on) {
      (byInvocation(invokeId) ?? list[0]).poller.watch(invokeId, on);
    },
    setRegions(regions) {
      const wanted = [...new Set(regions)];
      if (wanted.length === 0) return;
      const keep = new Map(list.map((r) => [r.regionId, r]));
      for (const r of list) if (!wanted.includes(r.regionId)) r.poller.stop();
      list = wanted.map((id) => keep.get(id) ?? open(id));
      store.setParts(list);
    },
    regions: () => list.map((r) => r.regionId),
    parts: () => list,
    async idle() {
      await Promise.all(list.map((r) => r.poller.idle()));
    },
    async tickOnce() {
      await Promise.all(list.map((r) => r.poller.tickOnce()));
    },
  };
}
