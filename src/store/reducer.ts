// Pure pieces of the store: how an incoming invocation compares to the one we hold, and how
// the newest-first order absorbs new ids without re-sorting 100,000 entries every tick.
import type { InstanceResult, Invocation } from '../api/model.js';

/** The fields that can change on an instance between polls (output lives in the LRU, not here). */
function sameInstance(a: InstanceResult, b: InstanceResult): boolean {
  return (
    a.instanceId === b.instanceId &&
    a.invocationStatus === b.invocationStatus &&
    a.instanceInvokeStatus === b.instanceInvokeStatus &&
    a.exitCode === b.exitCode &&
    a.errorCode === b.errorCode &&
    a.errorInfo === b.errorInfo &&
    a.dropped === b.dropped &&
    a.repeats === b.repeats &&
    a.updateTime === b.updateTime &&
    a.startTime === b.startTime &&
    a.finishTime === b.finishTime &&
    a.stopTime === b.stopTime
  );
}

/**
 * True when `next` carries nothing new over `prev`. Cheap: a few scalar fields and the
 * instances' status fields; command content and parameters do not change after creation.
 */
export function sameInvocation(prev: Invocation, next: Invocation): boolean {
  if (
    prev.invocationStatus !== next.invocationStatus ||
    prev.invokeStatus !== next.invokeStatus ||
    prev.creationTime !== next.creationTime ||
    prev.commandName !== next.commandName ||
    prev.frequency !== next.frequency ||
    prev.timed !== next.timed ||
    prev.instances.length !== next.instances.length
  ) {
    return false;
  }
  for (let i = 0; i < prev.instances.length; i++) {
    if (!sameInstance(prev.instances[i], next.instances[i])) return false;
  }
  return true;
}

/**
 * A copy of `text` that owns its characters. Strings cut from a parsed response are V8 "sliced
 * strings" that keep the whole response body alive (measured in the soak: every stored entity
 * pinned its ~40 KB listing, 10 MB an hour). Concatenation flattens into a new string first, so
 * the slice points at that copy instead of the response.
 */
export function ownString(text: string): string {
  return (' ' + text).slice(1);
}

function ownFields<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' ? ownString(v) : v;
  return out as T;
}

/**
 * What the store keeps of an incoming entity: its own copies of every string, and no output
 * (that goes to the output LRU so list data stays small).
 */
export function detached(inv: Invocation): Invocation {
  const own = ownFields(inv);
  if (inv.tags) own.tags = Object.fromEntries(Object.entries(inv.tags).map(([k, v]) => [ownString(k), ownString(v)]));
  own.instances = inv.instances.map((i) => {
    const copy = ownFields(i);
    copy.output = undefined;
    return copy;
  });
  return own;
}

/** Replace (or add) one instance inside an invocation, keeping the others. */
export function withInstance(inv: Invocation, instance: InstanceResult): Invocation {
  const stripped = { ...ownFields(instance), output: undefined };
  const at = inv.instances.findIndex((i) => i.instanceId === instance.instanceId);
  if (at >= 0 && sameInstance(inv.instances[at], stripped)) return inv;
  const instances = at >= 0 ? inv.instances.map((i, n) => (n === at ? stripped : i)) : [...inv.instances, stripped];
  return { ...inv, instances };
}

/** Sort key: newest CreationTime first; ties by InvokeId so the order is total and stable. */
export function newerFirst(a: Invocation, b: Invocation): number {
  const d = (b.creationTime ?? 0) - (a.creationTime ?? 0);
  if (d !== 0) return d;
  return a.invokeId < b.invokeId ? -1 : a.invokeId > b.invokeId ? 1 : 0;
}

/**
 * Merge `added` (unsorted, not yet in `order`) into the sorted `order`: sort the few new ids,
 * then one linear merge. O(n + k log k) instead of re-sorting n + k.
 */
export function mergeOrder(
  order: readonly string[],
  added: readonly string[],
  get: (invokeId: string) => Invocation,
): string[] {
  const fresh = [...added].sort((a, b) => newerFirst(get(a), get(b)));
  const out = new Array<string>(order.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < order.length && j < fresh.length) {
    if (newerFirst(get(fresh[j]), get(order[i])) < 0) out[k++] = fresh[j++];
    else out[k++] = order[i++];
  }
  while (i < order.length) out[k++] = order[i++];
  while (j < fresh.length) out[k++] = fresh[j++];
  return out;
}

/** Rough in-memory size of an output entry: UTF-16 text plus the keys. */
export function outputBytes(text: string, invokeId: string, instanceId: string): number {
  return 2 * (text.length + invokeId.length + instanceId.length) + 64;
}

/** Key of the output LRU and of the `outputs` map. */
export function outputKey(invokeId: string, instanceId: string): string {
  return `${invokeId}/${instanceId}`;
}
