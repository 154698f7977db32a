// --once and --json: one DescribeInvocations call (page 1 of the filters, --page-size rows),
// printed as a table or as JSON lines. More rows than one page -> a note on stderr saying so.
import type { InvocationsApi, InvocationPage } from '../api/model.js';
import type { InvocationFilters } from '../config/args.js';
import { EXIT } from '../config/errors.js';
import { byCreationDesc, invocationTable, jsonLine } from './format.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { withRetry } from './retry.js';

export interface SnapshotOptions {
  filters: InvocationFilters;
  pageSize: number;
  includeOutput: boolean;
  format: 'table' | 'json';
}

/** Few attempts: a script waits seconds, not minutes, for a snapshot. */
const SNAPSHOT_RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };

export async function fetchSnapshot(api: InvocationsApi, o: SnapshotOptions, timing: Timing, output: Output): Promise<InvocationPage> {
  return withRetry(
    () =>
      api.describeInvocations({
        ...o.filters,
        pageNumber: 1,
        pageSize: o.pageSize,
        ...(o.includeOutput ? { includeOutput: true } : {}),
      }),
    SNAPSHOT_RETRY,
    timing,
    output,
  );
}

export async function runSnapshot(api: InvocationsApi, o: SnapshotOptions, timing: Timing, output: Output): Promise<number> {
  let page: InvocationPage;
  try {
    page = await fetchSnapshot(api, o, timing, output);
  } catch (err) {
    output.err(errorLine(err));
    return exitCodeFor(err);
  }
  const invocations = [...page.invocations].sort(byCreationDesc);
  if (o.format === 'json') {
    output.out(invocations.map(jsonLine).join(''));
  } else if (invocations.length === 0) {
    output.err('no invocations match (DescribeInvocations returned none)');
  } else {
    output.out(invocationTable(invocations));
  }
  if (page.totalCount !== undefined && page.totalCount > invocations.length) {
    output.err(`showing ${invocations.length} of ${page.totalCount} invocations (page 1); narrow with filters or raise --page-size (max 50)`);
  }
  return EXIT.ok;
}
