// Pure pieces of the store: how an incoming invocation compares to the one we hold, and how
// the newest-first order absorbs new ids without re-sorting 100,000 entries every tick.
import type { InstanceResult, Invocation } from '../api/model.js';
import { newestFirst } from '../api/status.js';

/** True when `a` and `b` hold the same value (===) in each of `keys`. */
export function sameFields<T>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** The fields that can change on an instance between polls (output lives in the LRU, not here). */
const INSTANCE_FIELDS: readonly (keyof InstanceResult)[] = [
  'instanceId',
  'invocationStatus',
  'statusValue',
  'instanceInvokeStatus',
  'exitCode',
  'errorCode',
  'errorInfo',
  'dropped',
  'repeats',
  'updateTime',
  'startTime',
  'finishTime',
  'stopTime',
];

/** The scalar fields of an invocation that can change between polls. */
const INVOCATION_FIELDS: readonly (keyof Invocation)[] = [
  'invocationStatus',
  'statusValue',
  'invokeStatus',
  'creationTime',
  'commandName',
  'frequency',
  'timed',
];

/**
 * True when `next` carries nothing new over `prev`. Cheap: a few scalar fields and the
 * instances' status fields; command content and parameters do not change after creation.
 */
export function sameInvocation(prev: Invocation, next: Invocation): boolean {
  if (!sameFields(prev, next, INVOCATION_FIELDS) || prev.instances.length !== next.instances.length) {
    return false;
  }
  for (let i = 0; i < prev.instances.length; i++) {
    if (!sameFields(prev.instances[i], next.instances[i], INSTANCE_FIELDS)) return false;
  }
  return true;
}

// Entities arrive from api/normalize with own (never sliced) and shared strings, so the store keeps
// them as they are: copying here would undo the sharing (one copy per distinct value).
export { ownString } from '../api/intern.js';

/** The instance without its output (that goes to the output LRU so list data stays small). */
function withoutOutput(i: InstanceResult): InstanceResult {
  if (!('output' in i)) return i;
  const { output: _output, ...rest } = i;
  return rest;
}

/**
 * What the store keeps of an incoming entity: the entity itself, or a copy without outputs when an
 * instance carries one (listings do not ask for output, so that copy is rare).
 */
export function detached(inv: Invocation): Invocation {
  if (!inv.instances.some((i) => 'output' in i)) return inv;
  return { ...inv, instances: inv.instances.map(withoutOutput) };
}

/** Replace (or add) one instance inside an invocation, keeping the others. */
export function withInstance(inv: Invocation, instance: InstanceResult): Invocation {
  const stripped = withoutOutput(instance);
  const at = inv.instances.findIndex((i) => i.instanceId === instance.instanceId);
  if (at >= 0 && sameFields(inv.instances[at], stripped, INSTANCE_FIELDS)) return inv;
  const instances = at >= 0 ? inv.instances.map((i, n) => (n === at ? stripped : i)) : [...inv.instances, stripped];
  return { ...inv, instances };
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
  const fresh = [...added].sort((a, b) => newestFirst(get(a), get(b)));
  const out = new Array<string>(order.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < order.length && j < fresh.length) {
    if (newestFirst(get(fresh[j]), get(order[i])) < 0) out[k++] = fresh[j++];
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
