// How much memory the store's invocations take, roughly, and which of them go first when the
// store is over its bounds. An endpoint can send any number of invocations with large unique
// strings (CommandContent of 64 KB each), so a count alone does not bound memory.
import type { InstanceResult, Invocation } from '../api/model.js';
import { ACTIVE_INVOCATION } from '../api/status.js';

/** A fixed cost per object (keys, hidden class, number fields): a guess on the safe side. */
const OBJECT_BYTES = 160;

function stringBytes(o: object): number {
  let n = 0;
  for (const v of Object.values(o)) if (typeof v === 'string') n += 2 * v.length;
  return n;
}

function instanceBytes(i: InstanceResult): number {
  return OBJECT_BYTES + stringBytes(i);
}

/**
 * Estimated bytes of one invocation: its strings as UTF-16 (CommandContent dominates), its
 * instances and tags. Strings shared between invocations are counted for each, so the estimate
 * errs high.
 */
export function invocationBytes(inv: Invocation): number {
  let n = OBJECT_BYTES + stringBytes(inv);
  for (const i of inv.instances) n += instanceBytes(i);
  if (inv.tags) n += OBJECT_BYTES + stringBytes(inv.tags) + 2 * Object.keys(inv.tags).join('').length;
  return n;
}

export interface Budget {
  count: number;
  bytes: number;
  maxCount: number;
  maxBytes: number;
}

export interface Victims {
  ids: Set<string>;
  /** How many of them went because the byte bound was exceeded. */
  forMemory: number;
}

/**
 * The oldest invocations to drop until both bounds hold, walking `order` (newest first) from
 * its end. Never an active one (the poller follows it) nor a protected one (on screen); when
 * only those are left the store stays over its bound rather than lose them.
 */
export function pickVictims(
  order: readonly string[],
  budget: Budget,
  get: (invokeId: string) => Invocation | undefined,
  sizeOf: (invokeId: string) => number,
  isProtected: (invokeId: string) => boolean,
): Victims {
  const ids = new Set<string>();
  let forMemory = 0;
  let { count, bytes } = budget;
  for (let k = order.length - 1; k >= 0 && (count > budget.maxCount || bytes > budget.maxBytes); k--) {
    const id = order[k];
    const inv = get(id);
    if (!inv || ACTIVE_INVOCATION.has(inv.invocationStatus) || isProtected(id)) continue;
    if (bytes > budget.maxBytes) forMemory++;
    ids.add(id);
    count--;
    bytes -= sizeOf(id);
  }
  return { ids, forMemory };
}
