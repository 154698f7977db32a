// DescribeInvocationResults: one row per instance run (per past run with IncludeHistory), filtered
// by InvokeId, InstanceId, CommandId and InvokeRecordStatus, paged by PageNumber/PageSize or by
// MaxResults (1..50, default 10) and a NextToken that can point inside an invocation of thousands
// of instances.
import { historyAt, stateAt } from '../lifecycle.js';
import type { InstanceState, InvocationFilter, InvocationRecord, Run } from '../model.js';
import { runOutput } from '../runOutput.js';
import { encodeText, encodeToken, encodingParam, isoTime, paging, type PageCursor } from './paging.js';
import { INVALID, RpcError, bool, missing, oneOf, present, region, type Action, type Json } from './params.js';

const RECORD_STATUSES = ['Running', 'Finished', 'Success', 'Failed', 'PartialFailed', 'Stopped', 'Stopping'] as const;
type RecordStatus = (typeof RECORD_STATUSES)[number];

interface ResultRow {
  rec: InvocationRecord;
  run: Run;
  state: InstanceState;
}

function resultJson(row: ResultRow, base64: boolean): Json {
  const { rec, run, state: s } = row;
  const out = runOutput(rec, run, s);
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

/** A row's InvokeRecordStatus is its legacy status; `Success` also picks the rows that ended Success. */
function matches(state: InstanceState, wanted: RecordStatus | undefined): boolean {
  return wanted === undefined || state.legacy === wanted || (wanted === 'Success' && state.status === 'Success');
}

/** IncludeHistory needs the InvokeId of an invocation that repeats (Period or EveryReboot). */
function checkHistory(invokeId: string | undefined, rec: InvocationRecord | undefined): void {
  if (invokeId === undefined) throw missing('InvokeId');
  if (rec && rec.repeatMode !== 'Period' && rec.repeatMode !== 'EveryReboot') {
    throw new RpcError(403, 'InvalidParam.IncludeHistory', `${INVALID} IncludeHistory applies only to Period and EveryReboot invocations.`);
  }
}

export const describeInvocationResults: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const recordStatus = oneOf(params, 'InvokeRecordStatus', RECORD_STATUSES);
  const base64 = encodingParam(params, 'Base64') === 'Base64';
  const includeHistory = bool(params, 'IncludeHistory') ?? false;
  const invokeId = present(params, 'InvokeId');
  const instanceId = present(params, 'InstanceId');
  if (includeHistory) checkHistory(invokeId, inRegion && invokeId ? ctx.sim.record(invokeId) : undefined);
  const filter: InvocationFilter = { invokeId, commandId: present(params, 'CommandId'), instanceId };
  const page = paging(params);
  const now = ctx.sim.now();
  const rows: ResultRow[] = [];
  const cheapCount = !recordStatus && !includeHistory;
  const statesOf = (rec: InvocationRecord, run: Run) => (includeHistory ? historyAt(rec, run, now) : [stateAt(rec, run, now)]);

  if (page.mode === 'page') {
    let total = 0;
    const start = (page.pageNumber - 1) * page.pageSize;
    const end = start + page.pageSize;
    if (inRegion) {
      ctx.sim.scan(filter, (rec) => {
        for (const run of rec.runs) {
          if (instanceId !== undefined && run.inst.instanceId !== instanceId) continue;
          // Rows outside the page are only counted; their state is skipped when no filter needs it.
          if (cheapCount && (total < start || total >= end)) {
            total++;
            continue;
          }
          for (const state of statesOf(rec, run)) {
            if (!matches(state, recordStatus)) continue;
            if (total >= start && total < end) rows.push({ rec, run, state });
            total++;
          }
        }
        return true;
      });
    }
    const list = { InvocationResult: rows.map((r) => resultJson(r, base64)) };
    return {
      RequestId: ctx.requestId,
      Invocation: { TotalCount: total, PageNumber: page.pageNumber, PageSize: page.pageSize, InvocationResults: list },
    };
  }

  // Token paging counts rows: the token names the record and the row within it where the next page starts.
  const from: PageCursor | undefined = page.from;
  let next: PageCursor | undefined;
  if (inRegion) {
    const resume = from && from.row !== undefined ? { createdAt: from.createdAt, seq: from.seq + 1 } : from;
    ctx.sim.scan(
      filter,
      (rec) => {
        let skip = from?.row !== undefined && rec.seq === from.seq && rec.createdAt === from.createdAt ? from.row : 0;
        let index = 0;
        for (const run of rec.runs) {
          if (instanceId !== undefined && run.inst.instanceId !== instanceId) continue;
          for (const state of statesOf(rec, run)) {
            if (!matches(state, recordStatus)) continue;
            if (skip > 0) {
              skip--;
            } else if (rows.length === page.maxResults) {
              next = { createdAt: rec.createdAt, seq: rec.seq, row: index };
              return false;
            } else rows.push({ rec, run, state });
            index++;
          }
        }
        return true;
      },
      resume,
    );
  }
  const list = { InvocationResult: rows.map((r) => resultJson(r, base64)) };
  return {
    RequestId: ctx.requestId,
    Invocation: { NextToken: next ? encodeToken(next) : '', MaxResults: page.maxResults, InvocationResults: list },
  };
};
