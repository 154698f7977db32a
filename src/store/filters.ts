// The API filters checked locally: when the filters change while catop runs (the `:` prompt) the
// list narrows at once to what the new filters would return, before the refetch of page 1.
// The rules are the API's, as the emulator serves them: exact values, InvokeStatus as the legacy
// overall status, InstanceId among the invocation's instances.
import type { Invocation } from '../api/model.js';
import { legacyInvokeStatus } from '../api/status.js';
import type { StoreFilters } from './types.js';

const FILTER_KEYS: readonly (keyof StoreFilters)[] = [
  'invokeId',
  'commandId',
  'commandName',
  'commandType',
  'instanceId',
  'invokeStatus',
  'timed',
  'localStatus',
];

/** Would these filters return `inv` (as far as the fields it holds tell)? */
export function matchesFilters(inv: Invocation, f: StoreFilters): boolean {
  if (f.invokeId !== undefined && inv.invokeId !== f.invokeId) return false;
  if (f.commandId !== undefined && inv.commandId !== f.commandId) return false;
  if (f.commandName !== undefined && inv.commandName !== f.commandName) return false;
  if (f.commandType !== undefined && inv.commandType !== f.commandType) return false;
  if (f.timed !== undefined && inv.timed !== f.timed) return false;
  if (f.invokeStatus !== undefined && legacyInvokeStatus(inv.invocationStatus) !== f.invokeStatus) return false;
  if (f.localStatus !== undefined && inv.invocationStatus !== f.localStatus) return false;
  if (f.instanceId !== undefined && !inv.instances.some((i) => i.instanceId === f.instanceId)) return false;
  return true;
}

/** The same filters (undefined fields and missing ones alike). */
export function sameFilters(a: StoreFilters, b: StoreFilters): boolean {
  return FILTER_KEYS.every((k) => a[k] === b[k]);
}

/** Only the filter fields that are set (a patch's `undefined` removes one). */
export function definedFilters(f: StoreFilters): StoreFilters {
  return Object.fromEntries(FILTER_KEYS.filter((k) => f[k] !== undefined).map((k) => [k, f[k]])) as StoreFilters;
}
