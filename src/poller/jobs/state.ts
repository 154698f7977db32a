// What the invocation jobs share: the user's filters, the active set between ticks, history
// paging, and what the current tick has learned so far (a later job reads what an earlier one
// fetched this tick, so nothing is asked twice).
import type { DescribeInvocationsParams, Invocation, InvocationPage, InvocationsApi } from '../../api/model.js';
import type { InstancesApi } from '../../api/instances.js';
import type { CommandsApi } from '../../api/commands.js';
import { ACTIVE_INVOCATION } from '../../api/status.js';
import type { MutableStore } from '../../store/index.js';
import { ownString } from '../../store/reducer.js';
import type { Job, JobContext } from '../scheduler.js';
import type { MonitorDemand } from './demands.js';

/** DescribeInvocations pages hold at most 50; the active listing always uses full pages. */
export const MAX_PAGE = 50;
/**
 * Pages one listing reads in one tick, whatever TotalCount says: 40 full pages are 2,000
 * invocations in progress at once (far beyond a fleet's running set; history is paged apart,
 * one page a tick), and 4 s of the default budget.
 */
export const MAX_PAGES_PER_TICK = 40;

export interface TickLearned {
  /** Invocations fetched this tick, by InvokeId (a later fetch of the same id wins). */
  seen: Map<string, Invocation>;
  /** Discovery's page 1, when it ran. */
  page1?: InvocationPage;
  /** The freshest TotalCount this tick. */
  totalCount?: number;
  /** What the listing running now has read so far (salvaged when a later page fails). */
  partial: Invocation[];
}

export interface MonitorState {
  readonly store: MutableStore;
  readonly pageSize: number;
  /** The user's filters, without output or paging (paging is ours). */
  listFilters: DescribeInvocationsParams;
  /** Filters set while running, taken at the next tick's start (a tick runs under one set). */
  nextFilters?: DescribeInvocationsParams;
  /** InvokeIds last seen in progress. */
  readonly active: Set<string>;
  /** One full active listing has completed. */
  activeScanned: boolean;
  history: { limit: number; page: number; done: boolean; now: boolean; stale: number };
  /** Refresh by id next tick (after StopInvocation). */
  readonly forced: Set<string>;
  tick: TickLearned;
}

export type MonitorContext = JobContext<MonitorState, MonitorDemand>;
/** The API the jobs call; the fleet's calls and re-run's are optional (what needs them skips or refuses without). */
export type MonitorApi = InvocationsApi & Partial<InstancesApi> & Partial<CommandsApi>;
export type MonitorJob<R> = Job<MonitorApi, MonitorState, MonitorDemand, R>;

export const isActive = (inv: Invocation) => ACTIVE_INVOCATION.has(inv.invocationStatus);

/** Lists never ask for output; paging is ours. */
function listFiltersOf(filters: DescribeInvocationsParams): DescribeInvocationsParams {
  const { includeOutput: _io, pageNumber: _pn, pageSize: _ps, nextToken: _nt, maxResults: _mr, ...listFilters } = filters;
  return listFilters;
}

export function createMonitorState(
  store: MutableStore,
  filters: DescribeInvocationsParams,
  pageSize: number,
  history: number,
): MonitorState {
  return {
    store,
    pageSize: Math.min(MAX_PAGE, Math.max(1, Math.floor(pageSize))),
    listFilters: listFiltersOf(filters),
    active: new Set(),
    activeScanned: false,
    history: { limit: Math.max(0, history), page: 2, done: false, now: false, stale: 0 },
    forced: new Set(),
    tick: { seen: new Map(), partial: [] },
  };
}

/** At a tick's start: the filters set since the last one, with history paged again from page 2. */
export function takeNextFilters(state: MonitorState): void {
  if (!state.nextFilters) return;
  state.listFilters = listFiltersOf(state.nextFilters);
  state.nextFilters = undefined;
  state.activeScanned = false;
  Object.assign(state.history, { page: 2, done: false, now: false, stale: 0 });
}

/** Note fetched invocations in this tick's record; returns how many were not seen before this tick. */
export function see(state: MonitorState, invocations: readonly Invocation[]): number {
  let fresh = 0;
  for (const inv of invocations) {
    if (!state.tick.seen.has(inv.invokeId)) fresh++;
    state.tick.seen.set(inv.invokeId, inv);
  }
  return fresh;
}

/** The header's words for paging that looked wrong (the count is the endpoint's, hence cut). */
export function pagingNotice(what: string, totalCount: number | undefined): string {
  const total = totalCount !== undefined ? ` (TotalCount ${String(totalCount).slice(0, 20)})` : '';
  return `the endpoint's paging looked wrong: ${what}${total}; showing what it returned`;
}

/**
 * Page `n` of a listing, unless paging should stop: past the cap, or (once read) a page of ids
 * this tick already saw, which means the endpoint ignores PageNumber and more would loop. Both
 * say so in the header; what was read stays in `into`. Undefined: stop.
 */
export async function nextPage(
  ctx: MonitorContext,
  listing: string,
  n: number,
  last: InvocationPage,
  list: (pageNumber: number) => Promise<InvocationPage>,
  into: Invocation[],
): Promise<InvocationPage | undefined> {
  if (n > MAX_PAGES_PER_TICK) {
    ctx.notice(pagingNotice(`${listing} still said more after ${MAX_PAGES_PER_TICK} pages`, last.totalCount));
    return undefined;
  }
  const page = await list(n);
  into.push(...page.invocations);
  if (see(ctx.state, page.invocations) > 0) return page;
  ctx.notice(pagingNotice(`page ${n} of ${listing} brought nothing new`, page.totalCount));
  return undefined;
}

/** Upsert into the store and keep the active set in step with what was fetched. */
export function applyInvocations(state: MonitorState, invocations: readonly Invocation[], at: number): void {
  if (invocations.length === 0) return;
  state.store.upsertInvocations([...invocations], at);
  for (const inv of invocations) {
    // An id cut from a response would keep the whole response body alive while it is active.
    if (isActive(inv)) {
      if (!state.active.has(inv.invokeId)) state.active.add(ownString(inv.invokeId));
    } else state.active.delete(inv.invokeId);
  }
}

/** Fetch one invocation by id; undefined when the service no longer has it. */
export async function fetchById(api: InvocationsApi, ctx: MonitorContext, invokeId: string): Promise<Invocation | undefined> {
  const { instanceId } = ctx.state.listFilters;
  try {
    const page = await ctx.call(() => api.describeInvocations({ invokeId, ...(instanceId ? { instanceId } : {}) }));
    return page.invocations.find((i) => i.invokeId === invokeId);
  } catch (e) {
    const err = e as { retryable?: unknown; code?: unknown };
    if (err.retryable === false && typeof err.code === 'string' && /NotFound|NotExist/i.test(err.code)) return undefined;
    throw e;
  }
}
