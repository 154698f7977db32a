// --invoke-id ID --runs --json: every past run of a scheduled invocation (DescribeInvocationResults
// with IncludeHistory, 50 a call with NextToken), one JSON line per run per instance, newest
// first, at most --history of them. An invocation that does not repeat is the service's error.
import type { InvocationResultPage, InvocationsApi } from '../api/model.js';
import { EXIT } from '../config/errors.js';
import { toRun, type RunRecord } from '../store/runs.js';
import { jsonLine } from './format.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { withRetry } from './retry.js';

export interface RunsOptions {
  invokeId: string;
  /** Runs to print at most (--history); 0: those of the first page. */
  limit: number;
  maxRps: number;
  includeOutput: boolean;
}

const RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };
/** 100 runs of 100 instances at 50 rows a page: the most one run reads, whatever the endpoint says. */
export const MAX_RUN_PAGES = 200;

export interface RunLine {
  invokeId: string;
  instanceId: string;
  /** ISO 8601 UTC. */
  start?: string;
  finish?: string;
  status: string;
  exitCode: number | null;
  errorCode?: string;
  output?: string;
}

/** Newest first: by start, then the instance id (the same order on every call). */
const newestFirst = (a: RunRecord, b: RunRecord) =>
  (b.startTime ?? -Infinity) - (a.startTime ?? -Infinity) || (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0);

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().replace(/\.000Z$/, 'Z'));

export function runLine(invokeId: string, r: RunRecord, withOutput: boolean): RunLine {
  const line: RunLine = { invokeId, instanceId: r.instanceId, start: iso(r.startTime), finish: iso(r.finishTime), status: r.status, exitCode: r.exitCode };
  if (r.errorCode) line.errorCode = r.errorCode;
  if (withOutput) line.output = r.output ?? '';
  return line;
}

/** Every page to the end (the service orders rows by instance, so the newest of all need all pages). */
export async function fetchRuns(api: InvocationsApi, o: RunsOptions, timing: Timing, output: Output): Promise<{ runs: RunRecord[]; note?: string }> {
  const runs: RunRecord[] = [];
  const gapMs = o.maxRps > 0 ? 1000 / o.maxRps : 0;
  const tokens = new Set<string>();
  let token: string | undefined;
  for (let n = 1; ; n++) {
    if (n > 1 && gapMs > 0) await timing.sleep(gapMs);
    const page: InvocationResultPage = await withRetry(
      () => api.describeInvocationResults({ invokeId: o.invokeId, includeHistory: true, maxResults: 50, nextToken: token }),
      RETRY,
      timing,
      output,
    );
    for (const row of page.results) {
      const run = row.invokeId === o.invokeId ? toRun(row) : undefined;
      if (run) runs.push(run);
    }
    const next = page.nextToken || undefined;
    if (!next || o.limit === 0) return { runs };
    if (tokens.has(next)) return { runs, note: `the endpoint's paging looked wrong: page ${n} repeated a NextToken; printed the ${runs.length} runs read` };
    if (n >= MAX_RUN_PAGES) return { runs, note: `stopped after ${MAX_RUN_PAGES} pages, the most one run reads` };
    tokens.add(next);
    token = next;
  }
}

export async function runRuns(api: InvocationsApi, o: RunsOptions, timing: Timing, output: Output): Promise<number> {
  let read: Awaited<ReturnType<typeof fetchRuns>>;
  try {
    read = await fetchRuns(api, o, timing, output);
  } catch (err) {
    output.err(errorLine(err));
    return exitCodeFor(err);
  }
  const sorted = read.runs.sort(newestFirst);
  const shown = o.limit > 0 ? sorted.slice(0, o.limit) : sorted;
  output.out(shown.map((r) => jsonLine(runLine(o.invokeId, r, o.includeOutput))).join(''));
  if (read.note) output.err(read.note);
  else if (shown.length < sorted.length) output.err(`showing the newest ${shown.length} of ${sorted.length} runs; raise --history to see more`);
  else if (sorted.length === 0) output.err('no runs yet (DescribeInvocationResults returned none)');
  return EXIT.ok;
}
