// An instance by name: the words the screens put beside its id (name, IP, `(released)`), and its
// Cloud Assistant agent's state with what to do about it. All from the names cache
// (src/store/names.ts); every text here is network text, sanitised where it is drawn.
import type { InstanceResult } from '../api/model.js';
import { instanceIp, instanceLabel, selectAgent, selectNames, type FleetState } from '../store/names.js';
import type { TimeText } from './hooks/useTimeText.js';

/** Error codes that mean the agent, not the command, is the trouble: worth asking for its state. */
export function agentTrouble(inst: InstanceResult): boolean {
  return inst.errorCode !== undefined && inst.errorCode.startsWith('Client');
}

/** The names shown with the columns: off when names are unavailable (refused, --no-names). */
export function namesShown(fleet: FleetState): boolean {
  return fleet.namesUnavailable === undefined;
}

/** `i-bp1… (web-01)` for a breadcrumb or a header; the id alone while no name is known. */
export function idWithName(fleet: FleetState, instanceId: string): string {
  const label = instanceLabel(fleet, instanceId);
  return label ? `${instanceId} (${label})` : instanceId;
}

/** "web-01 · 10.0.4.17 · public 47.1.2.3 · host web-01 · Linux" for the detail line. */
export function namesLine(fleet: FleetState, instanceId: string): string {
  const n = selectNames(fleet, instanceId);
  if (!n) return '';
  if (n.released) return '(released: DescribeInstances no longer returns it)';
  const parts = [instanceLabel(fleet, instanceId), instanceIp(fleet, instanceId)];
  if (n.publicIp && n.publicIp !== parts[1]) parts.push(`public ${n.publicIp}`);
  if (n.hostName && n.hostName !== parts[0]) parts.push(`host ${n.hostName}`);
  if (n.osType) parts.push(n.osType);
  return parts.filter(Boolean).join(' · ');
}

function windows(fleet: FleetState, instanceId: string): boolean {
  const os = selectAgent(fleet, instanceId)?.osType ?? selectNames(fleet, instanceId)?.osType;
  return os !== undefined && os.toLowerCase() === 'windows';
}

/**
 * The agent's state and what to do: "agent stopped (2.2.3.857, last heartbeat 3m ago): start it
 * with `systemctl start aliyun.service`". Empty when nothing is known of it.
 */
export function agentLine(fleet: FleetState, inst: InstanceResult, times: TimeText): string {
  const a = selectAgent(fleet, inst.instanceId);
  if (!a) return agentTrouble(inst) && fleet.agentsUnavailable ? fleet.agentsUnavailable : '';
  if (a.missing) return 'agent: DescribeCloudAssistantStatus knows no agent on it: install Cloud Assistant Agent from the console';
  const facts = [a.version ? `version ${a.version}` : undefined, a.lastHeartbeat !== undefined ? `last heartbeat ${times.time(a.lastHeartbeat)}` : undefined];
  const known = facts.filter(Boolean).join(', ');
  const state = a.running === true ? 'agent running' : a.running === false ? 'agent stopped' : `agent ${a.statusValue ?? 'state unknown'}`;
  const head = known ? `${state} (${known})` : state;
  const win = windows(fleet, inst.instanceId);
  if (inst.errorCode === 'ClientNeedUpgrade' || inst.errorCode === 'ClientIsUpgrading') {
    return `${head}: upgrade the agent from the console${win ? '' : ' or run `aliyun_installer -u` on it'}`;
  }
  if (a.running === false) {
    return `${head}: start it with ${win ? 'the Windows service "AliyunService" (`net start AliyunService`)' : '`systemctl start aliyun.service`'}`;
  }
  return head;
}
