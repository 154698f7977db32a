// The poller decides which API calls to make when, and feeds the store. The API is the
// bottleneck (about 1,000 calls a minute per account, shared with everything else), so a tick
// is a small plan (DESIGN.md "Polling"):
//   1 discovery   page 1 of the user's filtered list (no output)
//   2 active      one InvokeStatus=Running listing of the active set, ceil(active/50) calls,
//                 skipped when page 1 already showed every known active invocation
//   3 finished    each invocation that left the active set, fetched once by InvokeId
//   4 focus       the one instance on screen, with IncludeOutput
//   5 history     one more page in the background, up to --history
// One tick at a time; a token bucket caps all calls; retryable errors back off with full jitter.
import type { Clock, ClockTimer } from '../clock.js';
import { realClock } from '../clock.js';
import { ApiError } from '../api/errors.js';
import type { DescribeInvocationsParams, InstanceResult, Invocation, InvocationPage, InvocationsApi } from '../api/model.js';
import { ACTIVE_INVOCATION, isFinalInstance } from '../api/status.js';
import type { MutableStore } from '../store/index.js';
import { ownString } from '../store/reducer.js';
import { selectOutput } from '../store/selectors.js';
import type { OutputEntry, PollState } from '../store/types.js';
import { backoffDelay } from './backoff.js';
import { RequestBudget } from './budget.js';

export { backoffDelay } from './backoff.js';
export { RequestBudget } from './budget.js';

export interface PollerOptions {
  api: InvocationsApi;
  store: MutableStore;
  clock?: Clock;
  /** Tick interval while anything loaded or focused is active. */
  intervalMs?: number;
  /** Tick interval when everything loaded is final. */
  idleIntervalMs?: number;
  /** Page size of discovery and history listings (1..50). */
  pageSize?: number;
  /** Invocations to load in the background (newest first). */
  history?: number;
  /** Global request budget, calls per second. */
  maxRps?: number;
  /** The user's API filters; defaults to the store's. */
  filters?: DescribeInvocationsParams;
  backoffCapMs?: number;
  /** Jitter source; seeded in tests. */
  random?: () => number;
}

export interface Focus {
  invokeId: string;
  instanceId?: string;
}

export interface Poller {
  start(): void;
  stop(): void;
  /** `r`: tick now (also leaves the 'failed' phase and resets backoff). */
  refreshNow(): void;
  /** What the user looks at: an invocation (refresh its instances each tick) or one instance (also fetch its output with IncludeOutput + InvokeId each tick while it is active, once when final). */
  setFocus(focus: Focus | null): void;
  /** The user scrolled to the end of the list: load the next history page now. */
  loadMore(): void;
  /** Intent from the UI: StopInvocation, then refresh that invocation. Rejects with ApiError. */
  stopInvocation(invokeId: string, instanceIds?: string[]): Promise<void>;
  /** Resolves when the current tick (if any) finishes — lets tests await a tick instead of sleeping. */
  idle(): Promise<void>;
  /** Run one tick now and resolve when it is done (tests, --once). */
  tickOnce(): Promise<void>;
}

/** DescribeInvocations pages hold at most 50; the active listing always uses full pages. */
const MAX_PAGE = 50;

type Step = 'discovery' | 'active' | 'finished' | 'focus' | 'history';
const FULL: ReadonlySet<Step> = new Set(['discovery', 'active', 'finished', 'focus', 'history']);

/** What one tick learned; applied to the store in one batch, also when the tick failed half way. */
interface TickResult {
  seen: Map<string, Invocation>;
  instances: { invokeId: string; instance: InstanceResult }[];
  outputs: OutputEntry[];
  gone: string[];
  totalCount?: number;
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError({ code: 'PollerError', message, kind: 'malformed', retryable: true });
}

const isActive = (inv: Invocation) => ACTIVE_INVOCATION.has(inv.invocationStatus);

export function createPoller(opts: PollerOptions): Poller {
  const { api, store } = opts;
  const clock = opts.clock ?? realClock;
  const intervalMs = Math.max(1, opts.intervalMs ?? 2000);
  const idleIntervalMs = Math.max(intervalMs, opts.idleIntervalMs ?? 10_000);
  const pageSize = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.pageSize ?? MAX_PAGE)));
  const capMs = Math.max(intervalMs, opts.backoffCapMs ?? 60_000);
  const random = opts.random ?? Math.random;
  const budget = new RequestBudget(clock, Math.max(0.1, opts.maxRps ?? 10));
  // Lists never ask for output; paging is ours.
  const {
    includeOutput: _io,
    pageNumber: _pn,
    pageSize: _ps,
    nextToken: _nt,
    maxResults: _mr,
    ...listFilters
  } = opts.filters ?? store.getState().filters;

  // What the poller knows between ticks.
  const active = new Set<string>(); // InvokeIds last seen in progress
  let activeScanned = false; // one full active listing has completed
  let historyLimit = Math.max(0, opts.history ?? 500);
  let historyPage = 2;
  let historyDone = false;
  let historyNow = false; // loadMore: fetch a page even without a spare token
  let focus: Focus | null = null;
  let focusFetched = false;
  const forced = new Set<string>(); // refresh by id next tick (after StopInvocation)
  let failures = 0;
  let failingSince: number | undefined;
  let calls = 0;
  let started = false;
  let halted = false; // a final error: no timer until refreshNow
  let timer: ClockTimer | null = null;
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let queuedSteps = new Set<Step>();

  async function call<T>(fn: () => Promise<T>): Promise<T> {
    await budget.take();
    calls++;
    return fn();
  }

  const list = (params: DescribeInvocationsParams) => call(() => api.describeInvocations(params));

  function add(r: TickResult, invocations: Invocation[]): void {
    for (const inv of invocations) r.seen.set(inv.invokeId, inv);
  }

  /** Fetch one invocation by id; undefined when the service no longer has it. */
  async function fetchById(invokeId: string): Promise<Invocation | undefined> {
    try {
      const page = await list({ invokeId, ...(listFilters.instanceId ? { instanceId: listFilters.instanceId } : {}) });
      return page.invocations.find((i) => i.invokeId === invokeId);
    } catch (e) {
      const err = toApiError(e);
      if (!err.retryable && /NotFound|NotExist/i.test(err.code)) return undefined;
      throw err;
    }
  }

  async function discover(r: TickResult): Promise<InvocationPage> {
    const known = store.getState().invocations;
    const hadData = known.size > 0;
    const page1 = await list({ ...listFilters, pageNumber: 1, pageSize });
    add(r, page1.invocations);
    r.totalCount = page1.totalCount;
    // More than a page arrived since the last tick: walk on until we meet what we hold, so a
    // burst leaves no hole that history loading (already past it) would never fill.
    let last = page1;
    for (let page = 2; hadData && last.invocations.length === pageSize; page++) {
      if (last.invocations.some((i) => known.has(i.invokeId))) break;
      if ((page - 1) * pageSize >= Math.max(historyLimit, pageSize)) break;
      last = await list({ ...listFilters, pageNumber: page, pageSize });
      add(r, last.invocations);
    }
    return page1;
  }

  async function refreshActive(r: TickResult, page1: InvocationPage | undefined): Promise<void> {
    const status = listFilters.invokeStatus;
    if (status !== undefined && status !== 'Running') {
      activeScanned = true; // the user's filter admits only final invocations
      return;
    }
    // Final invocations never become active again and new ones arrive on page 1, so once the
    // active set is known, page 1 showing all of it means the listing would tell us nothing new.
    if (page1 && activeScanned && [...active].every((id) => r.seen.has(id))) return;
    const params: DescribeInvocationsParams = { ...listFilters, invokeStatus: 'Running' };
    let page: InvocationPage;
    if (page1 && status === 'Running' && pageSize === MAX_PAGE) {
      page = page1; // discovery already was page 1 of this listing
    } else {
      page = await list({ ...params, pageNumber: 1, pageSize: MAX_PAGE });
      add(r, page.invocations);
    }
    for (let n = 2; ; n++) {
      const more =
        page.totalCount !== undefined ? (n - 1) * MAX_PAGE < page.totalCount : page.invocations.length === MAX_PAGE;
      if (!more || page.invocations.length === 0) break;
      page = await list({ ...params, pageNumber: n, pageSize: MAX_PAGE });
      add(r, page.invocations);
    }
    activeScanned = true;
  }

  async function fetchFinished(r: TickResult, forcedNow: readonly string[]): Promise<void> {
    const ids = new Set([...[...active].filter((id) => !r.seen.has(id)), ...forcedNow]);
    for (const id of ids) {
      const inv = await fetchById(id);
      if (inv) r.seen.set(id, inv);
      else r.gone.push(id);
    }
  }

  async function fetchFocus(r: TickResult): Promise<void> {
    const f = focus;
    if (!f) return;
    const state = store.getState();
    if (f.instanceId) {
      const instanceId = f.instanceId;
      // Output only for the instance on screen: every tick while it runs, once when final.
      if (selectOutput(state, f.invokeId, instanceId)?.complete) return;
      const page = await list({ invokeId: f.invokeId, instanceId, includeOutput: true });
      const inv = page.invocations.find((i) => i.invokeId === f.invokeId);
      const inst = inv?.instances.find((i) => i.instanceId === instanceId);
      if (!inv || !inst) return;
      if (!state.invocations.has(inv.invokeId) && !r.seen.has(inv.invokeId)) r.seen.set(inv.invokeId, inv);
      else r.instances.push({ invokeId: inv.invokeId, instance: inst });
      r.outputs.push({
        invokeId: inv.invokeId,
        instanceId,
        text: inst.output ?? '',
        dropped: inst.dropped,
        fetchedAt: clock.now(),
        complete: isFinalInstance(inst.invocationStatus),
      });
      focusFetched = true;
      return;
    }
    // An invocation's instances come with every listing that shows it; fetch it by id only
    // when this tick's listings did not (once when opened, each tick while it is active).
    if (r.seen.has(f.invokeId)) {
      focusFetched = true;
      return;
    }
    const held = state.invocations.get(f.invokeId);
    if (focusFetched && (!held || !isActive(held))) return;
    const inv = await fetchById(f.invokeId);
    if (inv) r.seen.set(inv.invokeId, inv);
    focusFetched = true;
  }

  async function loadHistory(r: TickResult, total: number | undefined): Promise<void> {
    const loadedTo = (historyPage - 1) * pageSize;
    if (total !== undefined && loadedTo >= total) historyDone = true;
    if (loadedTo >= historyLimit) historyDone = true;
    if (historyDone) return;
    // Background work: only with a spare token, unless the user asked for it.
    if (!historyNow && budget.waitMs() > 0) return;
    historyNow = false;
    const page = await list({ ...listFilters, pageNumber: historyPage, pageSize });
    add(r, page.invocations);
    historyPage++;
    const t = page.totalCount ?? total;
    r.totalCount = t;
    const to = (historyPage - 1) * pageSize;
    if (page.invocations.length < pageSize || (t !== undefined && to >= t) || to >= historyLimit) historyDone = true;
  }

  function nextActive(r: TickResult): void {
    for (const id of r.gone) active.delete(id);
    for (const [id, inv] of r.seen) {
      // An id cut from a response would keep the whole response body alive while it is active.
      if (isActive(inv)) {
        if (!active.has(id)) active.add(ownString(id));
      } else active.delete(id);
    }
  }

  function focusIsActive(): boolean {
    if (!focus) return false;
    const inv = store.getState().invocations.get(focus.invokeId);
    if (!inv) return false;
    if (!focus.instanceId) return isActive(inv);
    const inst = inv.instances.find((i) => i.instanceId === focus!.instanceId);
    return inst ? !isFinalInstance(inst.invocationStatus) : false;
  }

  function cancelTimer(): void {
    if (timer) clock.clearTimeout(timer);
    timer = null;
  }

  function schedule(delay: number): number | undefined {
    cancelTimer();
    if (!started || halted) return undefined;
    timer = clock.setTimeout(onTimer, delay);
    return clock.now() + delay;
  }

  function onTimer(): void {
    timer = null;
    void runTick(FULL);
  }

  async function doTick(steps: ReadonlySet<Step>): Promise<void> {
    const r: TickResult = { seen: new Map(), instances: [], outputs: [], gone: [] };
    let error: ApiError | undefined;
    const forcedNow = steps.has('finished') ? [...forced] : [];
    for (const id of forcedNow) forced.delete(id);
    try {
      store.setPoll({ inFlight: true });
      let page1: InvocationPage | undefined;
      if (steps.has('discovery')) page1 = await discover(r);
      if (steps.has('active')) await refreshActive(r, page1);
      if (steps.has('finished')) await fetchFinished(r, forcedNow);
      if (steps.has('focus')) await fetchFocus(r);
      if (steps.has('history')) await loadHistory(r, r.totalCount ?? store.getState().totalCount);
    } catch (e) {
      error = toApiError(e);
      for (const id of forcedNow) forced.add(id);
    }
    try {
      apply(r, steps, error);
    } catch (e) {
      // A store listener (the UI) threw; keep polling, report it as the tick's error.
      error ??= toApiError(e);
      store.setPoll({ inFlight: false, lastError: error });
    }
  }

  function apply(r: TickResult, steps: ReadonlySet<Step>, error: ApiError | undefined): void {
    const now = clock.now();
    nextActive(r);
    const full = steps.has('discovery');
    let delay: number | undefined;
    const poll: Partial<PollState> = { inFlight: false, calls };
    if (!error) {
      failures = 0;
      failingSince = undefined;
      Object.assign(poll, { phase: 'ok', lastSuccessAt: now, lastError: undefined, failingSince: undefined });
      if (full || !timer) delay = active.size > 0 || focusIsActive() ? intervalMs : idleIntervalMs;
    } else if (error.retryable) {
      failingSince ??= now;
      delay = backoffDelay(failures, intervalMs, capMs, random, error.retryAfterMs);
      failures++;
      Object.assign(poll, { phase: 'retrying', lastError: error, failingSince });
    } else {
      halted = true;
      failingSince ??= now;
      Object.assign(poll, { phase: 'failed', lastError: error, failingSince, nextTickAt: undefined });
    }
    if (halted) cancelTimer();
    else if (delay !== undefined) poll.nextTickAt = schedule(delay);
    if (queued) poll.nextTickAt = now;
    store.batch(() => {
      if (r.seen.size > 0) store.upsertInvocations([...r.seen.values()], now);
      for (const { invokeId, instance } of r.instances) store.mergeInstance(invokeId, instance);
      for (const o of r.outputs) store.setOutput(o);
      // Only the API says what is gone (a by-id fetch that found nothing), never our clock.
      if (r.gone.length > 0) store.remove(r.gone);
      if (r.totalCount !== undefined || steps.has('history')) {
        store.setTotalCount(r.totalCount ?? store.getState().totalCount, historyDone);
      }
      store.setPoll(poll);
    });
  }

  function runTick(steps: ReadonlySet<Step>): Promise<void> {
    if (current) {
      for (const s of steps) queuedSteps.add(s);
      queued ??= current.then(() => {
        queued = null;
        const next = queuedSteps;
        queuedSteps = new Set();
        return startTick(next);
      });
      return queued;
    }
    return startTick(steps);
  }

  function startTick(steps: ReadonlySet<Step>): Promise<void> {
    if (steps.has('discovery')) cancelTimer();
    const tick = doTick(steps)
      .catch(() => undefined) // never reject out of a timer callback
      .finally(() => {
        if (current === tick) current = null;
      });
    current = tick;
    return tick;
  }

  return {
    start() {
      if (started) return;
      started = true;
      halted = false;
      void runTick(FULL);
    },
    stop() {
      started = false;
      cancelTimer();
    },
    refreshNow() {
      halted = false;
      failures = 0;
      void runTick(FULL);
    },
    setFocus(next) {
      const same = next && focus && next.invokeId === focus.invokeId && next.instanceId === focus.instanceId;
      if (same || (!next && !focus)) return;
      focus = next;
      focusFetched = false;
      if (next && started && !halted) void runTick(new Set<Step>(['focus']));
    },
    loadMore() {
      const { totalCount, order } = store.getState();
      if (totalCount !== undefined && order.length >= totalCount) return;
      historyLimit = Math.max(historyLimit, (historyPage - 1) * pageSize) + pageSize;
      historyDone = false;
      historyNow = true;
      if (!halted) void runTick(new Set<Step>(['history']));
    },
    async stopInvocation(invokeId, instanceIds) {
      try {
        await call(() => api.stopInvocation(invokeId, instanceIds));
      } catch (e) {
        throw toApiError(e);
      }
      forced.add(invokeId);
      active.add(invokeId);
      await runTick(new Set<Step>(['finished']));
    },
    async idle() {
      while (current || queued) await (queued ?? current);
    },
    tickOnce() {
      halted = false;
      return runTick(FULL);
    },
  };
}
