// Focused output: the instances on screen (output demands), with IncludeOutput + InvokeId +
// InstanceId, every tick while the instance runs and once when it is final. Never output over
// whole lists.
import type { InstanceResult, Invocation } from '../../api/model.js';
import { isFinalInstance } from '../../api/status.js';
import { selectHeld, selectOutput } from '../../store/selectors.js';
import type { OutputEntry } from '../../store/types.js';
import { applyInvocations, type MonitorJob } from './state.js';

interface Fetched {
  /** The invocation, when the store holds nothing of it yet (else only its instance is merged). */
  invocation?: Invocation;
  instance: InstanceResult;
  output: OutputEntry;
}

export const outputJob: MonitorJob<Fetched[]> = {
  key: 'output',
  serves: ['output'],
  due: (ctx) => ctx.demands('output').length > 0,
  async run(api, ctx) {
    const { state } = ctx;
    const out: Fetched[] = [];
    for (const { invokeId, instanceId } of ctx.demands('output')) {
      if (out.some((f) => f.output.invokeId === invokeId && f.output.instanceId === instanceId)) continue;
      const held = state.store.getState();
      if (selectOutput(held, invokeId, instanceId)?.complete) continue;
      const page = await ctx.call(() => api.describeInvocations({ invokeId, instanceId, includeOutput: true }));
      const inv = page.invocations.find((i) => i.invokeId === invokeId);
      const inst = inv?.instances.find((i) => i.instanceId === instanceId);
      if (!inv || !inst) continue;
      const fresh = !selectHeld(held, inv.invokeId) && !state.tick.seen.has(inv.invokeId);
      if (fresh) state.tick.seen.set(inv.invokeId, inv);
      out.push({
        invocation: fresh ? inv : undefined,
        instance: inst,
        output: {
          invokeId: inv.invokeId,
          instanceId,
          text: inst.output ?? '',
          dropped: inst.dropped,
          fetchedAt: ctx.now(),
          complete: isFinalInstance(inst.invocationStatus),
        },
      });
    }
    return out;
  },
  apply(fetched, store, ctx) {
    for (const f of fetched) {
      if (f.invocation) applyInvocations(ctx.state, [f.invocation], ctx.now());
      else store.mergeInstance(f.output.invokeId, f.instance);
      store.setOutput(f.output);
    }
  },
};
