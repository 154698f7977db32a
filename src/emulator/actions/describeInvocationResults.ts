// DescribeInvocationResults: one row per instance run (per past run with IncludeHistory).
import type { InstanceState, InvocationFilter, InvocationRecord } from '../model.js';
import type { Simulation } from '../sim.js';
import { encodeText, encodeToken, encodingParam, isoTime, paging } from './paging.js';
import { bool, oneOf, present, region, type Action, type Json } from './params.js';

const RECORD_STATUSES = ['Running', 'Finished', 'Failed', 'Stopped', 'Stopping', 'PartialFailed'] as const;

interface ResultRow {
  rec: InvocationRecord;
  state: InstanceState;
}

function resultJson(sim: Simulation, row: ResultRow, base64: boolean): Json {
  const { rec, state: s } = row;
  const out = s.fraction > 0 ? sim.output(rec, s.instanceId, s) : { text: Buffer.alloc(0), dropped: 0 };
  const json: Json = {
    CommandId: rec.commandId,
    CommandName: rec.commandName,
    InvokeId: rec.invokeId,
    InstanceId: s.instanceId,
    InvocationStatus: s.status,
    InvokeRecordStatus: s.legacy,
  };
  if (s.exitCode !== null) json.ExitCode = s.exitCode;
  json.ErrorCode = s.errorCode;
  json.ErrorInfo = s.errorInfo;
  json.Output = encodeText(out.text, base64);
  json.Dropped = out.dropped;
  json.Repeats = s.repeats;
  json.StartTime = isoTime(s.startAt);
  json.FinishedTime = isoTime(s.finishAt);
  json.StopTime = isoTime(s.stopAt);
  json.Username = rec.username;
  return json;
}

export const describeInvocationResults: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const recordStatus = oneOf(params, 'InvokeRecordStatus', RECORD_STATUSES);
  const encoding = encodingParam(params, 'Base64');
  const includeHistory = bool(params, 'IncludeHistory') ?? false;
  const instanceId = present(params, 'InstanceId');
  const filter: InvocationFilter = { invokeId: present(params, 'InvokeId'), commandId: present(params, 'CommandId'), instanceId };
  const page = paging(params);
  const now = ctx.sim.now();
  const rows: ResultRow[] = [];
  let total = 0;
  let more = false;
  let lastRec: InvocationRecord | undefined;
  const cheapCount = !recordStatus && !includeHistory;
  if (inRegion) {
    const start = page.mode === 'page' ? (page.pageNumber - 1) * page.pageSize : 0;
    const end = page.mode === 'page' ? start + page.pageSize : page.maxResults;
    ctx.sim.scan(
      filter,
      (rec) => {
        if (page.mode === 'token' && rows.length >= end) {
          more = true;
          return false;
        }
        for (const run of rec.runs) {
          const id = run.inst.instanceId;
          if (instanceId !== undefined && id !== instanceId) continue;
          // Rows before the page are only counted; computing their state is skipped when no filter needs it.
          if (cheapCount && page.mode === 'page' && (total < start || total >= end)) {
            total++;
            continue;
          }
          const states = includeHistory ? ctx.sim.history(rec, id, now) : ctx.sim.instanceStates(rec, now).filter((s) => s.instanceId === id);
          for (const state of states) {
            if (recordStatus && state.legacy !== recordStatus) continue;
            if (total >= start && total < end) rows.push({ rec, state });
            total++;
          }
        }
        lastRec = rec;
        return true;
      },
      page.mode === 'token' ? page.from : undefined,
    );
  }
  const list = { InvocationResult: rows.map((r) => resultJson(ctx.sim, r, encoding === 'Base64')) };
  if (page.mode === 'page') {
    return {
      RequestId: ctx.requestId,
      Invocation: { TotalCount: total, PageNumber: page.pageNumber, PageSize: page.pageSize, InvocationResults: list },
    };
  }
  // Token paging goes invocation by invocation: a page holds whole invocations.
  const last = rows[rows.length - 1]?.rec ?? lastRec;
  return {
    RequestId: ctx.requestId,
    Invocation: { NextToken: more && last ? encodeToken(last) : '', MaxResults: page.maxResults, InvocationResults: list },
  };
};
