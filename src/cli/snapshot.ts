// --once and --json: the invocations matching the filters, newest first, paged through up to
// --history of them (0: the first page only), printed as a table or as JSON lines. A note on
// stderr says when raising --history would show more, or when the endpoint's paging looked wrong
// (a page of nothing new): what was read is printed either way and the exit code is 0.
import type { InstancesApi } from '../api/instances.js';
import type { Invocation, InvocationsApi, InvocationPage } from '../api/model.js';
import type { InvocationFilters } from '../config/args.js';
import { EXIT } from '../config/errors.js';
import { newestFirst } from '../api/status.js';
import { invocationTable, jsonLine } from './format.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { lookupNames, withInstanceNames } from './names.js';
import { withRetry } from './retry.js';

export interface SnapshotOptions {
  filters: InvocationFilters;
  pageSize: number;
  /** How many invocations to read at most (--history); 0 reads the first page only. */
  limit: number;
  /** Calls a second at most (--max-rps) when more than one page is read. */
  maxRps: number;
  includeOutput: boolean;
  format: 'table' | 'json';
  /** With --json: add the instances' names (DescribeInstances); false with --no-names. */
  names?: boolean;
}

/** Few attempts: a script waits seconds, not minutes, for a snapshot. */
const SNAPSHOT_RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };

/** No run reads more pages than this, whatever the endpoint says: 100,000 invocations at 50 a page. */
export const HARD_PAGE_CAP = 2_000;

export interface Snapshot {
  /** What to print: newest first, at most --history (or the first page). */
  invocations: Invocation[];
  /** TotalCount the API reported for the filters. */
  totalCount?: number;
  /** Distinct invocations the API returned (before the local status filter). */
  read: number;
  /** Raising --history would show more than was printed. */
  more: boolean;
  /** The page cap ended the run with more to read. */
  capped: boolean;
  /** Set when the endpoint's paging looked wrong: which page brought nothing new. */
  badPage?: number;
}

function fetchPage(api: InvocationsApi, o: SnapshotOptions, pageNumber: number, timing: Timing, output: Output): Promise<InvocationPage> {
  const { localStatus: _local, ...filters } = o.filters;
  return withRetry(
    () =>
      api.describeInvocations({
        ...filters,
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
 * Pages 1, 2, ... until the listing ends (a short page, the TotalCount), --history invocations
 * are read, a page brings nothing new (an endpoint that ignores PageNumber or lies about
 * TotalCount), or the page cap: enough pages for --history plus one, since an invocation that
 * arrives on top while we read pushes one row onto the next page (it is kept once).
 */
export async function fetchSnapshot(api: InvocationsApi, o: SnapshotOptions, timing: Timing, output: Output): Promise<Snapshot> {
  const byId = new Map<string, Invocation>();
  const gapMs = o.maxRps > 0 ? 1000 / o.maxRps : 0;
  const wanted = o.limit > 0 ? o.limit : o.pageSize;
  const pageCap = Math.min(HARD_PAGE_CAP, o.limit > 0 ? Math.ceil(wanted / o.pageSize) + 1 : 1);
  let totalCount: number | undefined;
  let ended = false;
  let badPage: number | undefined;
  let pageNumber = 1;
  for (; ; pageNumber++) {
    if (pageNumber > 1 && gapMs > 0) await timing.sleep(gapMs);
    const page = await fetchPage(api, o, pageNumber, timing, output);
    totalCount = page.totalCount ?? totalCount;
    let fresh = 0;
    for (const inv of page.invocations) {
      if (byId.has(inv.invokeId)) continue;
      byId.set(inv.invokeId, inv);
      fresh++;
    }
    if (page.invocations.length < o.pageSize || (totalCount !== undefined && pageNumber * o.pageSize >= totalCount)) {
      ended = true;
      break;
    }
    if (fresh === 0) {
      badPage = pageNumber;
      break;
    }
    if (byId.size >= wanted || pageNumber >= pageCap) break;
  }
  const local = o.filters.localStatus;
  const sorted = [...byId.values()].sort(newestFirst);
  const matching = local ? sorted.filter((i) => i.invocationStatus === local) : sorted;
  const invocations = matching.slice(0, wanted);
  const unread = !ended && badPage === undefined;
  return {
    invocations,
    totalCount,
    read: byId.size,
    more: matching.length > invocations.length || unread,
    capped: unread && pageNumber >= HARD_PAGE_CAP && byId.size < wanted,
    badPage,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The stderr note after the rows, or undefined when what was printed is all there is. */
export function snapshotNote(s: Snapshot, o: SnapshotOptions): string | undefined {
  if (s.badPage !== undefined) {
    const total = s.totalCount !== undefined ? ` (TotalCount ${count(s.totalCount)})` : ' (no TotalCount)';
    return `the endpoint's paging looked wrong: page ${s.badPage} brought no invocation the earlier pages had not${total}; printed the ${count(s.read)} read`;
  }
  if (s.capped) return `stopped after ${count(HARD_PAGE_CAP)} pages, the most one run reads; raise --page-size to read more`;
  if (!s.more) return undefined;
  const local = o.filters.localStatus;
  if (local) {
    return `showing ${count(s.invocations.length)} ${local} among the newest ${count(s.read)} ${o.filters.invokeStatus} invocations read; raise --history to read more (max 100000)`;
  }
  const of = s.totalCount !== undefined && s.totalCount > s.invocations.length ? ` of ${count(s.totalCount)}` : '';
  return `showing the newest ${count(s.invocations.length)}${of} invocations; narrow with filters or raise --history (max 100000)`;
}

export async function runSnapshot(
  api: InvocationsApi & Partial<InstancesApi>,
  o: SnapshotOptions,
  timing: Timing,
  output: Output,
): Promise<number> {
  let snapshot: Snapshot;
  try {
    snapshot = await fetchSnapshot(api, o, timing, output);
  } catch (err) {
    output.err(errorLine(err));
    return exitCodeFor(err);
  }
  const { invocations } = snapshot;
  if (o.format === 'json') {
    const ids = o.names === false ? [] : invocations.flatMap((i) => i.instances.map((x) => x.instanceId));
    const names = await lookupNames(api, ids, { maxRps: o.maxRps, retry: SNAPSHOT_RETRY }, timing, output);
    output.out(invocations.map((i) => jsonLine(withInstanceNames(i, names))).join(''));
  } else if (invocations.length === 0) {
    const local = o.filters.localStatus;
    output.err(
      local && snapshot.read > 0
        ? `no invocation is ${local} among the ${count(snapshot.read)} read (DescribeInvocations InvokeStatus=${o.filters.invokeStatus})`
        : 'no invocations match (DescribeInvocations returned none)',
    );
  } else {
    output.out(invocationTable(invocations));
  }
  const note = snapshotNote(snapshot, o);
  if (note) output.err(note);
  return EXIT.ok;
}
