// What every action shares: the service's error shape, reading parameters with the documented
// error codes, the region check and the InstanceId.N list.
import type { Simulation } from '../sim.js';

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
  /** The fleet of the request's region (of the first region when that one is not served). */
  sim: Simulation;
  /** The request's region when it is served, else the first one. */
  regionId: string;
  /** Every region served, first one first. */
  regions: readonly string[];
  requestId: string;
}

export type Action = (params: Params, ctx: ActionContext) => Json;

export const INVALID = 'The specified parameter is invalid.';

export function missing(name: string): RpcError {
  return new RpcError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

export function invalidValue(name: string, value: string): RpcError {
  return new RpcError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${JSON.stringify(value.slice(0, 64))}.`);
}

export function present(params: Params, name: string): string | undefined {
  const v = params[name];
  return v === undefined || v === '' ? undefined : v;
}

export function bool(params: Params, name: string): boolean | undefined {
  const v = present(params, name);
  if (v === undefined) return undefined;
  const lower = v.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw invalidValue(name, v);
}

/** A positive integer within [min, max], or the documented error code of that parameter. */
export function intParam(params: Params, name: string, dflt: number, min: number, max: number): number {
  const v = present(params, name);
  if (v === undefined) return dflt;
  const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new RpcError(403, `InvalidParam.${name}`, INVALID);
  return n;
}

export function oneOf<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const v = present(params, name);
  if (v === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === v.trim().toLowerCase());
  if (!hit) throw new RpcError(403, `InvalidParam.${name}`, `${INVALID} ${name} must be one of ${allowed.join(', ')}.`);
  return hit;
}

/** Too many InstanceId.N for one call (RunCommand and InvokeCommand take 100, StopInvocation 50). */
export function checkInstanceCount(ids: readonly string[], max: number): void {
  if (ids.length > max) {
    throw new RpcError(403, 'InstanceIds.ExceedLimit', `The number of instance IDs exceeds the upper limit (${ids.length} given, at most ${max}).`);
  }
}

export function region(params: Params, ctx: ActionContext): boolean {
  const r = present(params, 'RegionId');
  if (r === undefined) throw new RpcError(400, 'MissingRegionId', 'RegionId is mandatory for this action.');
  // Another region is valid but holds nothing of ours.
  return r === ctx.regionId;
}

/** `InstanceId.1 .. InstanceId.N` (also a bare `InstanceId`, and a JSON array as some clients send). */
export function instanceList(params: Params): string[] {
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
