// History: one more page of the user's list in the background per tick (only with a spare token
// of the budget), up to --history; a history demand raises the limit by a page and fetches it now.
import type { Invocation } from '../../api/model.js';
import { applyInvocations, see, type MonitorContext, type MonitorJob } from './state.js';

export interface HistoryResult {
  invocations: Invocation[];
  totalCount?: number;
}

/** A history demand: one more page, unless everything the API counts is loaded. */
function takeDemands(ctx: MonitorContext): void {
  const { history, store } = ctx.state;
  for (const d of ctx.demands('history')) {
    ctx.satisfied(d);
    const { totalCount, order } = store.getState();
    if (totalCount !== undefined && order.length >= totalCount) continue;
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
    const total = state.tick.totalCount ?? state.store.getState().totalCount;
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
    see(state, page.invocations);
    const t = page.totalCount ?? total;
    const to = (history.page - 1) * pageSize;
    if (page.invocations.length < pageSize || (t !== undefined && to >= t) || to >= history.limit) history.done = true;
    return { invocations: page.invocations, totalCount: t };
  },
  apply({ invocations, totalCount }, store, ctx) {
    applyInvocations(ctx.state, invocations, ctx.now());
    store.setTotalCount(totalCount ?? store.getState().totalCount, ctx.state.history.done);
  },
};
