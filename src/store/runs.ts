// Run history of scheduled invocations (IncludeHistory): every past run per instance, newest
// first, merged from DescribeInvocationResults rows; pure functions and selectors over it. The
// store holds a few of these (the grids opened lately), each bounded in runs and output bytes.
import type { InstanceResult } from '../api/model.js';
import { FAILED_FAMILY, isFinalInstance } from '../api/status.js';
import type { InstanceStatus } from '../api/wire.js';
import { ownString } from './reducer.js';

/** One run on one instance. */
export interface RunRecord {
  instanceId: string;
  status: InstanceStatus;
  exitCode: number | null;
  errorCode?: string;
  errorInfo?: string;
  /** Undefined when the row had none or it was dropped for the byte bound (`outputKept`). */
  output?: string;
  /** Bytes the service cut beyond 24 KB. */
  dropped: number;
  repeats: number;
  startTime?: number;
  finishTime?: number;
}

export interface RunHistory {
  invokeId: string;
  /** Runs per instance, newest first; instances in the order first seen. */
  runs: ReadonlyMap<string, readonly RunRecord[]>;
  /** Each instance's Repeats when its runs were last read: more since means new runs to ask for. */
  seenRepeats: ReadonlyMap<string, number>;
  fetchedAt: number;
  /** Every page was read (not cut by the page bound or an error). */
  complete: boolean;
}

/** The service keeps 100 past runs per instance; so do we. */
export const MAX_RUNS_PER_INSTANCE = 100;
/** Output kept over one history: beyond it the oldest runs' output goes (the grid still shows them). */
export const RUN_OUTPUT_BYTE_CAP = 8 * 1024 * 1024;
/** Histories the store keeps (the grids opened last). */
export const MAX_HISTORIES = 4;

/** A run failed: a failed status, an error code or a non-zero exit (a scheduled instance reports its last run so). */
export function runFailed(r: { status?: string; invocationStatus?: string; exitCode: number | null; errorCode?: string }): boolean {
  const status = (r.status ?? r.invocationStatus) as InstanceStatus | undefined;
  return (status !== undefined && FAILED_FAMILY.has(status)) || Boolean(r.errorCode) || (r.exitCode !== null && r.exitCode !== 0);
}

export function runSucceeded(r: RunRecord): boolean {
  return isFinalInstance(r.status) && r.status === 'Success' && !runFailed(r);
}

/** A run's identity on its instance: its start, or its Repeats before it started. */
export function runKey(r: { startTime?: number; repeats: number }): string {
  return r.startTime !== undefined ? `t${r.startTime}` : `#${r.repeats}`;
}

/** A row that is a run: it started, or it ended (a scheduled instance that never ran is no run). */
export function toRun(row: InstanceResult): RunRecord | undefined {
  if (row.startTime === undefined && !isFinalInstance(row.invocationStatus)) return undefined;
  return {
    instanceId: ownString(row.instanceId),
    status: row.invocationStatus,
    exitCode: row.exitCode,
    errorCode: row.errorCode,
    errorInfo: row.errorInfo,
    output: row.output,
    dropped: row.dropped,
    repeats: row.repeats,
    startTime: row.startTime,
    finishTime: row.finishTime ?? row.stopTime,
  };
}

/** Is this row new or changed against what is known (a run in flight that has since ended)? */
export function isFresh(known: readonly RunRecord[] | undefined, run: RunRecord): boolean {
  const key = runKey(run);
  const old = known?.find((r) => runKey(r) === key);
  return !old || old.status !== run.status || old.finishTime !== run.finishTime;
}

const newestFirst = (a: RunRecord, b: RunRecord) => (b.startTime ?? Infinity) - (a.startTime ?? Infinity) || b.repeats - a.repeats;

/** Merge fetched runs into a history: a run seen again replaces the old record; bounded. */
export function mergeRuns(
  prev: RunHistory | undefined,
  invokeId: string,
  fetched: readonly RunRecord[],
  seenRepeats: ReadonlyMap<string, number>,
  at: number,
  complete: boolean,
): RunHistory {
  const runs = new Map<string, RunRecord[]>();
  for (const [id, list] of prev?.runs ?? []) runs.set(id, [...list]);
  for (const run of fetched) {
    const list = runs.get(run.instanceId) ?? [];
    const key = runKey(run);
    const i = list.findIndex((r) => runKey(r) === key);
    if (i >= 0) list[i] = run;
    else list.push(run);
    runs.set(run.instanceId, list);
  }
  let bytes = 0;
  const out = new Map<string, readonly RunRecord[]>();
  for (const [id, list] of runs) out.set(id, list.sort(newestFirst).slice(0, MAX_RUNS_PER_INSTANCE));
  // Output of the newest runs first, over every instance; the oldest lose theirs past the cap.
  for (let depth = 0; depth < MAX_RUNS_PER_INSTANCE; depth++) {
    for (const [id, list] of out) {
      const run = list[depth];
      if (!run?.output) continue;
      bytes += run.output.length * 2;
      if (bytes > RUN_OUTPUT_BYTE_CAP) (out.get(id) as RunRecord[])[depth] = { ...run, output: undefined };
    }
  }
  const repeats = new Map(prev?.seenRepeats ?? []);
  for (const [id, n] of seenRepeats) repeats.set(id, n);
  return { invokeId, runs: out, seenRepeats: repeats, fetchedAt: at, complete: complete || (prev?.complete ?? false) };
}

export function selectRuns(s: { runs: ReadonlyMap<string, RunHistory> }, invokeId: string): RunHistory | undefined {
  return s.runs.get(invokeId);
}

/** A run that failed where the one before it on that instance succeeded. */
export function isNewlyFailing(runs: readonly RunRecord[], index: number): boolean {
  const run = runs[index];
  const before = runs[index + 1];
  return Boolean(run && before && runFailed(run) && runSucceeded(before));
}

/**
 * Instances failing now that succeeded before: the newest run failed, and the streak of
 * failures it ends began after a success. `since` is when the earliest of those streaks began.
 */
export function newlyFailing(history: RunHistory | undefined): { instances: string[]; since?: number } {
  const instances: string[] = [];
  let since: number | undefined;
  for (const [id, runs] of history?.runs ?? []) {
    const done = runs.filter((r) => isFinalInstance(r.status));
    let i = 0;
    while (i < done.length && runFailed(done[i])) i++;
    if (i === 0 || i === done.length || !runSucceeded(done[i])) continue;
    instances.push(id);
    const began = done[i - 1].startTime;
    if (began !== undefined && (since === undefined || began < since)) since = began;
  }
  return { instances, since };
}

/** The histories kept after one is set: the newest `MAX_HISTORIES`, the one just set included. */
export function withHistory(all: ReadonlyMap<string, RunHistory>, h: RunHistory): ReadonlyMap<string, RunHistory> {
  const next = new Map(all);
  next.delete(h.invokeId);
  next.set(h.invokeId, h);
  while (next.size > MAX_HISTORIES) next.delete(next.keys().next().value as string);
  return next;
}
