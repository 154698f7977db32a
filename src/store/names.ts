// The names cache: what DescribeInstances said of each instance (name, hostname, IPs, OS, status,
// tags) and what DescribeCloudAssistantStatus said of its agent, kept while catop runs. Entries
// are replaced, never mutated; a new FleetState object whenever anything in it changes.
import type { AgentInfo, InstanceInfo } from '../api/instances.js';

/** Names older than this are asked for again when an instance is on screen. */
export const NAMES_TTL_MS = 10 * 60_000;
/** Agent states older than this are asked for again. */
export const AGENT_TTL_MS = 60_000;
/** Instances remembered (the oldest fetched go first): far beyond a region's fleet. */
export const MAX_NAMED = 100_000;

export interface InstanceNames extends Partial<Omit<InstanceInfo, 'instanceId'>> {
  instanceId: string;
  fetchedAt: number;
  /** DescribeInstances did not return it: released (or in another region). */
  released: boolean;
}

export interface AgentState extends AgentInfo {
  fetchedAt: number;
  /** DescribeCloudAssistantStatus did not return it. */
  missing: boolean;
}

export interface FleetState {
  names: ReadonlyMap<string, InstanceNames>;
  agents: ReadonlyMap<string, AgentState>;
  /** Why names are not looked up (a refusal, or --no-names); set once, for good. */
  namesUnavailable?: string;
  /** Why agent states are not looked up. */
  agentsUnavailable?: string;
}

export const EMPTY_FLEET: FleetState = { names: new Map(), agents: new Map() };

function fresh<T extends { fetchedAt: number }>(m: ReadonlyMap<string, T>, id: string, now: number, ttl: number): boolean {
  const e = m.get(id);
  return e !== undefined && now - e.fetchedAt < ttl;
}

/** Of `ids`, those not known or known for longer than the TTL, each once, in order. */
export function namesToFetch(fleet: FleetState, ids: Iterable<string>, now: number): string[] {
  if (fleet.namesUnavailable) return [];
  const out = new Set<string>();
  for (const id of ids) if (!fresh(fleet.names, id, now, NAMES_TTL_MS)) out.add(id);
  return [...out];
}

/** Of `ids`, those whose agent state is unknown or older than its TTL. */
export function agentsToFetch(fleet: FleetState, ids: Iterable<string>, now: number): string[] {
  if (fleet.agentsUnavailable) return [];
  const out = new Set<string>();
  for (const id of ids) if (!fresh(fleet.agents, id, now, AGENT_TTL_MS)) out.add(id);
  return [...out];
}

function bounded<T>(m: Map<string, T>): Map<string, T> {
  // Map order is insertion order and every write re-inserts: the first keys are the oldest.
  for (const k of m.keys()) {
    if (m.size <= MAX_NAMED) break;
    m.delete(k);
  }
  return m;
}

/** What one lookup answered for `asked`: `found` entries; `blank` ones were refused for another reason. */
export interface LookupAnswer<I> {
  asked: readonly string[];
  found: readonly I[];
  blank?: readonly string[];
}

/** `m` with `found` entries, `asked` ones not found as gone and `blank` ones as known empty. */
function merged<I extends { instanceId: string }, E>(
  m: ReadonlyMap<string, E>,
  r: LookupAnswer<I>,
  entry: (id: string, info: I | undefined, gone: boolean) => E,
): Map<string, E> {
  const out = new Map(m);
  // Every write re-inserts, so the Map's order stays oldest first (see `bounded`).
  const put = (id: string, e: E) => (out.delete(id), out.set(id, e));
  for (const id of r.blank ?? []) put(id, entry(id, undefined, false));
  const seen = new Set<string>();
  for (const info of r.found) {
    seen.add(info.instanceId);
    put(info.instanceId, entry(info.instanceId, info, false));
  }
  for (const id of r.asked) if (!seen.has(id)) put(id, entry(id, undefined, true));
  return bounded(out);
}

/**
 * The cache after DescribeInstances answered: the ones it did not return are released; `blank`
 * ones are known to have nothing until the TTL.
 */
export const withNames = (fleet: FleetState, r: LookupAnswer<InstanceInfo>, at: number): FleetState => ({
  ...fleet,
  names: merged(fleet.names, r, (instanceId, info, gone): InstanceNames => ({ ...info, instanceId, fetchedAt: at, released: gone })),
});

/** The cache after DescribeCloudAssistantStatus answered. */
export const withAgents = (fleet: FleetState, r: LookupAnswer<AgentInfo>, at: number): FleetState => ({
  ...fleet,
  agents: merged(fleet.agents, r, (instanceId, info, gone): AgentState => ({ ...info, instanceId, fetchedAt: at, missing: gone })),
});

// ---- reads ---------------------------------------------------------------------------------

/** What is known of an instance's names (released ones included). */
export function selectNames(fleet: FleetState, instanceId: string): InstanceNames | undefined {
  return fleet.names.get(instanceId);
}

export function selectAgent(fleet: FleetState, instanceId: string): AgentState | undefined {
  return fleet.agents.get(instanceId);
}

/** The name to show beside an id: its InstanceName, else its HostName, `(released)`, or nothing yet. */
export function instanceLabel(fleet: FleetState, instanceId: string): string | undefined {
  const n = fleet.names.get(instanceId);
  if (!n) return undefined;
  if (n.released) return '(released)';
  return n.instanceName ?? n.hostName;
}

/** The address to show: the private IP, else the public one. */
export function instanceIp(fleet: FleetState, instanceId: string): string | undefined {
  const n = fleet.names.get(instanceId);
  return n?.privateIp ?? n?.publicIp;
}

/** The words `/` matches an instance by: name, hostname, IPs and tag values. */
export function instanceSearchText(fleet: FleetState, instanceId: string): string[] {
  const n = fleet.names.get(instanceId);
  if (!n || n.released) return [];
  const words = [n.instanceName, n.hostName, n.privateIp, n.publicIp, ...Object.values(n.tags ?? {})];
  return words.filter((w): w is string => w !== undefined && w !== '');
}
