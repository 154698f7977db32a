// DescribeCloudAssistantStatus: whether each instance's agent runs, its version, last heartbeat and
// how many invocations it has run and is running. InstanceId.N (at most 50) or the whole fleet,
// OSType, PageNumber/PageSize or MaxResults/NextToken (1..50, default 10).
import { inventory } from '../inventory.js';
import { stateAt } from '../lifecycle.js';
import { runOf, type SimInstance } from '../model.js';
import type { Simulation } from '../sim.js';
import { isoTime, offsetToken, tokenOffset } from './paging.js';
import { INVALID, RpcError, checkInstanceCount, instanceList, intParam, oneOf, present, region, type Action, type Json } from './params.js';

/** Heartbeats come every minute while the agent runs; the last one stays when it stops. */
function lastHeartbeat(inst: SimInstance, now: number): number {
  const alive = inst.running && inst.agentRunning;
  const at = alive ? now : inst.changedAt;
  return at - ((at - inst.createdAt) % 60_000);
}

function statusJson(sim: Simulation, inst: SimInstance, now: number): Json {
  let invocations = 0;
  let active = 0;
  let lastInvoked: number | null = null;
  sim.scan({ instanceId: inst.instanceId }, (rec) => {
    invocations++;
    lastInvoked ??= rec.createdAt;
    const run = runOf(rec, inst.instanceId);
    const status = run ? stateAt(rec, run, now).status : undefined;
    if (status === 'Running' || status === 'Stopping') active++;
    return true;
  });
  const alive = inst.running && inst.agentRunning;
  return {
    InstanceId: inst.instanceId,
    CloudAssistantStatus: alive ? 'true' : 'false',
    CloudAssistantVersion: inventory(inst, sim.regionId, sim.seed).agentVersion,
    LastHeartbeatTime: isoTime(lastHeartbeat(inst, now)),
    LastInvokedTime: isoTime(lastInvoked),
    InvocationCount: invocations,
    ActiveTaskCount: active,
    OSType: inst.os === 'windows' ? 'Windows' : 'Linux',
    SupportSessionManager: alive,
  };
}

export const describeCloudAssistantStatus: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const ids = instanceList(params);
  checkInstanceCount(ids, 50);
  const osType = oneOf(params, 'OSType', ['Linux', 'Windows'] as const);
  const wanted = ids.length > 0 ? new Set(ids) : undefined;
  const matching = inRegion
    ? ctx.sim.fleet.filter(
        (i) => !i.released && (wanted === undefined || wanted.has(i.instanceId)) && (osType === undefined || (i.os === 'windows') === (osType === 'Windows')),
      )
    : [];
  const now = ctx.sim.now();
  const token = present(params, 'NextToken');
  const body: Json = { RequestId: ctx.requestId, TotalCount: matching.length };
  let page: SimInstance[];
  if (wanted !== undefined) {
    page = matching;
  } else if (token !== undefined || present(params, 'MaxResults') !== undefined) {
    const max = intParam(params, 'MaxResults', 10, 1, 50);
    const start = token ? tokenOffset('a', token, new RpcError(403, 'InvalidParam.NextToken', `${INVALID} NextToken is not a token this service issued.`)) : 0;
    page = matching.slice(start, start + max);
    body.NextToken = start + max < matching.length ? offsetToken('a', start + max) : '';
  } else {
    const pageNumber = intParam(params, 'PageNumber', 1, 1, Number.MAX_SAFE_INTEGER);
    const pageSize = intParam(params, 'PageSize', 10, 1, 50);
    page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    Object.assign(body, { PageNumber: pageNumber, PageSize: pageSize });
  }
  body.InstanceCloudAssistantStatusSet = { InstanceCloudAssistantStatus: page.map((i) => statusJson(ctx.sim, i, now)) };
  return body;
};
