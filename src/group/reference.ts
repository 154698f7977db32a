// The group others are compared with, by ClusterShell's rule (`clush --diff`): the lowest exit
// code, then the largest group, then the first InstanceId. Only groups with a sample output can
// be compared, so groups still pending (or without an exit code) come after every other.
import { firstInstanceId } from './grouper.js';
import type { Group } from './types.js';

function exitOrder(g: Group): number {
  return g.exitCode ?? Number.POSITIVE_INFINITY;
}

/** -1 when `a` is the better reference. */
export function compareReference(a: Group, b: Group): number {
  const sampleA = a.sample === undefined ? 1 : 0;
  const sampleB = b.sample === undefined ? 1 : 0;
  if (sampleA !== sampleB) return sampleA - sampleB;
  const ea = exitOrder(a);
  const eb = exitOrder(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  const ia = firstInstanceId(a);
  const ib = firstInstanceId(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** The reference group among those with a sample; undefined when none has one yet. */
export function referenceGroup(groups: readonly Group[]): Group | undefined {
  let best: Group | undefined;
  for (const g of groups) if (g.sample !== undefined && (!best || compareReference(g, best) < 0)) best = g;
  return best;
}
