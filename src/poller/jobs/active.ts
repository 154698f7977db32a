// Active refresh: one InvokeStatus=Running listing of the active set with the user's filters,
// ceil(active/50) calls; skipped when page 1 already showed every known active invocation
// (final invocations never become active again and new ones arrive on page 1).
import type { DescribeInvocationsParams, Invocation, InvocationPage } from '../../api/model.js';
import { applyInvocations, MAX_PAGE, nextPage, see, type MonitorJob } from './state.js';

export const activeJob: MonitorJob<Invocation[]> = {
  key: 'active',
  due: () => true,
  async run(api, ctx) {
    const { state } = ctx;
    const status = state.listFilters.invokeStatus;
    const page1 = state.tick.page1;
    if (status !== undefined && status !== 'Running') {
      state.activeScanned = true; // the user's filter admits only final invocations
      return [];
    }
    if (page1 && state.activeScanned && [...state.active].every((id) => state.tick.seen.has(id))) return [];
    const params: DescribeInvocationsParams = { ...state.listFilters, invokeStatus: 'Running' };
    const list = (pageNumber: number) => ctx.call(() => api.describeInvocations({ ...params, pageNumber, pageSize: MAX_PAGE }));
    const found: Invocation[] = (state.tick.partial = []);
    let page: InvocationPage;
    if (page1 && status === 'Running' && state.pageSize === MAX_PAGE) {
      page = page1; // discovery already was page 1 of this listing
    } else {
      page = await list(1);
      found.push(...page.invocations);
      see(state, page.invocations);
    }
    for (let n = 2; ; n++) {
      const more =
        page.totalCount !== undefined ? (n - 1) * MAX_PAGE < page.totalCount : page.invocations.length === MAX_PAGE;
      if (!more || page.invocations.length === 0) break;
      const next = await nextPage(ctx, 'the active listing', n, page, list, found);
      if (!next) break;
      page = next;
    }
    state.activeScanned = true;
    return found;
  },
  salvage: (ctx) => ctx.state.tick.partial,
  apply(found, _store, ctx) {
    applyInvocations(ctx.state, found, ctx.now());
  },
};
