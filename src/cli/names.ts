// --json with names: DescribeInstances for the instances printed, 100 ids a call, paced by
// --max-rps after the listing's own calls. A refusal (no ecs:DescribeInstances) costs nothing but
// a note on stderr: the invocations print as they are.
import { ApiError, isAuthError } from '../api/errors.js';
import { MAX_INSTANCE_IDS, type InstanceInfo, type InstancesApi } from '../api/instances.js';
import type { Invocation } from '../api/model.js';
import { errorLine, type Output, type Timing } from './io.js';
import { withRetry, type RetryPolicy } from './retry.js';

/** The names of `ids`, as far as the service tells them (released ones are absent). */
export async function lookupNames(
  api: Partial<InstancesApi>,
  ids: Iterable<string>,
  o: { maxRps: number; retry: RetryPolicy },
  timing: Timing,
  output: Output,
): Promise<Map<string, InstanceInfo>> {
  const names = new Map<string, InstanceInfo>();
  const all = [...new Set(ids)];
  if (!api.describeInstances || all.length === 0) return names;
  const gapMs = o.maxRps > 0 ? 1000 / o.maxRps : 0;
  for (let at = 0; at < all.length; at += MAX_INSTANCE_IDS) {
    if (gapMs > 0) await timing.sleep(gapMs);
    const batch = all.slice(at, at + MAX_INSTANCE_IDS);
    try {
      const page = await withRetry(() => api.describeInstances!(batch), o.retry, timing, output);
      for (const info of page.instances) names.set(info.instanceId, info);
    } catch (err) {
      const refused = err instanceof ApiError && (isAuthError(err) || err.httpStatus === 403);
      output.err(`instance names unavailable${refused ? ' (allow ecs:DescribeInstances or pass --no-names)' : ''}: ${errorLine(err)}`);
      break;
    }
  }
  return names;
}

/** The invocation with `instanceName`, `hostName` and `privateIp` on each instance whose names are known. */
export function withInstanceNames(inv: Invocation, names: ReadonlyMap<string, InstanceInfo>): Invocation {
  if (names.size === 0) return inv;
  return {
    ...inv,
    instances: inv.instances.map((i) => {
      const n = names.get(i.instanceId);
      if (!n) return i;
      const extra: Record<string, string> = {};
      if (n.instanceName !== undefined) extra.instanceName = n.instanceName;
      if (n.hostName !== undefined) extra.hostName = n.hostName;
      if (n.privateIp !== undefined) extra.privateIp = n.privateIp;
      return { ...i, ...extra };
    }),
  };
}
