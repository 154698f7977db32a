// StopInvocation: the whole invocation, or only the instances named by InstanceId.N.
import { RpcError, checkInstanceCount, instanceList, missing, present, region, type Action } from './params.js';

export const stopInvocation: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const invokeId = present(params, 'InvokeId');
  if (invokeId === undefined) throw missing('InvokeId');
  const ids = instanceList(params);
  checkInstanceCount(ids, 50);
  const rec = inRegion ? ctx.sim.record(invokeId) : undefined;
  if (!rec) throw new RpcError(404, 'InvalidInvokeId.NotFound', 'The specified invoke ID does not exist.');
  for (const id of ids) {
    if (!rec.runs.some((r) => r.inst.instanceId === id)) {
      throw new RpcError(404, 'InvalidInstanceId.NotFound', `The specified parameter InstanceId does not exist: ${id} is not part of this invocation.`);
    }
  }
  ctx.sim.stopInvocation(invokeId, ids);
  return { RequestId: ctx.requestId };
};
