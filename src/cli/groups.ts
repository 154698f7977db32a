// --groups: one invocation's instances grouped by result (status, exit code, error code, output
// fingerprint), worst first, as a table or one JSON line per group. The outputs are read with
// DescribeInvocationResults by InvokeId, 50 a call, at most --max-rps calls a second; for an
// invocation still running the groups are those of what is known now (`"final": false`).
import type { InstanceInfo, InstancesApi } from '../api/instances.js';
import type { Invocation, InvocationsApi } from '../api/model.js';
import { isFinalInstance, isFinalInvocation } from '../api/status.js';
import { createGrouper, groupsJsonLines, groupsTable, type Group, type GroupMode, type OwnIdentity } from '../group/index.js';
import { resultsPage } from '../poller/jobs/outputs.js';
import { EXIT } from '../config/errors.js';
import { sanitizeInline } from '../text/index.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { lookupNames } from './names.js';
import { withRetry } from './retry.js';

export interface GroupsOptions {
  invokeId: string;
  mode: GroupMode;
  format: 'table' | 'json';
  maxRps: number;
  /** Table width (the terminal's, else 120). */
  width?: number;
  /** Look up instance names (DescribeInstances) for the JSON and the masks; false with --no-names. */
  names?: boolean;
}

export interface GroupsResult {
  groups: readonly Group[];
  /** The invocation and every instance read were final: the groups will not change. */
  final: boolean;
  /** DescribeInvocationResults calls made. */
  pages: number;
  /** Names of the instances, as far as DescribeInstances told them. */
  names: ReadonlyMap<string, InstanceInfo>;
}

/** The instance's own names and IPs: masked in its fingerprint, so output naming its own host groups. */
function ownOf(info: InstanceInfo | undefined): OwnIdentity | undefined {
  if (!info) return undefined;
  const names = [info.instanceName, info.hostName].filter((w): w is string => !!w);
  const ips = [info.privateIp, info.publicIp].filter((w): w is string => !!w);
  return names.length + ips.length > 0 ? { names, ips } : undefined;
}

const RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };
/** 5,000 instances at 50 a page, and some room: no run reads more, whatever the endpoint says. */
export const GROUPS_PAGE_CAP = 200;

async function invocationOf(api: InvocationsApi, invokeId: string, timing: Timing, output: Output): Promise<Invocation | undefined> {
  const page = await withRetry(() => api.describeInvocations({ invokeId }), RETRY, timing, output);
  return page.invocations.find((i) => i.invokeId === invokeId);
}

export async function fetchGroups(
  api: InvocationsApi & Partial<InstancesApi>,
  o: GroupsOptions,
  timing: Timing,
  output: Output,
): Promise<GroupsResult | undefined> {
  const gapMs = 1000 / Math.max(0.001, o.maxRps);
  const inv = await invocationOf(api, o.invokeId, timing, output);
  if (!inv) return undefined;
  const ids = inv.instances.map((i) => i.instanceId);
  const names = o.names === false ? new Map<string, InstanceInfo>() : await lookupNames(api, ids, { maxRps: o.maxRps, retry: RETRY }, timing, output);
  const grouper = createGrouper(o.mode);
  // Every instance has a group at once; outputs move them into their output's group.
  for (const i of inv.instances) grouper.add(i);
  let rowsFinal = true;
  let token: string | undefined;
  let pages = 0;
  do {
    await timing.sleep(gapMs);
    const page = await withRetry(() => resultsPage(api, o.invokeId, token), RETRY, timing, output);
    pages++;
    for (const r of page.results) {
      grouper.add(r, r.output ?? '', ownOf(names.get(r.instanceId)));
      if (!isFinalInstance(r.invocationStatus)) rowsFinal = false;
    }
    // A repeated token (an endpoint that loops) or an empty page ends the reading.
    token = page.nextToken && page.nextToken !== token && page.results.length > 0 ? page.nextToken : undefined;
  } while (token !== undefined && pages < GROUPS_PAGE_CAP);
  return { groups: grouper.groups(), final: isFinalInvocation(inv.invocationStatus) && rowsFinal && token === undefined, pages, names };
}

export async function runGroups(api: InvocationsApi & Partial<InstancesApi>, o: GroupsOptions, timing: Timing, output: Output): Promise<number> {
  let result: GroupsResult | undefined;
  try {
    result = await fetchGroups(api, o, timing, output);
  } catch (err) {
    output.err(errorLine(err));
    return exitCodeFor(err);
  }
  if (!result) {
    output.err(`no invocation ${sanitizeInline(o.invokeId)} (DescribeInvocations returned none); check --invoke-id and --region`);
    return EXIT.failure;
  }
  output.out(o.format === 'json' ? groupsJsonLines(result.groups, result.final, result.names) : groupsTable(result.groups, o.width));
  if (!result.final && o.format === 'table') output.err('the invocation is still running: these are the groups of what is known now');
  return EXIT.ok;
}
