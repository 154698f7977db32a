// Status families and the overall-status rule of the API page, as one pure implementation
// shared by the client (to check/derive) and the emulator (to compute what it serves).
import type { InstanceStatus, InvocationStatus, InvokeStatus } from './wire.js';
import { INSTANCE_STATUSES } from './wire.js';

export const FAILED_FAMILY: ReadonlySet<InstanceStatus> = new Set(['Invalid', 'Aborted', 'Failed', 'Timeout', 'Error']);
export const STOPPED_FAMILY: ReadonlySet<InstanceStatus> = new Set(['Stopped', 'Cancelled', 'Terminated']);
export const ACTIVE_INSTANCE: ReadonlySet<InstanceStatus> = new Set(['Pending', 'Scheduled', 'Running', 'Stopping']);
export const ACTIVE_INVOCATION: ReadonlySet<InvocationStatus> = new Set(['Pending', 'Scheduled', 'Running', 'Stopping']);

/** The API's own statuses by lower-case spelling ('Unknown' is catop's, never read from the wire). */
export function canonicalMap<S extends string>(statuses: readonly S[]): ReadonlyMap<string, S> {
  return new Map(statuses.filter((s) => s !== 'Unknown').map((s) => [s.toLowerCase(), s]));
}

const CANONICAL_INSTANCE = canonicalMap(INSTANCE_STATUSES);

/** Statuses can arrive in any case (`InstanceInvokeStatus` is sometimes lower case). */
export function canonicalInstanceStatus(raw: string | undefined): InstanceStatus | undefined {
  if (!raw) return undefined;
  return CANONICAL_INSTANCE.get(raw.trim().toLowerCase());
}

/**
 * Overall status from instance statuses (DescribeInvocations, `InvocationStatus`):
 * any Pending -> Pending; else any Scheduled -> Scheduled; else any Running -> Running;
 * else any Stopping -> Stopping; all Stopped-family -> Stopped; only Success/Stopped with
 * one Success -> Success; only Failed-family/Stopped with one failure -> Failed; else PartialFailed.
 * An instance in a status catop does not know may still be running: then the whole is Unknown.
 */
export function overallStatus(statuses: readonly InstanceStatus[]): InvocationStatus {
  if (statuses.length === 0) return 'Pending';
  const has = (s: InstanceStatus) => statuses.includes(s);
  if (has('Pending')) return 'Pending';
  if (has('Scheduled')) return 'Scheduled';
  if (has('Running')) return 'Running';
  if (has('Stopping')) return 'Stopping';
  if (has('Unknown')) return 'Unknown';
  let success = 0;
  let failed = 0;
  let stopped = 0;
  for (const s of statuses) {
    if (s === 'Success') success++;
    else if (FAILED_FAMILY.has(s)) failed++;
    else if (STOPPED_FAMILY.has(s)) stopped++;
  }
  if (stopped === statuses.length) return 'Stopped';
  if (failed === 0 && success > 0) return 'Success';
  if (success === 0 && failed > 0) return 'Failed';
  return 'PartialFailed';
}

/** The legacy `InvokeStatus` that goes with an overall status (and the request filter's meaning). */
export function legacyInvokeStatus(overall: InvocationStatus): InvokeStatus {
  switch (overall) {
    case 'Pending':
    case 'Scheduled':
    case 'Running':
    case 'Stopping':
    case 'Unknown':
      return 'Running';
    case 'Success':
      return 'Finished';
    case 'Failed':
      return 'Failed';
    case 'PartialFailed':
      return 'PartialFailed';
    case 'Stopped':
      return 'Stopped';
  }
}

/** Unknown is not final: what catop cannot read may still change. */
export function isFinalInvocation(status: InvocationStatus): boolean {
  return status !== 'Unknown' && !ACTIVE_INVOCATION.has(status);
}

export function isFinalInstance(status: InstanceStatus): boolean {
  return status !== 'Unknown' && !ACTIVE_INSTANCE.has(status);
}

/** A status as shown: `unknown (Value)` for one catop does not know (`value` is already safe). */
export function statusLabel(status: InvocationStatus | InstanceStatus, value?: string): string {
  if (status !== 'Unknown') return status;
  return value ? `unknown (${value})` : 'unknown';
}

/** The families every view buckets statuses into: counts, filters, colours, exit codes. */
export type StatusFamily = 'success' | 'failed' | 'active' | 'stopped' | 'unknown';

export function instanceFamily(status: InstanceStatus): StatusFamily {
  if (status === 'Success') return 'success';
  if (FAILED_FAMILY.has(status)) return 'failed';
  if (STOPPED_FAMILY.has(status)) return 'stopped';
  if (ACTIVE_INSTANCE.has(status)) return 'active';
  return 'unknown';
}

/** PartialFailed is a failure; Unknown belongs to no family. */
export function invocationFamily(status: InvocationStatus): StatusFamily {
  if (status === 'Success') return 'success';
  if (status === 'Failed' || status === 'PartialFailed') return 'failed';
  if (status === 'Stopped') return 'stopped';
  if (ACTIVE_INVOCATION.has(status)) return 'active';
  return 'unknown';
}

/** How many of `items` are in each status (statuses absent from `items` are absent here). */
export function statusCounts<T, S extends string>(items: Iterable<T>, statusOf: (item: T) => S): Partial<Record<S, number>> {
  const counts: Partial<Record<S, number>> = {};
  for (const item of items) {
    const s = statusOf(item);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

/** Per-status counts of instances summed by family. */
export function familyCounts(counts: Partial<Record<InstanceStatus, number>>): Record<StatusFamily, number> {
  const out: Record<StatusFamily, number> = { success: 0, failed: 0, active: 0, stopped: 0, unknown: 0 };
  for (const [status, n] of Object.entries(counts) as [InstanceStatus, number][]) out[instanceFamily(status)] += n;
  return out;
}

/**
 * The one order of invocations everywhere (list, store, --once): newest CreationTime first, those
 * without one last, ties by InvokeId (code units, not locale) so the order is total and stable.
 */
export function newestFirst(a: { creationTime?: number; invokeId: string }, b: { creationTime?: number; invokeId: string }): number {
  const ta = a.creationTime ?? -Infinity;
  const tb = b.creationTime ?? -Infinity;
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.invokeId < b.invokeId ? -1 : a.invokeId > b.invokeId ? 1 : 0;
}
