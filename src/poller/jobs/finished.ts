// Finished: each invocation that left the active set since the last tick (not in this tick's
// listings), and each one a stop request asked about, fetched once by InvokeId to learn its
// final state. One the service no longer returns leaves the store: the API said so.
import type { Invocation } from '../../api/model.js';
import { applyInvocations, fetchById, type MonitorJob } from './state.js';
import { selectHeld } from '../../store/selectors.js';

/** By-id fetches per tick: more that finished at once wait for the next ticks. */
const MAX_BY_ID_PER_TICK = 50;

export interface FinishedResult {
  asked: string[];
  found: Invocation[];
  gone: string[];
}

export const finishedJob: MonitorJob<FinishedResult> = {
  key: 'finished',
  due: () => true,
  async run(api, ctx) {
    const { state } = ctx;
    const asked = [...state.forced];
    const held = state.store.getState();
    const ids = new Set(asked);
    for (const id of state.active) {
      // One the store let go (its size bound) needs no final state.
      if (!selectHeld(held, id)) state.active.delete(id);
      else if (!state.tick.seen.has(id) && ids.size < MAX_BY_ID_PER_TICK) ids.add(id);
    }
    const found: Invocation[] = (state.tick.partial = []);
    const gone: string[] = [];
    for (const id of ids) {
      const inv = await fetchById(api, ctx, id);
      if (inv) {
        found.push(inv);
        state.tick.seen.set(id, inv);
      } else gone.push(id);
    }
    return { asked, found, gone };
  },
  // Those fetched before one failed; the stop's ids stay asked for.
  salvage: ({ state }) => ({ asked: [], found: state.tick.partial, gone: [] }),
  apply({ asked, found, gone }, store, ctx) {
    // A stop's refresh that failed stays asked for until one completes.
    for (const id of asked) ctx.state.forced.delete(id);
    applyInvocations(ctx.state, found, ctx.now());
    for (const id of gone) ctx.state.active.delete(id);
    if (gone.length > 0) store.remove(gone);
  },
};
