// Client-side narrowing of what is loaded: the `s` status cycle and the `/` text filter.
// Pure functions over the store's data, memoised by the screens on the store's dataVersion.
import type { InstanceResult, Invocation } from '../api/model.js';
import type { InstanceStatus, InvocationStatus } from '../api/wire.js';
import { ACTIVE_INSTANCE, ACTIVE_INVOCATION, FAILED_FAMILY } from '../api/status.js';

export const STATUS_FILTERS = ['all', 'active', 'failed', 'succeeded'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function nextStatusFilter(current: StatusFilter): StatusFilter {
  return STATUS_FILTERS[(STATUS_FILTERS.indexOf(current) + 1) % STATUS_FILTERS.length];
}

export function invocationInFilter(status: InvocationStatus, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return ACTIVE_INVOCATION.has(status);
    case 'failed':
      return status === 'Failed' || status === 'PartialFailed';
    case 'succeeded':
      return status === 'Success';
  }
}

export function instanceInFilter(status: InstanceStatus, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return ACTIVE_INSTANCE.has(status);
    case 'failed':
      return FAILED_FAMILY.has(status);
    case 'succeeded':
      return status === 'Success';
  }
}

function has(field: string | undefined, needle: string): boolean {
  return field !== undefined && field.toLowerCase().includes(needle);
}

export function invocationMatches(inv: Invocation, needle: string): boolean {
  return (
    has(inv.invokeId, needle) ||
    has(inv.commandName, needle) ||
    has(inv.commandId, needle) ||
    has(inv.commandType, needle) ||
    has(inv.invocationStatus, needle) ||
    has(inv.frequency, needle)
  );
}

export function instanceMatches(inst: InstanceResult, needle: string): boolean {
  return has(inst.instanceId, needle) || has(inst.invocationStatus, needle) || has(inst.errorCode, needle);
}

/** InvokeIds in display order that pass both filters; the order array itself when none apply. */
export function filterInvocationIds(
  order: readonly string[],
  invocations: ReadonlyMap<string, Invocation>,
  status: StatusFilter,
  text: string,
): readonly string[] {
  const needle = text.trim().toLowerCase();
  if (status === 'all' && needle === '') return order;
  const out: string[] = [];
  for (const id of order) {
    const inv = invocations.get(id);
    if (!inv) continue;
    if (!invocationInFilter(inv.invocationStatus, status)) continue;
    if (needle && !invocationMatches(inv, needle)) continue;
    out.push(id);
  }
  return out;
}

export function filterInstances(instances: readonly InstanceResult[], status: StatusFilter, text: string): InstanceResult[] {
  const needle = text.trim().toLowerCase();
  return instances.filter((i) => instanceInFilter(i.invocationStatus, status) && (!needle || instanceMatches(i, needle)));
}

/** "3✓ 1✗ 2↻ 1⊘": succeeded, failed, in progress, stopped; readable without colour (an ellipsis would read as cut text). */
export function instanceCountsLabel(counts: Partial<Record<InstanceStatus, number>>): string {
  let ok = 0;
  let failed = 0;
  let active = 0;
  let stopped = 0;
  let unknown = 0;
  for (const [status, n] of Object.entries(counts) as [InstanceStatus, number][]) {
    if (status === 'Unknown') unknown += n;
    else if (status === 'Success') ok += n;
    else if (FAILED_FAMILY.has(status)) failed += n;
    else if (ACTIVE_INSTANCE.has(status)) active += n;
    else stopped += n;
  }
  const parts: string[] = [];
  if (ok) parts.push(`${ok}✓`);
  if (failed) parts.push(`${failed}✗`);
  if (active) parts.push(`${active}↻`);
  if (stopped) parts.push(`${stopped}⊘`);
  if (unknown) parts.push(`${unknown}?`);
  return parts.join(' ') || '-';
}
