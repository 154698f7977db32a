// Plain-text renderings for the non-interactive modes: the --once table, --wait progress lines,
// and JSON lines. Every network string passes through src/text before it is printed.
import type { InstanceResult, Invocation } from '../api/model.js';
import { isoTime } from '../clock.js';
import { familyCounts, newestFirst, statusCounts, statusLabel } from '../api/status.js';
import { INSTANCE_STATUSES } from '../api/wire.js';
import { displayWidth, fitToWidth, sanitizeInline } from '../text/index.js';

/** `2026-11-28T01:23:45Z` (UTC, unambiguous in CI logs), `-` for none. */
export const timeCell = (ms: number | undefined): string => isoTime(ms) ?? '-';

export interface InstanceCounts {
  total: number;
  success: number;
  failed: number;
  active: number;
  stopped: number;
}

export function instanceCounts(instances: readonly InstanceResult[]): InstanceCounts {
  const { success, failed, active, stopped } = familyCounts(statusCounts(instances, (i) => i.invocationStatus));
  return { total: instances.length, success, failed, active, stopped };
}

const COMMAND_WIDTH = 40;

/** An aligned table, one row per invocation, widths measured in terminal cells (with `regionOf`: a REGION column first). */
export function invocationTable(invocations: readonly Invocation[], regionOf?: (inv: Invocation) => string): string {
  const header = ['STATUS', 'INVOKE ID', 'COMMAND', 'INSTANCES', 'OK', 'FAILED', 'ACTIVE', 'STOPPED', 'CREATED'];
  const right = [false, false, false, true, true, true, true, true, false];
  if (regionOf) {
    header.unshift('REGION');
    right.unshift(false);
  }
  const rows = [...invocations].sort(newestFirst).map((inv) => {
    const c = instanceCounts(inv.instances);
    const name = sanitizeInline(inv.commandName ?? inv.commandId ?? '') || '-';
    return [
      ...(regionOf ? [sanitizeInline(regionOf(inv))] : []),
      statusLabel(inv.invocationStatus, inv.statusValue),
      sanitizeInline(inv.invokeId),
      displayWidth(name) > COMMAND_WIDTH ? fitToWidth(name, COMMAND_WIDTH) : name,
      String(c.total),
      String(c.success),
      String(c.failed),
      String(c.active),
      String(c.stopped),
      timeCell(inv.creationTime),
    ];
  });
  const widths = header.map((h, col) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[col]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => fitToWidth(cell, widths[col], right[col] ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `5 instances: 2 Success, 1 Failed, 2 Running` in the API's status order. */
export function statusBreakdown(instances: readonly InstanceResult[]): string {
  const counts = new Map<string, number>();
  for (const i of instances) counts.set(i.invocationStatus, (counts.get(i.invocationStatus) ?? 0) + 1);
  const parts = INSTANCE_STATUSES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  const n = instances.length;
  return `${n} instance${n === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** One line per instance that did not succeed: status, error code, exit code, readable error. */
export function instanceProblem(i: InstanceResult): string {
  const bits: string[] = [statusLabel(i.invocationStatus, i.statusValue)];
  if (i.errorCode) bits.push(sanitizeInline(i.errorCode));
  if (i.exitCode !== null) bits.push(`exit code ${i.exitCode}`);
  const info = i.errorInfo ? `: ${sanitizeInline(i.errorInfo)}` : '';
  return `${sanitizeInline(i.instanceId)} ${bits.join(', ')}${info}`;
}

// JSON lines live with the other terminal-safe text (src/text/json.ts); the scripts' modes print them.
export { jsonLine } from '../text/json.js';
