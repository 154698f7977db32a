// --once and --json: the invocations matching the filters, newest first, paged through up to
// --history of them (at least one page of --page-size), printed as a table or as JSON lines.
// More in the account than that -> a note on stderr saying how many and what to change.
import type { Invocation, InvocationsApi, InvocationPage } from '../api/model.js';
import type { InvocationFilters } from '../config/args.js';
import { EXIT } from '../config/errors.js';
import { byCreationDesc, invocationTable, jsonLine } from './format.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { withRetry } from './retry.js';

export interface SnapshotOptions {
  filters: InvocationFilters;
  pageSize: number;
  /** How many invocations to page through at most (--history); page 1 is always read. */
  limit: number;
  /** Calls a second at most (--max-rps) when more than one page is read. */
  maxRps: number;
  includeOutput: boolean;
  format: 'table' | 'json';
}

/** Few attempts: a script waits seconds, not minutes, for a snapshot. */
const SNAPSHOT_RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };

export interface Snapshot {
  invocations: Invocation[];
  /** TotalCount the API reported for the filters. */
  totalCount?: number;
}

function fetchPage(api: InvocationsApi, o: SnapshotOptions, pageNumber: number, timing: Timing, output: Output): Promise<InvocationPage> {
  return withRetry(
    () =>
      api.describeInvocations({
        ...o.filters,
        pageNumber,
        pageSize: o.pageSize,
        ...(o.includeOutput ? { includeOutput: true } : {}),
      }),
    SNAPSHOT_RETRY,
    timing,
    output,
  );
}

/**
 * Pages 1, 2, ... until `limit` invocations, the TotalCount or a short page. An invocation that
 * moves to the next page while we read (a new one arrived on top) is kept once.
 */
export async function fetchSnapshot(api: InvocationsApi, o: SnapshotOptions, timing: Timing, output: Output): Promise<Snapshot> {
  const byId = new Map<string, Invocation>();
  const gapMs = o.maxRps > 0 ? 1000 / o.maxRps : 0;
  let totalCount: number | undefined;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > 1 && gapMs > 0) await timing.sleep(gapMs);
    const page = await fetchPage(api, o, pageNumber, timing, output);
    totalCount = page.totalCount ?? totalCount;
    for (const inv of page.invocations) if (!byId.has(inv.invokeId)) byId.set(inv.invokeId, inv);
    const short = page.invocations.length < o.pageSize;
    const all = totalCount !== undefined && pageNumber * o.pageSize >= totalCount;
    if (short || all || byId.size >= o.limit) break;
  }
  const invocations = [...byId.values()].sort(byCreationDesc).slice(0, Math.max(o.limit, o.pageSize));
  return { invocations, totalCount };
}

export async function runSnapshot(api: InvocationsApi, o: SnapshotOptions, timing: Timing, output: Output): Promise<number> {
  let snapshot: Snapshot;
  try {
    snapshot = await fetchSnapshot(api, o, timing, output);
  } catch (err) {
    output.err(errorLine(err));
    return exitCodeFor(err);
  }
  const { invocations, totalCount } = snapshot;
  if (o.format === 'json') {
    output.out(invocations.map(jsonLine).join(''));
  } else if (invocations.length === 0) {
    output.err('no invocations match (DescribeInvocations returned none)');
  } else {
    output.out(invocationTable(invocations));
  }
  if (totalCount !== undefined && totalCount > invocations.length) {
    output.err(`showing the newest ${invocations.length} of ${totalCount} invocations; narrow with filters or raise --history (max 100000)`);
  }
  return EXIT.ok;
}
