// Client-side narrowing of what is loaded: the `s` status cycle and the `/` text filter.
// Pure functions over the store's data, memoised by the screens on the store's dataVersion.
import type { InstanceResult, Invocation } from '../api/model.js';
import type { InstanceStatus, InvocationStatus } from '../api/wire.js';
import { familyCounts, instanceFamily, invocationFamily, type StatusFamily } from '../api/status.js';
import { instanceCounts } from '../store/selectors.js';
import { instanceSearchText, type FleetState } from '../store/names.js';
import { formatCount, formatTime } from './format.js';
import { describeError } from './instanceText.js';

export const STATUS_FILTERS = ['all', 'active', 'failed', 'succeeded', 'stopped'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function nextStatusFilter(current: StatusFilter): StatusFilter {
  return STATUS_FILTERS[(STATUS_FILTERS.indexOf(current) + 1) % STATUS_FILTERS.length];
}

/** The family each filter keeps (`all` keeps every status, Unknown included). */
const FILTER_FAMILY: Record<Exclude<StatusFilter, 'all'>, StatusFamily> = {
  active: 'active',
  failed: 'failed',
  succeeded: 'success',
  stopped: 'stopped',
};

export function invocationInFilter(status: InvocationStatus, filter: StatusFilter): boolean {
  return filter === 'all' || invocationFamily(status) === FILTER_FAMILY[filter];
}

export function instanceInFilter(status: InstanceStatus, filter: StatusFilter): boolean {
  return filter === 'all' || instanceFamily(status) === FILTER_FAMILY[filter];
}

function has(field: string | number | null | undefined, needle: string): boolean {
  return field !== undefined && field !== null && String(field).toLowerCase().includes(needle);
}

/** A time as the absolute view shows it (a relative "5 minutes ago" changes as the clock runs). */
const shownTime = (at: number | undefined) => (at === undefined ? undefined : formatTime(at, at, 'absolute'));

/** Times, counts and codes hold only these: other needles skip formatting them (100k rows per key). */
const NUMERIC = /^[\d :.,✓✗↻⊘-]+$/;

/**
 * Every column of the list (status, id, name, type, instance counts, created, schedule,
 * repeats), the command id, and the instances it ran on: `/i-bp1` (or `/web-03`, its name) finds
 * the runs on that instance.
 */
export function invocationMatches(inv: Invocation, needle: string, fleet?: FleetState): boolean {
  return (
    has(inv.invokeId, needle) ||
    has(inv.commandName, needle) ||
    has(inv.commandId, needle) ||
    has(inv.commandType, needle) ||
    has(inv.invocationStatus, needle) ||
    has(inv.frequency, needle) ||
    inv.instances.some((i) => has(i.instanceId, needle)) ||
    (fleet !== undefined && fleet.names.size > 0 && inv.instances.some((i) => namedAs(fleet, i.instanceId, needle))) ||
    (NUMERIC.test(needle) &&
      (has(shownTime(inv.creationTime), needle) ||
        has(instanceCountsLabel(instanceCounts(inv)), needle) ||
        has(inv.instances.reduce((m, i) => Math.max(m, i.repeats), 0), needle)))
  );
}

/** Its name, hostname, IPs or a tag value holds `needle`. */
function namedAs(fleet: FleetState, instanceId: string, needle: string): boolean {
  return instanceSearchText(fleet, instanceId).some((w) => has(w, needle));
}

/**
 * Every column of the instance table: id, name, IP, status, exit code, error with its meaning,
 * times, repeats, dropped bytes; and the instance's hostname and tag values.
 */
export function instanceMatches(inst: InstanceResult, needle: string, fleet?: FleetState): boolean {
  return (
    has(inst.instanceId, needle) ||
    (fleet !== undefined && namedAs(fleet, inst.instanceId, needle)) ||
    has(inst.invocationStatus, needle) ||
    has(inst.exitCode, needle) ||
    has(describeError(inst), needle) ||
    (NUMERIC.test(needle) &&
      (has(shownTime(inst.startTime), needle) ||
        has(shownTime(inst.finishTime ?? inst.stopTime), needle) ||
        has(inst.repeats, needle) ||
        (inst.dropped > 0 && has(formatCount(inst.dropped), needle))))
  );
}

/** InvokeIds in display order that pass both filters; the order array itself when none apply. */
export function filterInvocationIds(
  order: readonly string[],
  invocations: { get(invokeId: string): Invocation | undefined },
  status: StatusFilter,
  text: string,
  fleet?: FleetState,
): readonly string[] {
  const needle = text.trim().toLowerCase();
  if (status === 'all' && needle === '') return order;
  const out: string[] = [];
  for (const id of order) {
    const inv = invocations.get(id);
    if (!inv) continue;
    if (!invocationInFilter(inv.invocationStatus, status)) continue;
    if (needle && !invocationMatches(inv, needle, fleet)) continue;
    out.push(id);
  }
  return out;
}

export function filterInstances(
  instances: readonly InstanceResult[],
  status: StatusFilter,
  text: string,
  fleet?: FleetState,
): InstanceResult[] {
  const needle = text.trim().toLowerCase();
  return instances.filter((i) => instanceInFilter(i.invocationStatus, status) && (!needle || instanceMatches(i, needle, fleet)));
}

/** "3✓ 1✗ 2↻ 1⊘": succeeded, failed, in progress, stopped; readable without colour (an ellipsis would read as cut text). */
export function instanceCountsLabel(counts: Partial<Record<InstanceStatus, number>>): string {
  const { success: ok, failed, active, stopped, unknown } = familyCounts(counts);
  const parts: string[] = [];
  if (ok) parts.push(`${ok}✓`);
  if (failed) parts.push(`${failed}✗`);
  if (active) parts.push(`${active}↻`);
  if (stopped) parts.push(`${stopped}⊘`);
  if (unknown) parts.push(`${unknown}?`);
  return parts.join(' ') || '-';
}
