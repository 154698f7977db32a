// DescribeInvocations: every filter of the API page, both paging styles, IncludeOutput, and the
// response in the page's shape (key order as in its sample).
import { legacyInvokeStatus } from '../../api/status.js';
import type { InvokeStatus } from '../../api/wire.js';
import { INVOKE_STATUSES } from '../../api/wire.js';
import { overallAt, stateAt } from '../lifecycle.js';
import type { InstanceState, InvocationFilter, InvocationRecord, Run } from '../model.js';
import { runDropped, runOutput } from '../runOutput.js';
import type { Simulation } from '../sim.js';
import { encodeText, encodeToken, encodingParam, isoTime, paging } from './paging.js';
import { RpcError, bool, oneOf, present, region, type Action, type Json } from './params.js';

function invokeInstanceJson(rec: InvocationRecord, run: Run, s: InstanceState, includeOutput: boolean, base64: boolean): Json {
  let output = '';
  let dropped = 0;
  if (s.fraction > 0) {
    if (includeOutput) {
      const out = runOutput(rec, run, s);
      dropped = out.dropped;
      output = encodeText(out.text, base64);
    } else dropped = runDropped(rec, run, s);
  }
  const json: Json = {
    Dropped: dropped,
    InvocationStatus: s.status,
    InstanceId: s.instanceId,
    InstanceInvokeStatus: s.legacy,
  };
  if (s.exitCode !== null) json.ExitCode = s.exitCode;
  json.ErrorInfo = s.errorInfo;
  json.StartTime = isoTime(s.startAt);
  json.Repeats = s.repeats;
  json.FinishTime = isoTime(s.finishAt);
  json.Output = output;
  json.CreationTime = isoTime(s.createdAt);
  json.UpdateTime = isoTime(s.updateAt);
  json.ErrorCode = s.errorCode;
  json.StopTime = isoTime(s.stopAt);
  return json;
}

/** With an InstanceId filter, output is served for that instance only (the others' can be megabytes). */
function invocationJson(sim: Simulation, rec: InvocationRecord, includeOutput: boolean, base64: boolean, outputFor?: string): Json {
  const now = sim.now();
  const overall = overallAt(rec, now);
  return {
    CommandContent: encodeText(rec.content, base64),
    InvocationStatus: overall,
    InvokeStatus: legacyInvokeStatus(overall),
    Parameters: rec.parameters,
    CommandType: rec.commandType,
    Timed: rec.timed,
    CreationTime: isoTime(rec.createdAt),
    Frequency: rec.frequency,
    CommandId: rec.commandId,
    CommandName: rec.commandName,
    CommandDescription: rec.description,
    InvokeId: rec.invokeId,
    RepeatMode: rec.repeatMode,
    Timeout: rec.timeout,
    Username: rec.username,
    WorkingDir: rec.workingDir,
    InvokeInstances: {
      InvokeInstance: rec.runs.map((run) => {
        const withOutput = includeOutput && (outputFor === undefined || run.inst.instanceId === outputFor);
        return invokeInstanceJson(rec, run, stateAt(rec, run, now), withOutput, base64);
      }),
    },
  };
}

export const describeInvocations: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const invokeStatus = oneOf<InvokeStatus>(params, 'InvokeStatus', INVOKE_STATUSES);
  const encoding = encodingParam(params, 'Base64');
  const includeOutput = bool(params, 'IncludeOutput') ?? false;
  const timed = bool(params, 'Timed');
  const filter: InvocationFilter = {
    invokeId: present(params, 'InvokeId'),
    commandId: present(params, 'CommandId'),
    commandName: present(params, 'CommandName'),
    commandType: present(params, 'CommandType'),
    instanceId: present(params, 'InstanceId'),
    repeatMode: present(params, 'RepeatMode'),
    timed,
    invokeStatus,
  };
  if (includeOutput && filter.invokeId === undefined && filter.instanceId === undefined) {
    throw new RpcError(400, 'MissingParameter', 'The input parameter "InvokeId" or "InstanceId" is mandatory when IncludeOutput is true.');
  }
  const page = paging(params);
  const base64 = encoding === 'Base64';
  const out: InvocationRecord[] = [];
  let total = 0;
  let more = false;
  if (inRegion) {
    const unfiltered = Object.values(filter).every((v) => v === undefined);
    if (page.mode === 'page' && unfiltered) {
      out.push(...ctx.sim.newest((page.pageNumber - 1) * page.pageSize, page.pageSize));
      total = ctx.sim.size();
    } else if (page.mode === 'page') {
      const start = (page.pageNumber - 1) * page.pageSize;
      const end = start + page.pageSize;
      ctx.sim.scan(filter, (rec) => {
        if (total >= start && total < end) out.push(rec);
        total++;
        return true;
      });
    } else {
      ctx.sim.scan(
        filter,
        (rec) => {
          if (out.length === page.maxResults) {
            more = true;
            return false;
          }
          out.push(rec);
          return true;
        },
        page.from,
      );
    }
  }
  const outputFor = filter.invokeId === undefined ? filter.instanceId : undefined;
  const list = { Invocation: out.map((rec) => invocationJson(ctx.sim, rec, includeOutput, base64, outputFor)) };
  if (page.mode === 'page') {
    return { TotalCount: total, RequestId: ctx.requestId, PageSize: page.pageSize, PageNumber: page.pageNumber, Invocations: list };
  }
  const last = out[out.length - 1];
  return { RequestId: ctx.requestId, NextToken: more && last ? encodeToken(last) : '', MaxResults: page.maxResults, Invocations: list };
};
