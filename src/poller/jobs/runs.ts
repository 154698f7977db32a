// Run history (runs demands, the run grid): DescribeInvocationResults with InvokeId and
// IncludeHistory, 50 rows a call with NextToken. The first read pages through every run, at most
// RUN_PAGES_PER_TICK pages a tick (the grid fills as it goes); after that only instances whose
// Repeats grew since (or whose newest run was still in flight) are asked again, by InstanceId,
// paging until a page holds only known runs. Many such instances at once: one whole read again.
import type { DescribeInvocationResultsParams, InvocationResultPage, InvocationsApi } from '../../api/model.js';
import { isFinalInstance } from '../../api/status.js';
import { isFresh, mergeRuns, selectRuns, toRun, type RunHistory, type RunRecord } from '../../store/runs.js';
import { pagingNotice, type MonitorContext, type MonitorJob, type MonitorState } from './state.js';

export const RUN_PAGE = 50;
/** Pages of one history a tick: 500 runs, a second of the default budget. */
export const RUN_PAGES_PER_TICK = 10;
/** Pages of one whole read: 100 runs of 100 instances; the service keeps 100 runs an instance. */
export const MAX_RUN_PAGES = 200;
/** More instances with new runs than this: one whole read instead of one read each. */
export const MAX_INSTANCE_REFRESH = 10;

interface Progress {
  /** A whole read under way: where it goes on next tick, and the pages read so far. */
  token?: string;
  pages: number;
}

const progress = new WeakMap<MonitorState, Map<string, Progress>>();
function progressOf(state: MonitorState): Map<string, Progress> {
  let p = progress.get(state);
  if (!p) progress.set(state, (p = new Map()));
  return p;
}

/** The invocation's instances as known now: fetched this tick (applied after it), else held. */
function instancesNow(state: MonitorState, invokeId: string) {
  return (state.tick.seen.get(invokeId) ?? state.store.getState().invocations.get(invokeId))?.instances ?? [];
}

/** Instances to ask again: their Repeats grew since the last read, or their newest run had not ended. */
function staleInstances(state: MonitorState, history: RunHistory): string[] {
  const out: string[] = [];
  for (const inst of instancesNow(state, history.invokeId)) {
    const seen = history.seenRepeats.get(inst.instanceId);
    const newest = history.runs.get(inst.instanceId)?.[0];
    if (seen === undefined || inst.repeats > seen || (newest && !isFinalInstance(newest.status))) out.push(inst.instanceId);
  }
  return out;
}

function repeatsNow(state: MonitorState, invokeId: string, only?: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of instancesNow(state, invokeId)) if (!only || only.includes(i.instanceId)) out.set(i.instanceId, i.repeats);
  return out;
}

function needsRead(ctx: MonitorContext, invokeId: string): boolean {
  const history = selectRuns(ctx.state.store.getState(), invokeId);
  if (!history || progressOf(ctx.state).has(invokeId)) return true;
  return staleInstances(ctx.state, history).length > 0;
}

interface Fetched {
  invokeId: string;
  runs: RunRecord[];
  seenRepeats: Map<string, number>;
  complete: boolean;
}

function page(api: InvocationsApi, ctx: MonitorContext, params: DescribeInvocationResultsParams): Promise<InvocationResultPage> {
  return ctx.call(() => api.describeInvocationResults({ includeHistory: true, maxResults: RUN_PAGE, ...params }));
}

const runsOf = (p: InvocationResultPage, invokeId: string) =>
  p.results.filter((r) => r.invokeId === invokeId || r.invokeId === undefined).flatMap((r) => toRun(r) ?? []);

/** Part of a whole read: up to RUN_PAGES_PER_TICK pages from where the last tick stopped. */
async function wholeRead(api: InvocationsApi, ctx: MonitorContext, invokeId: string, into: Fetched): Promise<void> {
  const all = progressOf(ctx.state);
  const p = all.get(invokeId) ?? { pages: 0 };
  all.set(invokeId, p);
  if (p.pages === 0) for (const [id, n] of repeatsNow(ctx.state, invokeId)) into.seenRepeats.set(id, n);
  const seenTokens = new Set<string>();
  for (let n = 0; n < RUN_PAGES_PER_TICK; n++) {
    const got = await page(api, ctx, { invokeId, nextToken: p.token });
    p.pages++;
    into.runs.push(...runsOf(got, invokeId));
    const token = got.nextToken || undefined;
    if (!token) {
      all.delete(invokeId);
      into.complete = true;
      return;
    }
    if (token === p.token || seenTokens.has(token) || p.pages >= MAX_RUN_PAGES) {
      ctx.notice(pagingNotice(p.pages >= MAX_RUN_PAGES ? `run history still said more after ${MAX_RUN_PAGES} pages` : 'run history repeated a NextToken', undefined));
      all.delete(invokeId);
      return;
    }
    seenTokens.add(token);
    p.token = token;
  }
}

/** Newer runs of one instance: pages until one holds only known runs (newest come first). */
async function instanceRead(api: InvocationsApi, ctx: MonitorContext, history: RunHistory, instanceId: string, into: Fetched): Promise<void> {
  const known = history.runs.get(instanceId);
  let token: string | undefined;
  for (let n = 0; n < MAX_RUN_PAGES; n++) {
    const got = await page(api, ctx, { invokeId: history.invokeId, instanceId, nextToken: token });
    const runs = runsOf(got, history.invokeId).filter((r) => r.instanceId === instanceId);
    const fresh = runs.filter((r) => isFresh(known, r));
    into.runs.push(...fresh);
    const next = got.nextToken || undefined;
    if (fresh.length < runs.length || fresh.length === 0 || !next || next === token) return;
    token = next;
  }
}

/** What this tick read, kept for the salvage when a later page fails. */
const partial = new WeakMap<MonitorState, Fetched[]>();

export const runsJob: MonitorJob<Fetched[]> = {
  key: 'runs',
  serves: ['runs'],
  due: (ctx) => ctx.demands('runs').some((d) => needsRead(ctx, d.invokeId)),
  async run(api, ctx) {
    const out: Fetched[] = [];
    partial.set(ctx.state, out);
    for (const { invokeId } of ctx.demands('runs')) {
      if (out.some((f) => f.invokeId === invokeId) || !needsRead(ctx, invokeId)) continue;
      const fetched: Fetched = { invokeId, runs: [], seenRepeats: new Map(), complete: false };
      out.push(fetched);
      const history = selectRuns(ctx.state.store.getState(), invokeId);
      const stale = history && !progressOf(ctx.state).has(invokeId) ? staleInstances(ctx.state, history) : [];
      if (!history || progressOf(ctx.state).has(invokeId) || stale.length > MAX_INSTANCE_REFRESH) {
        await wholeRead(api, ctx, invokeId, fetched);
        continue;
      }
      const now = repeatsNow(ctx.state, invokeId, stale);
      for (const id of stale) {
        await instanceRead(api, ctx, history, id, fetched);
        fetched.seenRepeats.set(id, now.get(id) ?? 0);
      }
    }
    return out;
  },
  salvage: (ctx) => partial.get(ctx.state),
  apply(fetched, store, ctx) {
    for (const f of fetched) {
      const prev = selectRuns(store.getState(), f.invokeId);
      store.setRuns(mergeRuns(prev, f.invokeId, f.runs, f.seenRepeats, ctx.now(), f.complete));
    }
  },
};
