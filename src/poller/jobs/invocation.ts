// Invocation detail: the invocation on screen (invocation demands). Its instances come with
// every listing that shows it, so it is fetched by id only when this tick's listings did not:
// once when opened, then each tick while it is active.
import type { Invocation } from '../../api/model.js';
import type { InvocationDemand } from './demands.js';
import { applyInvocations, fetchById, isActive, type MonitorJob } from './state.js';
import { selectInvocation } from '../../store/selectors.js';

/** Demands served at least once (by a fetch or by a listing that showed the invocation). */
const served = new WeakSet<InvocationDemand>();

export const invocationJob: MonitorJob<Invocation[]> = {
  key: 'invocation',
  serves: ['invocation'],
  due: (ctx) => ctx.demands('invocation').length > 0,
  async run(api, ctx) {
    const { state } = ctx;
    const found: Invocation[] = [];
    for (const d of ctx.demands('invocation')) {
      if (state.tick.seen.has(d.invokeId)) {
        served.add(d);
        continue;
      }
      const held = selectInvocation(state.store.getState(), d.invokeId);
      if (served.has(d) && (held ? !isActive(held) : !d.fresh)) continue;
      const inv = await fetchById(api, ctx, d.invokeId);
      served.add(d);
      if (!inv) continue;
      state.tick.seen.set(inv.invokeId, inv);
      found.push(inv);
    }
    return found;
  },
  apply(found, _store, ctx) {
    applyInvocations(ctx.state, found, ctx.now());
  },
};
