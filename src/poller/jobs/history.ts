// History: one more page of the user's list in the background per tick (only with a spare token
// of the budget), up to --history; a history demand raises the limit by a page and fetches it now.
import type { Invocation } from '../../api/model.js';
import { applyInvocations, pagingNotice, see, type MonitorContext, type MonitorJob } from './state.js';
import { selectHeld, selectLoadedCount, selectTotalCount } from '../../store/selectors.js';

export interface HistoryResult {
  invocations: Invocation[];
  totalCount?: number;
}

/** A history demand: one more page, unless everything the API counts is loaded. */
function takeDemands(ctx: MonitorContext): void {
  const { history, store } = ctx.state;
  for (const d of ctx.demands('history')) {
    ctx.satisfied(d);
    const totalCount = selectTotalCount(store.getState());
    if (totalCount !== undefined && selectLoadedCount(store.getState()) >= totalCount) continue;
    history.limit = Math.max(history.limit, (history.page - 1) * ctx.state.pageSize) + ctx.state.pageSize;
    history.done = false;
    history.now = true;
  }
}

export const historyJob: MonitorJob<HistoryResult> = {
  key: 'history',
  serves: ['history'],
  eager: true,
  due: () => true,
  async run(api, ctx) {
    takeDemands(ctx);
    const { state } = ctx;
    const { history, pageSize } = state;
    const total = state.tick.totalCount ?? selectTotalCount(state.store.getState());
    const loadedTo = (history.page - 1) * pageSize;
    if (total !== undefined && loadedTo >= total) history.done = true;
    if (loadedTo >= history.limit) history.done = true;
    if (history.done) return { invocations: [], totalCount: total };
    if (!history.now && !ctx.spare()) return { invocations: [], totalCount: total };
    history.now = false;
    const page = await ctx.call(() =>
      api.describeInvocations({ ...state.listFilters, pageNumber: history.page, pageSize }),
    );
    history.page++;
    const held = state.store.getState();
    const fresh = page.invocations.filter((i) => !selectHeld(held, i.invokeId) && !state.tick.seen.has(i.invokeId)).length;
    see(state, page.invocations);
    const t = page.totalCount ?? total;
    const to = (history.page - 1) * pageSize;
    if (page.invocations.length < pageSize || (t !== undefined && to >= t) || to >= history.limit) history.done = true;
    // Arrivals shift pages, so one page of held ids can be honest; two in a row mean the endpoint
    // ignores PageNumber.
    history.stale = page.invocations.length > 0 && fresh === 0 ? history.stale + 1 : 0;
    if (history.stale >= 2 && !history.done) {
      history.done = true;
      ctx.notice(pagingNotice(`history pages ${history.page - 2} and ${history.page - 1} brought nothing new`, t));
    }
    return { invocations: page.invocations, totalCount: t };
  },
  apply({ invocations, totalCount }, store, ctx) {
    applyInvocations(ctx.state, invocations, ctx.now());
    store.setTotalCount(totalCount ?? selectTotalCount(store.getState()), ctx.state.history.done);
  },
};
