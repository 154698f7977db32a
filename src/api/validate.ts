// Request validation before anything is sent, and the mapping of typed params to wire params.
// Every failure is an ApiError (kind 'validation') naming the parameter and what it accepts.
// Wire params are strings only: pop-core sends undefined/null as the text "undefined"/"null".
import { ApiError } from './errors.js';
import { CONTENT_ENCODINGS, INVOKE_STATUSES } from './wire.js';
import type { DescribeInvocationResultsParams, DescribeInvocationsParams } from './model.js';

export type WireParams = Record<string, string>;

export const MAX_PAGE_SIZE = 50;

function invalid(message: string): ApiError {
  return new ApiError({ code: 'InvalidParameter', kind: 'validation', retryable: false, message });
}

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return typeof v;
}

/** A non-empty string, or undefined for undefined/null/"" (empty means absent). */
function optString(name: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(`${name} must be a string (got ${shown(v)})`);
  const t = v.trim();
  return t === '' ? undefined : t;
}

function optBool(name: string, v: unknown): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalid(`${name} must be true or false (got ${shown(v)})`);
  return v;
}

function optInt(name: string, v: unknown, min: number, max?: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  const ok = typeof v === 'number' && Number.isInteger(v) && v >= min && (max === undefined || v <= max);
  if (!ok) {
    const range = max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
    throw invalid(`${name} must be ${range} (got ${shown(v)})`);
  }
  return v;
}

/** Case-insensitive membership; returns the canonical spelling for the wire. */
function optOneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T | undefined {
  const s = optString(name, v);
  if (s === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!hit) throw invalid(`${name} must be one of ${allowed.join(', ')} (got ${shown(v)})`);
  return hit;
}

function put(out: WireParams, key: string, v: string | number | boolean | undefined): void {
  if (v === undefined) return;
  out[key] = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

function pagingParams(out: WireParams, p: { pageNumber?: unknown; pageSize?: unknown; nextToken?: unknown; maxResults?: unknown }): void {
  put(out, 'PageNumber', optInt('PageNumber', p.pageNumber, 1));
  put(out, 'PageSize', optInt('PageSize', p.pageSize, 1, MAX_PAGE_SIZE));
  put(out, 'NextToken', optString('NextToken', p.nextToken));
  put(out, 'MaxResults', optInt('MaxResults', p.maxResults, 1, MAX_PAGE_SIZE));
}

function asRecord(name: string, params: unknown): Record<string, unknown> {
  if (params === undefined || params === null) return {};
  if (typeof params !== 'object' || Array.isArray(params)) throw invalid(`${name} parameters must be an object`);
  return params as Record<string, unknown>;
}

/** DescribeInvocations: typed params -> wire params (RegionId is added by the client). */
export function describeInvocationsWire(params: DescribeInvocationsParams | undefined): WireParams {
  const p = asRecord('DescribeInvocations', params);
  const out: WireParams = {};
  const invokeId = optString('InvokeId', p.invokeId);
  const instanceId = optString('InstanceId', p.instanceId);
  put(out, 'InvokeId', invokeId);
  put(out, 'CommandId', optString('CommandId', p.commandId));
  put(out, 'CommandName', optString('CommandName', p.commandName));
  put(out, 'CommandType', optString('CommandType', p.commandType));
  put(out, 'Timed', optBool('Timed', p.timed));
  put(out, 'InvokeStatus', optOneOf('InvokeStatus', p.invokeStatus, INVOKE_STATUSES));
  put(out, 'InstanceId', instanceId);
  put(out, 'ContentEncoding', optOneOf('ContentEncoding', p.contentEncoding, CONTENT_ENCODINGS));
  const includeOutput = optBool('IncludeOutput', p.includeOutput);
  if (includeOutput && !invokeId && !instanceId) {
    throw invalid('IncludeOutput=true needs InvokeId or InstanceId (the API refuses output over whole lists)');
  }
  put(out, 'IncludeOutput', includeOutput);
  pagingParams(out, p);
  return out;
}

/** DescribeInvocationResults: typed params -> wire params. */
export function describeInvocationResultsWire(params: DescribeInvocationResultsParams | undefined): WireParams {
  const p = asRecord('DescribeInvocationResults', params);
  const out: WireParams = {};
  put(out, 'InvokeId', optString('InvokeId', p.invokeId));
  put(out, 'InstanceId', optString('InstanceId', p.instanceId));
  put(out, 'CommandId', optString('CommandId', p.commandId));
  put(out, 'InvokeRecordStatus', optString('InvokeRecordStatus', p.invokeRecordStatus));
  put(out, 'IncludeHistory', optBool('IncludeHistory', p.includeHistory));
  put(out, 'ContentEncoding', optOneOf('ContentEncoding', p.contentEncoding, CONTENT_ENCODINGS));
  pagingParams(out, p);
  return out;
}

/** StopInvocation: InvokeId plus InstanceId.1..N. */
export function stopInvocationWire(invokeId: unknown, instanceIds?: unknown): WireParams {
  const out: WireParams = {};
  const id = optString('InvokeId', invokeId);
  if (!id) throw invalid('InvokeId is required to stop an invocation (got nothing)');
  out.InvokeId = id;
  if (instanceIds !== undefined && instanceIds !== null) {
    if (!Array.isArray(instanceIds)) throw invalid(`InstanceId must be a list of instance ids (got ${shown(instanceIds)})`);
    instanceIds.forEach((v, i) => {
      const s = optString(`InstanceId.${i + 1}`, v);
      if (!s) throw invalid(`InstanceId.${i + 1} must be a non-empty instance id (got ${shown(v)})`);
      out[`InstanceId.${i + 1}`] = s;
    });
  }
  return out;
}

/** The encoding the response will use: the API's default is Base64. */
export function responseEncoding(wire: WireParams): 'PlainText' | 'Base64' {
  return wire.ContentEncoding === 'PlainText' ? 'PlainText' : 'Base64';
}

export function regionIdWire(regionId: unknown): string {
  const r = optString('RegionId', regionId);
  if (!r) throw invalid('RegionId is required, e.g. cn-hangzhou (got nothing)');
  return r;
}
