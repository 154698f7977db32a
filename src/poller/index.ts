// The poller: the scheduler (scheduler.ts: one request in flight, budget, backoff, halting)
// running the invocation jobs (jobs/*.ts), in tick order:
//   discovery   page 1 of the user's filtered list (no output)
//   active      one InvokeStatus=Running listing of the active set, ceil(active/50) calls,
//               skipped when page 1 already showed every known active invocation
//   finished    each invocation that left the active set, fetched once by InvokeId
//   invocation  the invocation on screen (invocation demand), by id when no listing showed it
//   output      the instance on screen (output demand), with IncludeOutput
//   names       DescribeInstances for the instances on screen (names demand), 100 a call, cached
//   agent       DescribeCloudAssistantStatus for instances whose agent failed them (agent demand)
//   history     one more page in the background, up to --history (and on a history demand)
//   runs        a scheduled invocation's past runs (runs demand, the run grid), IncludeHistory
//   outputs     the grouped invocation's outputs (outputs demand), 50 a call, on spare tokens
// A new kind of fetch is one more job file here and one selector for the screen that reads it.
import type { Clock } from '../clock.js';
import type { DescribeInvocationsParams } from '../api/model.js';
import type { MutableStore } from '../store/index.js';
import { activeJob } from './jobs/active.js';
import type { MonitorDemand } from './jobs/demands.js';
import { discoveryJob } from './jobs/discovery.js';
import { finishedJob } from './jobs/finished.js';
import { historyJob } from './jobs/history.js';
import { invocationJob } from './jobs/invocation.js';
import { outputJob } from './jobs/output.js';
import { namesJob } from './jobs/names.js';
import { agentJob } from './jobs/agent.js';
import { createOutputsJob } from './jobs/outputs.js';
import { createGroupBook, type GroupBook } from '../group/book.js';
import { runsJob } from './jobs/runs.js';
import { createMonitorState, isActive, MAX_PAGE, takeNextFilters, type MonitorApi, type MonitorContext } from './jobs/state.js';
import { isFinalInstance } from '../api/status.js';
import { chunk } from './chunk.js';
import { notLoadedRefusal, readOnlyRefusal, rerunInvocation, type RerunOutcome } from './rerun.js';
import { createScheduler, toApiError, type Scheduler } from './scheduler.js';
import { selectFilters, selectInstance, selectInvocation, selectWatched } from '../store/selectors.js';
import type { StoreFilters } from '../store/types.js';

export { backoffDelay } from './backoff.js';
export { RequestBudget } from './budget.js';
export type { BudgetStats } from './pace.js';
export { toApiError } from './scheduler.js';
export type { RerunOutcome, RerunVia } from './rerun.js';
export type {
  AgentDemand,
  HistoryDemand,
  InvocationDemand,
  MonitorDemand,
  NamesDemand,
  OutputDemand,
  OutputsDemand,
  RunsDemand,
} from './jobs/demands.js';

export interface PollerOptions {
  /** Without the fleet's calls (or with `names: false`) instances go by id only. */
  api: MonitorApi;
  store: MutableStore;
  /** Look up names, IPs and agent states (`--no-names`: false). Default true. */
  names?: boolean;
  clock?: Clock;
  /** Tick interval while anything loaded or demanded is active. */
  intervalMs?: number;
  /** Tick interval when everything loaded is final. */
  idleIntervalMs?: number;
  /** Page size of discovery and history listings (1..50). */
  pageSize?: number;
  /** Invocations to load in the background (newest first). */
  history?: number;
  /** Global request budget, calls per second. */
  maxRps?: number;
  /** The account's budget, calls a minute (`--budget`, default 1,000). */
  budgetPerMinute?: number;
  /** The user's API filters; defaults to the store's. */
  filters?: DescribeInvocationsParams;
  backoffCapMs?: number;
  /** Jitter source of the backoff; seeded in tests. */
  random?: () => number;
  /** Jitter source of a throttle-widened interval (pace.ts); its own, so the backoff's draws stay as they were. */
  paceRandom?: () => number;
  /** A store listener (the UI) threw; default: rethrown outside the poller, to the process. */
  onListenerError?: (error: unknown) => void;
  /** Where the outputs job groups what it fetches (default: a new one, as `poller.groups`). */
  groups?: GroupBook;
  /** `--read-only`: re-runs are refused before anything is sent. */
  readOnly?: boolean;
}

export interface Poller extends Omit<Scheduler<MonitorDemand>, 'wake' | 'request' | 'discardCurrent'> {
  /**
   * Intent from the UI (the `:` prompt): new API filters without a restart. The store narrows at
   * once; a tick running under the old ones applies nothing, and page 1 is fetched again now.
   */
  setFilters(filters: StoreFilters): void;
  /** Intent from the UI (`W`): watch `invokeId` for alerts, or stop watching it. */
  watch(invokeId: string, on: boolean): void;
  /** Intent from the UI: StopInvocation (one request in flight with the ticks), then refresh that invocation. Rejects with ApiError. */
  stopInvocation(invokeId: string, instanceIds?: string[]): Promise<void>;
  /** Intent: the invocation's command again on these of its instances (./rerun.ts). Rejects with ApiError when nothing started. */
  rerun(invokeId: string, instanceIds: readonly string[]): Promise<RerunOutcome>;
  /** The groups of the invocations the outputs job serves. */
  readonly groups: GroupBook;
}

/** StopInvocation's limit of InstanceId.N in one call. */
export const STOP_IDS_PER_CALL = 50;

/** Anything demanded still changing: poll at the short interval. */
function busy(ctx: MonitorContext): boolean {
  const { active, store } = ctx.state;
  if (active.size > 0) return true;
  const held = store.getState();
  for (const d of ctx.demands('invocation')) {
    const inv = selectInvocation(held, d.invokeId);
    if (inv ? isActive(inv) : d.fresh) return true;
  }
  for (const d of ctx.demands('output')) {
    const inst = selectInstance(held, d.invokeId, d.instanceId);
    if (inst && !isFinalInstance(inst.invocationStatus)) return true;
  }
  return false;
}

export function createPoller(opts: PollerOptions): Poller {
  const { api, store } = opts;
  const groups = opts.groups ?? createGroupBook();
  const state = createMonitorState(store, opts.filters ?? selectFilters(store.getState()), opts.pageSize ?? MAX_PAGE, opts.history ?? 500);
  const scheduler = createScheduler({
    api,
    store,
    state,
    jobs: [
      discoveryJob,
      activeJob,
      finishedJob,
      invocationJob,
      outputJob,
      runsJob,
      ...(opts.names === false ? [] : [namesJob, agentJob]),
      historyJob,
      createOutputsJob(groups),
    ],
    clock: opts.clock,
    intervalMs: opts.intervalMs,
    idleIntervalMs: opts.idleIntervalMs,
    maxRps: opts.maxRps,
    budgetPerMinute: opts.budgetPerMinute,
    backoffCapMs: opts.backoffCapMs,
    random: opts.random,
    paceRandom: opts.paceRandom,
    onListenerError: opts.onListenerError,
    beginTick: (s) => {
      s.tick = { seen: new Map(), partial: [] };
      takeNextFilters(s);
    },
    // Outputs still to group keep the short interval, one pass of pages after another.
    busy: (ctx) => busy(ctx) || ctx.demands('outputs').some((d) => !groups.progress(d.invokeId)?.done),
  });
  if (opts.names === false) store.setFleet({ ...store.getState().fleet, namesUnavailable: 'names off (--no-names)' });
  const { wake, request, discardCurrent, ...rest } = scheduler;
  return {
    ...rest,
    groups,
    setFilters(filters) {
      store.setFilters(filters);
      state.nextFilters = { ...filters };
      discardCurrent();
      scheduler.refreshNow();
    },
    watch(invokeId, on) {
      const watched = selectWatched(store.getState());
      if (watched.has(invokeId) === on) return;
      const next = new Set(watched);
      if (on) next.add(invokeId);
      else next.delete(invokeId);
      store.setWatched(next);
    },
    async stopInvocation(invokeId, instanceIds) {
      try {
        // StopInvocation takes at most 50 InstanceId.N a call.
        const chunks = instanceIds?.length ? chunk(instanceIds, STOP_IDS_PER_CALL) : [undefined];
        for (const ids of chunks) await request(() => api.stopInvocation(invokeId, ids));
      } catch (e) {
        throw toApiError(e);
      }
      state.forced.add(invokeId);
      state.active.add(invokeId);
      await wake(['finished']);
    },
    async rerun(invokeId, instanceIds) {
      if (opts.readOnly) throw readOnlyRefusal();
      const inv = selectInvocation(store.getState(), invokeId);
      if (!inv) throw notLoadedRefusal(invokeId);
      return rerunInvocation(api, request, inv, instanceIds);
    },
  };
}
