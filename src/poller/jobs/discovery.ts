// Discovery: page 1 of the user's filtered list (no output), every full tick. When more than a
// page arrived since the last tick it walks on until it meets what the store holds, so a burst
// leaves no hole that history loading (already past it) would never fill.
import type { Invocation, InvocationPage } from '../../api/model.js';
import { applyInvocations, nextPage, see, type MonitorJob } from './state.js';
import { selectHeld, selectHeldCount } from '../../store/selectors.js';

export interface DiscoveryResult {
  page1: InvocationPage;
  invocations: Invocation[];
}

export const discoveryJob: MonitorJob<DiscoveryResult> = {
  key: 'discovery',
  due: () => true,
  async run(api, ctx) {
    const { state } = ctx;
    const { listFilters, pageSize } = state;
    const known = (id: string) => selectHeld(state.store.getState(), id);
    const hadData = selectHeldCount(state.store.getState()) > 0;
    const list = (pageNumber: number) => ctx.call(() => api.describeInvocations({ ...listFilters, pageNumber, pageSize }));
    const page1 = await list(1);
    state.tick.page1 = page1;
    state.tick.totalCount = page1.totalCount;
    const invocations = (state.tick.partial = [...page1.invocations]);
    see(state, page1.invocations);
    let last = page1;
    for (let page = 2; hadData && last.invocations.length === pageSize; page++) {
      if (last.invocations.some((i) => known(i.invokeId))) break;
      if ((page - 1) * pageSize >= Math.max(state.history.limit, pageSize)) break;
      const next = await nextPage(ctx, 'the list', page, last, list, invocations);
      if (!next) break;
      last = next;
    }
    return { page1, invocations };
  },
  // Page 1 and the walk's pages read before one failed.
  salvage: ({ state }) => (state.tick.page1 ? { page1: state.tick.page1, invocations: state.tick.partial } : undefined),
  apply({ page1, invocations }, store, ctx) {
    applyInvocations(ctx.state, invocations, ctx.now());
    if (page1.totalCount !== undefined) store.setTotalCount(page1.totalCount, ctx.state.history.done);
  },
};
