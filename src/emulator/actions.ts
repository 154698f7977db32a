// The Cloud Assistant actions: parameter checks with the service's error codes, and JSON bodies in
// the documented shapes (key order as in the API page's sample).
import { legacyInvokeStatus } from '../api/status.js';
import { isoTime as iso } from '../clock.js';
import type { InvokeStatus } from '../api/wire.js';
import { COMMAND_TYPES, INVOKE_STATUSES } from '../api/wire.js';
import type { InstanceState, InvocationFilter, InvocationRecord, Simulation } from './sim.js';

export class RpcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Params = Record<string, string>;
export type Json = Record<string, unknown>;

export interface ActionContext {
  sim: Simulation;
  regionId: string;
  requestId: string;
}

export type Action = (params: Params, ctx: ActionContext) => Json;

const INVALID = 'The specified parameter is invalid.';

function missing(name: string): RpcError {
  return new RpcError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

function invalidValue(name: string, value: string): RpcError {
  return new RpcError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${JSON.stringify(value.slice(0, 64))}.`);
}

function present(params: Params, name: string): string | undefined {
  const v = params[name];
  return v === undefined || v === '' ? undefined : v;
}

function bool(params: Params, name: string): boolean | undefined {
  const v = present(params, name);
  if (v === undefined) return undefined;
  const lower = v.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw invalidValue(name, v);
}

/** A positive integer within [min, max], or the documented error code of that parameter. */
function intParam(params: Params, name: string, dflt: number, min: number, max: number): number {
  const v = present(params, name);
  if (v === undefined) return dflt;
  const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new RpcError(403, `InvalidParam.${name}`, INVALID);
  return n;
}

function oneOf<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const v = present(params, name);
  if (v === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === v.trim().toLowerCase());
  if (!hit) throw new RpcError(403, `InvalidParam.${name}`, `${INVALID} ${name} must be one of ${allowed.join(', ')}.`);
  return hit;
}

function region(params: Params, ctx: ActionContext): boolean {
  const r = present(params, 'RegionId');
  if (r === undefined) throw new RpcError(400, 'MissingRegionId', 'RegionId is mandatory for this action.');
  // Another region is valid but holds nothing of ours.
  return r === ctx.regionId;
}

/** `InstanceId.1 .. InstanceId.N` (also a bare `InstanceId`, and a JSON array as some clients send). */
function instanceList(params: Params): string[] {
  const out: { i: number; v: string }[] = [];
  for (const [k, v] of Object.entries(params)) {
    const m = /^InstanceId\.(\d+)$/.exec(k);
    if (m && v !== '') out.push({ i: Number(m[1]), v });
  }
  out.sort((a, b) => a.i - b.i);
  const ids = out.map((o) => o.v);
  const bare = present(params, 'InstanceId');
  if (bare !== undefined) {
    if (bare.trim().startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(bare);
        if (Array.isArray(parsed)) for (const x of parsed) if (typeof x === 'string') ids.push(x);
      } catch {
        throw invalidValue('InstanceId', bare);
      }
    } else ids.push(bare);
  }
  return [...new Set(ids)];
}

export const isoTime = (ms: number | null | undefined): string => iso(ms) ?? '';

function encodeText(text: string | Buffer, base64: boolean): string {
  if (base64) return (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
  return typeof text === 'string' ? text : text.toString('utf8');
}

// ------------------------------------------------------------------ paging

interface Cursor {
  createdAt: number;
  seq: number;
}

function encodeToken(c: Cursor): string {
  return Buffer.from(`${c.createdAt}.${c.seq}`).toString('base64url');
}

function decodeToken(token: string): Cursor {
  const m = /^(\d+)\.(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw new RpcError(403, 'InvalidParam.NextToken', `${INVALID} NextToken is not a token this service issued.`);
  return { createdAt: Number(m[1]), seq: Number(m[2]) };
}

type Paging = { mode: 'page'; pageNumber: number; pageSize: number } | { mode: 'token'; from?: Cursor; maxResults: number };

function paging(params: Params): Paging {
  const token = present(params, 'NextToken');
  const max = present(params, 'MaxResults');
  if (token !== undefined || max !== undefined) {
    return { mode: 'token', from: token ? decodeToken(token) : undefined, maxResults: intParam(params, 'MaxResults', 10, 1, 50) };
  }
  return { mode: 'page', pageNumber: intParam(params, 'PageNumber', 1, 1, Number.MAX_SAFE_INTEGER), pageSize: intParam(params, 'PageSize', 10, 1, 50) };
}

// ------------------------------------------------------------------ DescribeInvocations

function invokeInstanceJson(
  sim: Simulation,
  rec: InvocationRecord,
  s: InstanceState,
  includeOutput: boolean,
  base64: boolean,
): Json {
  let output = '';
  let dropped = 0;
  if (s.fraction > 0) {
    if (includeOutput) {
      const out = sim.output(rec, s.instanceId, s);
      dropped = out.dropped;
      output = encodeText(out.text, base64);
    } else dropped = sim.dropped(rec, s.instanceId, s);
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
  const states = sim.instanceStates(rec, now);
  const overall = sim.overall(rec, now);
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
    RepeatMode: rec.timed ? 'Period' : 'Once',
    Timeout: rec.timeout,
    Username: rec.username,
    WorkingDir: rec.workingDir,
    InvokeInstances: {
      InvokeInstance: states.map((s) => invokeInstanceJson(sim, rec, s, includeOutput && (outputFor === undefined || s.instanceId === outputFor), base64)),
    },
  };
}

export const describeInvocations: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const invokeStatus = oneOf<InvokeStatus>(params, 'InvokeStatus', INVOKE_STATUSES);
  const encoding = oneOf(params, 'ContentEncoding', ['PlainText', 'Base64'] as const) ?? 'Base64';
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

// ------------------------------------------------------------------ DescribeInvocationResults

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
  const encoding = oneOf(params, 'ContentEncoding', ['PlainText', 'Base64'] as const) ?? 'Base64';
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

// ------------------------------------------------------------------ StopInvocation

export const stopInvocation: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const invokeId = present(params, 'InvokeId');
  if (invokeId === undefined) throw missing('InvokeId');
  const ids = instanceList(params);
  const rec = inRegion ? ctx.sim.record(invokeId) : undefined;
  if (!rec) throw new RpcError(404, 'InvalidInvokeId.NotFound', 'The specified invoke ID does not exist.');
  for (const id of ids) {
    if (!rec.runs.some((r) => r.inst.instanceId === id)) {
      throw new RpcError(404, 'InvalidInstance.NotFound', `The specified instance ${id} is not part of this invocation.`);
    }
  }
  ctx.sim.stopInvocation(invokeId, ids);
  return { RequestId: ctx.requestId };
};

// ------------------------------------------------------------------ RunCommand / InvokeCommand

function decodeContent(params: Params, content: string): string {
  const encoding = oneOf(params, 'ContentEncoding', ['PlainText', 'Base64'] as const) ?? 'PlainText';
  if (encoding === 'PlainText') return content;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content.trim())) {
    throw new RpcError(403, 'InvalidParam.CommandContent', `${INVALID} CommandContent is not valid Base64.`);
  }
  return Buffer.from(content, 'base64').toString('utf8');
}

function targetInstances(params: Params, ctx: ActionContext, inRegion: boolean): string[] {
  const ids = instanceList(params);
  if (ids.length === 0) throw missing('InstanceId.1');
  if (ids.length > 100) throw new RpcError(403, 'InvalidParam.InstanceId', `${INVALID} At most 100 instances per call.`);
  for (const id of ids) {
    if (!inRegion || !ctx.sim.instance(id)) throw new RpcError(404, 'InvalidInstance.NotFound', `The specified instance ${id} does not exist.`);
  }
  return ids;
}

function schedule(params: Params): { timed: boolean; frequency?: string } {
  const repeatMode = present(params, 'RepeatMode');
  const frequency = present(params, 'Frequency');
  const timed = bool(params, 'Timed') ?? (repeatMode === 'Period' || (repeatMode === undefined && frequency !== undefined));
  if (timed && frequency === undefined) throw missing('Frequency');
  return { timed, frequency };
}

function timeoutParam(params: Params): number | undefined {
  const v = present(params, 'Timeout');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10 || n > 86_400) throw new RpcError(403, 'InvalidParam.Timeout', `${INVALID} Timeout must be 10..86400 seconds.`);
  return n;
}

export const runCommand: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const type = present(params, 'Type');
  if (type === undefined) throw missing('Type');
  if (!(COMMAND_TYPES as readonly string[]).includes(type)) {
    throw new RpcError(403, 'InvalidParam.Type', `${INVALID} Type must be one of ${COMMAND_TYPES.join(', ')}.`);
  }
  const raw = present(params, 'CommandContent');
  if (raw === undefined) throw missing('CommandContent');
  const content = decodeContent(params, raw);
  const instanceIds = targetInstances(params, ctx, inRegion);
  const { timed, frequency } = schedule(params);
  const invokeId = ctx.sim.runCommand({
    commandContent: content,
    instanceIds,
    commandType: type,
    name: present(params, 'Name') ?? '',
    description: present(params, 'Description'),
    timed,
    frequency,
    parameters: present(params, 'Parameters'),
    username: present(params, 'Username'),
    workingDir: present(params, 'WorkingDir'),
    timeout: timeoutParam(params),
  });
  const rec = ctx.sim.record(invokeId) as InvocationRecord;
  return { RequestId: ctx.requestId, CommandId: rec.commandId, InvokeId: invokeId };
};

export const invokeCommand: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const commandId = present(params, 'CommandId');
  if (commandId === undefined) throw missing('CommandId');
  const cmd = inRegion ? ctx.sim.command(commandId) : undefined;
  if (!cmd) throw new RpcError(404, 'InvalidCommandId.NotFound', 'The specified command ID does not exist.');
  const instanceIds = targetInstances(params, ctx, inRegion);
  const { timed, frequency } = schedule(params);
  const invokeId = ctx.sim.runCommand({
    commandContent: cmd.content,
    instanceIds,
    commandType: cmd.type,
    name: cmd.name,
    commandId,
    description: cmd.description,
    timed,
    frequency,
    parameters: present(params, 'Parameters'),
    username: present(params, 'Username'),
    workingDir: present(params, 'WorkingDir'),
    timeout: timeoutParam(params),
  });
  return { RequestId: ctx.requestId, CommandId: commandId, InvokeId: invokeId };
};

export const ACTIONS: Record<string, Action> = {
  DescribeInvocations: describeInvocations,
  DescribeInvocationResults: describeInvocationResults,
  StopInvocation: stopInvocation,
  RunCommand: runCommand,
  InvokeCommand: invokeCommand,
};
