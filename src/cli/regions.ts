// Several regions for the scripts' modes: `--region all` through DescribeRegions, --once and
// --json over every region (merged newest first, each record with its regionId), and --wait
// following the one region that has the InvokeId.
import type { InstancesApi } from '../api/instances.js';
import type { Invocation, InvocationsApi } from '../api/model.js';
import { newestFirst } from '../api/status.js';
import { EXIT, UsageError } from '../config/errors.js';
import { sanitizeInline } from '../text/index.js';
import { invocationTable, jsonLine } from './format.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { lookupNames, withInstanceNames } from './names.js';
import { withRetry } from './retry.js';
import { fetchSnapshot, snapshotNote, type Snapshot, type SnapshotOptions } from './snapshot.js';

type RegionsApi = InvocationsApi & { describeRegions?(): Promise<string[]> };

const LIST_RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };

/** The regions asked for: the list itself, or (`all`) what DescribeRegions says the account has. */
export async function regionList(regions: readonly string[] | 'all', home: RegionsApi, timing: Timing, output: Output): Promise<string[]> {
  if (regions !== 'all') return [...regions];
  const describe = home.describeRegions?.bind(home);
  if (!describe) throw new UsageError('--region all needs DescribeRegions; list the regions instead (--region cn-hangzhou,cn-shanghai)');
  try {
    return await withRetry(describe, LIST_RETRY, timing, output);
  } catch (err) {
    throw new UsageError(`--region all: DescribeRegions in ${sanitizeInline(home.regionId)} failed: ${errorLine(err)}; list the regions instead`);
  }
}

const regionOf = new WeakMap<Invocation, string>();

/** --once / --json over several regions: one failing region is reported on its own line, the others print. */
export async function runSnapshotRegions(
  apis: readonly (InvocationsApi & Partial<InstancesApi>)[],
  o: SnapshotOptions,
  timing: Timing,
  output: Output,
): Promise<number> {
  const results = await Promise.allSettled(apis.map((api) => fetchSnapshot(api, o, timing, output)));
  let exit: number = EXIT.ok;
  const all: Invocation[] = [];
  const byRegion = new Map<string, Invocation[]>();
  results.forEach((r, i) => {
    const region = apis[i].regionId;
    if (r.status === 'rejected') {
      output.err(`${sanitizeInline(region)}: ${errorLine(r.reason)}`);
      exit = exit === EXIT.ok ? exitCodeFor(r.reason) : exit;
      return;
    }
    for (const inv of r.value.invocations) regionOf.set(inv, region);
    all.push(...r.value.invocations);
    byRegion.set(region, r.value.invocations);
  });
  // The newest --history across regions (each region read that many at most).
  const invocations = all.sort(newestFirst).slice(0, o.limit > 0 ? o.limit : o.pageSize);
  if (o.format === 'json') {
    // Names are looked up in each instance's own region.
    const names = new Map<string, Awaited<ReturnType<typeof lookupNames>>>();
    for (const api of apis) {
      const mine = invocations.filter((inv) => regionOf.get(inv) === api.regionId);
      const ids = o.names === false ? [] : mine.flatMap((i) => i.instances.map((x) => x.instanceId));
      names.set(api.regionId, await lookupNames(api, ids, { maxRps: o.maxRps, retry: LIST_RETRY }, timing, output));
    }
    output.out(
      invocations
        .map((inv) => {
          const region = regionOf.get(inv) ?? '';
          return jsonLine({ regionId: region, ...withInstanceNames(inv, names.get(region)!) });
        })
        .join(''),
    );
  } else if (invocations.length > 0) {
    output.out(invocationTable(invocations, (inv) => regionOf.get(inv) ?? ''));
  } else if (exit === EXIT.ok) {
    output.err('no invocations match in any region (DescribeInvocations returned none)');
  }
  for (const [region, list] of byRegion) {
    const r = results[apis.findIndex((a) => a.regionId === region)];
    const note = r.status === 'fulfilled' ? snapshotNote({ ...(r.value as Snapshot), invocations: list }, o) : undefined;
    if (note) output.err(`${sanitizeInline(region)}: ${note}`);
  }
  return exit;
}

/** --wait over several regions: the client of the region that has `invokeId`, or the exit code after one line. */
export async function findInvocationRegion(
  apis: readonly InvocationsApi[],
  invokeId: string,
  timing: Timing,
  output: Output,
): Promise<InvocationsApi | number> {
  const looks = await Promise.allSettled(
    apis.map((api) => withRetry(() => api.describeInvocations({ invokeId, pageNumber: 1, pageSize: 1 }), LIST_RETRY, timing, output)),
  );
  const at = looks.findIndex((l) => l.status === 'fulfilled' && l.value.invocations.some((i) => i.invokeId === invokeId));
  if (at >= 0) return apis[at];
  const id = sanitizeInline(invokeId);
  const failed = looks.findIndex((l) => l.status === 'rejected');
  if (failed >= 0) {
    const reason = (looks[failed] as PromiseRejectedResult).reason;
    output.err(`${id}: not found in the regions that answered, and ${sanitizeInline(apis[failed].regionId)} failed: ${errorLine(reason)}`);
    return exitCodeFor(reason);
  }
  output.err(`no invocation ${id} in regions ${apis.map((a) => sanitizeInline(a.regionId)).join(', ')}; check --invoke-id and --region`);
  return EXIT.failure;
}
