// What a parsed `:` command does to the filters in force, and the values Tab offers, from what
// the store holds. Pure: the prompt hook (hooks/useCommandPrompt.ts) sends the result on.
import type { StoreFilters, StoreState } from '../store/types.js';
import { definedFilters } from '../store/filters.js';
import { describeFilters } from './widgets/Header.js';
import { selectFilters, selectFleet, selectInvocation, selectOrder } from '../store/selectors.js';
import type { CommandResult, KnownValues } from './commandLine.js';

export type CommandEffect =
  | { kind: 'filters'; filters: StoreFilters; message: string }
  | { kind: 'regions'; regions: string[] }
  | { kind: 'error'; message: string };

/** Invocations and names looked at for Tab: the newest, a bounded amount of work per keypress. */
const KNOWN_SCAN = 2000;

/** Ids of instances whose name or hostname is `name`, from the names cache. */
export function instancesNamed(state: StoreState, name: string): string[] {
  const ids: string[] = [];
  for (const n of selectFleet(state).names.values()) if (n.instanceName === name || n.hostName === name) ids.push(n.instanceId);
  return ids;
}

export function commandEffect(result: CommandResult, state: StoreState): CommandEffect {
  const current = selectFilters(state);
  let filters: StoreFilters;
  switch (result.kind) {
    case 'error':
      return result;
    case 'regions':
      return result;
    case 'clear':
      filters = {};
      break;
    case 'filter':
      filters = definedFilters({ ...current, ...result.patch });
      break;
    case 'instanceName': {
      const ids = instancesNamed(state, result.name);
      if (ids.length !== 1) {
        const why = ids.length === 0 ? 'no instance of that name seen yet' : `${ids.length} instances have that name`;
        return { kind: 'error', message: `:instance ${result.name}: ${why}; type its id, :instance i-...` };
      }
      filters = definedFilters({ ...current, instanceId: ids[0] });
      break;
    }
  }
  const text = describeFilters(filters);
  return { kind: 'filters', filters, message: text ? `API filters: ${text}` : 'API filters cleared: every invocation' };
}

/** Command names, command ids and instance ids (and names) seen in the newest invocations. */
export function knownValues(state: StoreState): KnownValues {
  const names = new Set<string>();
  const commandIds = new Set<string>();
  const instanceIds = new Set<string>();
  for (const id of selectOrder(state).slice(0, KNOWN_SCAN)) {
    const inv = selectInvocation(state, id);
    if (!inv) continue;
    if (inv.commandName) names.add(inv.commandName);
    if (inv.commandId) commandIds.add(inv.commandId);
    for (const i of inv.instances) {
      if (instanceIds.size >= KNOWN_SCAN) break;
      instanceIds.add(i.instanceId);
    }
  }
  let seen = 0;
  for (const n of selectFleet(state).names.values()) {
    if (seen++ >= KNOWN_SCAN) break;
    if (n.instanceName) instanceIds.add(n.instanceName);
  }
  return { names: [...names], commandIds: [...commandIds], instanceIds: [...instanceIds] };
}
