// The invocation's results line: how its instances ended, `exit 0 ×972 · exit 1 ×21 ·
// ClientNotRunning ×5`, most common first, cut to the width with `+N more`.
import type { InstanceResult } from '../api/model.js';
import { statusLabel } from '../api/status.js';
import { displayWidth, sanitizeInline } from '../text/index.js';
import { formatCount } from './format.js';

export interface ResultCount {
  label: string;
  count: number;
}

/**
 * What an instance's result is called: its error code, else the exit code of one that ran to its
 * end (Success, Failed; ExitCodeNonzero says no more than the code), else its status (Running,
 * Stopped, Timeout, …).
 */
function resultLabel(i: InstanceResult): string {
  if (i.errorCode && i.errorCode !== 'ExitCodeNonzero') return i.errorCode;
  if (i.exitCode !== null && (i.invocationStatus === 'Success' || i.invocationStatus === 'Failed')) return `exit ${i.exitCode}`;
  return statusLabel(i.invocationStatus, i.statusValue);
}

/** One pass over the instances; the most common first, ties in the order first seen. */
export function countResults(instances: readonly InstanceResult[]): ResultCount[] {
  const counts = new Map<string, number>();
  for (const i of instances) {
    const label = resultLabel(i);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

const SEP = ' · ';

/** The counts in at most `width` cells: as many as fit, then `+N more` for the rest. */
export function resultsText(counts: readonly ResultCount[], width: number): string {
  // Error codes and unknown statuses are the service's text.
  const parts = counts.map((c) => `${sanitizeInline(c.label)} ×${formatCount(c.count)}`);
  const all = parts.join(SEP);
  if (displayWidth(all) <= width) return all;
  // Widths of the first k parts joined, for k = 0..n.
  const upTo = [0];
  for (const p of parts) upTo.push(upTo[upTo.length - 1] + (upTo.length > 1 ? SEP.length : 0) + displayWidth(p));
  for (let k = parts.length - 1; k > 0; k--) {
    const more = `+${parts.length - k} more`;
    if (upTo[k] + SEP.length + more.length <= width) return parts.slice(0, k).join(SEP) + SEP + more;
  }
  return `+${parts.length} more`;
}
