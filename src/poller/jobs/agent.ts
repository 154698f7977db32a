// Agent state: DescribeCloudAssistantStatus for the instances on screen whose run failed for want
// of a working agent (agent demands), 50 ids a call, again after a minute.
import { MAX_AGENT_IDS, type AgentInfo } from '../../api/instances.js';
import { agentsToFetch, withAgents } from '../../store/names.js';
import { lookupJob } from './lookup.js';

export const agentJob = lookupJob<AgentInfo>({
  key: 'agent',
  kind: 'agent',
  batch: MAX_AGENT_IDS,
  action: 'DescribeCloudAssistantStatus',
  what: 'agent states',
  call: (api) => api.describeCloudAssistantStatus && (async (ids) => (await api.describeCloudAssistantStatus!(ids)).agents),
  toFetch: agentsToFetch,
  merge: (fleet, r, at) => ({ ...withAgents(fleet, r, at), ...(r.refused ? { agentsUnavailable: r.refused } : {}) }),
});
