// The fleet's side of the API: DescribeInstances (names, IPs, tags) and DescribeCloudAssistantStatus
// (the agent's state), typed, validated on the way out and normalised and bounded on the way in,
// like the invocation calls (./normalize.ts).
import { MAX_ID_CHARS, cutText } from './bounds.js';
import { ApiError } from './errors.js';
import { dropUndefined, epochMs, isObj, list, malformed, num, ownedId, requireId, shared, sharedId, tags, text } from './normalize.js';
import { responseStrings } from './intern.js';
import type { WireParams } from './validate.js';

/** DescribeInstances takes at most 100 ids a call (`InstanceIds`, a JSON array). */
export const MAX_INSTANCE_IDS = 100;
/** DescribeCloudAssistantStatus takes at most 50 `InstanceId.N` a call. */
export const MAX_AGENT_IDS = 50;

/** What DescribeInstances says of one instance. */
export interface InstanceInfo {
  instanceId: string;
  instanceName?: string;
  hostName?: string;
  /** The VPC private address, or the classic network's inner one. */
  privateIp?: string;
  /** The public address, or the EIP bound to it. */
  publicIp?: string;
  osType?: string;
  status?: string;
  tags?: Record<string, string>;
}

export interface InstancesPage {
  instances: InstanceInfo[];
  totalCount?: number;
  requestId: string;
}

/** What DescribeCloudAssistantStatus says of one instance's agent. */
export interface AgentInfo {
  instanceId: string;
  /** CloudAssistantStatus: true while the agent runs and reports. */
  running?: boolean;
  /** The status as sent when it is neither true nor false (bounded). */
  statusValue?: string;
  version?: string;
  lastHeartbeat?: number;
  activeTaskCount?: number;
  osType?: string;
}

export interface AgentsPage {
  agents: AgentInfo[];
  requestId: string;
}

/** The calls for instances and their agents (the client implements them; the poller may go without). */
export interface InstancesApi {
  describeInstances(instanceIds: readonly string[]): Promise<InstancesPage>;
  describeCloudAssistantStatus(instanceIds: readonly string[]): Promise<AgentsPage>;
}

function invalid(message: string): ApiError {
  return new ApiError({ code: 'InvalidParameter', kind: 'validation', retryable: false, message });
}

/** 1..max instance ids, each a non-empty string without spaces. */
function idList(name: string, ids: unknown, max: number): string[] {
  if (!Array.isArray(ids)) throw invalid(`${name} must be a list of instance ids`);
  if (ids.length === 0 || ids.length > max) throw invalid(`${name} takes 1 to ${max} instance ids (got ${ids.length})`);
  return ids.map((v, i) => {
    if (typeof v !== 'string' || v.trim() === '' || /\s/.test(v.trim())) throw invalid(`${name}[${i}] must be an instance id such as i-bp1...`);
    return v.trim();
  });
}

/** DescribeInstances by ids: one page that holds them all (the API's default page is 10). */
export function describeInstancesWire(instanceIds: unknown): WireParams {
  const ids = idList('InstanceIds', instanceIds, MAX_INSTANCE_IDS);
  return { InstanceIds: JSON.stringify(ids), PageNumber: '1', PageSize: String(MAX_INSTANCE_IDS) };
}

/** DescribeCloudAssistantStatus by ids: `InstanceId.1..N`. */
export function describeCloudAssistantStatusWire(instanceIds: unknown): WireParams {
  const ids = idList('InstanceId', instanceIds, MAX_AGENT_IDS);
  const out: WireParams = { MaxResults: String(MAX_AGENT_IDS) };
  ids.forEach((id, i) => (out[`InstanceId.${i + 1}`] = id));
  return out;
}

/** An address: short, so cut to an id's bound. */
function ip(v: unknown): string | undefined {
  const s = text(v);
  return s === undefined ? undefined : responseStrings.intern(cutText(s.trim(), MAX_ID_CHARS));
}

/** The first address of `{ IpAddress: [..] }` (or of a bare string, as EipAddress.IpAddress is). */
function firstIp(v: unknown, what: string): string | undefined {
  if (!isObj(v)) return undefined;
  const raw = v.IpAddress;
  if (typeof raw === 'string' || typeof raw === 'number') return ip(raw);
  const items = raw === undefined || raw === null || raw === '' ? undefined : Array.isArray(raw) ? raw : list(raw, `${what}.IpAddress`);
  for (const item of items ?? []) {
    const a = ip(item);
    if (a !== undefined) return a;
  }
  return undefined;
}

function instance(raw: unknown, index: number): InstanceInfo {
  const where = `Instance[${index}]`;
  if (!isObj(raw)) throw malformed(`${where} is not an object`);
  const vpc = isObj(raw.VpcAttributes) ? raw.VpcAttributes.PrivateIpAddress : undefined;
  return dropUndefined<InstanceInfo>({
    instanceId: requireId(raw.InstanceId, 'InstanceId', where, true),
    instanceName: shared(raw.InstanceName),
    hostName: shared(raw.HostName),
    privateIp: firstIp(vpc, 'VpcAttributes.PrivateIpAddress') ?? firstIp(raw.InnerIpAddress, 'InnerIpAddress'),
    publicIp: firstIp(raw.PublicIpAddress, 'PublicIpAddress') ?? firstIp(raw.EipAddress, 'EipAddress'),
    osType: sharedId(raw.OSType),
    status: sharedId(raw.Status),
    tags: tags(raw.Tags),
  });
}

export function normalizeInstancesResponse(raw: unknown): InstancesPage {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  const totalCount = num(raw.TotalCount);
  if (!isObj(raw.Instances)) {
    // Nothing matched may come as an empty string or without the key (XML-to-JSON).
    if (raw.Instances === undefined || raw.Instances === '' || raw.Instances === null) {
      if (totalCount !== undefined && totalCount !== 0) throw malformed('no Instances in the DescribeInstances response');
      return dropUndefined<InstancesPage>({ instances: [], totalCount, requestId: ownedId(raw.RequestId) ?? '' });
    }
    throw malformed('Instances is not an object');
  }
  const items = list(raw.Instances.Instance, 'Instances.Instance') ?? [];
  return dropUndefined<InstancesPage>({ instances: items.map(instance), totalCount, requestId: ownedId(raw.RequestId) ?? '' });
}

function agentStatus(v: unknown): { running?: boolean; statusValue?: string } {
  const s = text(v);
  if (s === undefined && typeof v !== 'boolean') return {};
  const t = String(v).trim().toLowerCase();
  if (t === 'true') return { running: true };
  if (t === 'false') return { running: false };
  return { statusValue: sharedId(s) };
}

function agent(raw: unknown, index: number): AgentInfo {
  const where = `InstanceCloudAssistantStatus[${index}]`;
  if (!isObj(raw)) throw malformed(`${where} is not an object`);
  return dropUndefined<AgentInfo>({
    instanceId: requireId(raw.InstanceId, 'InstanceId', where, true),
    ...agentStatus(raw.CloudAssistantStatus),
    version: sharedId(raw.CloudAssistantVersion),
    lastHeartbeat: epochMs(raw.LastHeartbeatTime),
    activeTaskCount: num(raw.ActiveTaskCount),
    osType: sharedId(raw.OSType),
  });
}

export function normalizeCloudAssistantStatusResponse(raw: unknown): AgentsPage {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  const set = raw.InstanceCloudAssistantStatusSet;
  if (set === undefined || set === null || set === '') return { agents: [], requestId: ownedId(raw.RequestId) ?? '' };
  if (!isObj(set)) throw malformed('InstanceCloudAssistantStatusSet is not an object');
  const items = list(set.InstanceCloudAssistantStatus, 'InstanceCloudAssistantStatusSet.InstanceCloudAssistantStatus') ?? [];
  return { agents: items.map(agent), requestId: ownedId(raw.RequestId) ?? '' };
}
