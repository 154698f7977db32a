// An instance's life cycle read off the clock: pure functions of a planned record, its run and a
// time. Nothing here draws from the simulation's PRNG; a scheduled run's k-th result comes from a
// hash of (invocation, instance, k), so any run can be read at any time in any order.
import { legacyInvokeStatus, overallStatus } from '../api/status.js';
import type { InstanceStatus, InvocationStatus, InvokeStatus } from '../api/wire.js';
import { ERROR_INFO } from '../api/wire.js';
import type { Outcome } from './catalog.js';
import { EXIT_CODES, HISTORY_RUNS, type InstanceState, type InvocationRecord, type Run } from './model.js';
import { Prng, hash32 } from './prng.js';
import type { Schedule } from './schedule.js';

/** Legacy per-instance status: ran to an exit code = Finished (even non-zero); could not run = Failed. */
export function legacyInstance(status: InstanceStatus): string {
  switch (status) {
    case 'Pending':
    case 'Scheduled':
    case 'Running':
      return 'Running';
    case 'Stopping':
      return 'Stopping';
    case 'Success':
    case 'Failed':
      return 'Finished';
    case 'Stopped':
    case 'Cancelled':
    case 'Terminated':
      return 'Stopped';
    default:
      return 'Failed';
  }
}

/** What varies between the states of one run; the rest comes from the record and the run. */
type Phase = Omit<InstanceState, 'instanceId' | 'createdAt' | 'errorInfo'>;

/** One shape for every InstanceState (object spreads here cost tens of microseconds per call). */
function build(rec: InvocationRecord, run: Run, p: Phase): InstanceState {
  return {
    instanceId: run.inst.instanceId,
    status: p.status,
    legacy: p.legacy,
    exitCode: p.exitCode,
    errorCode: p.errorCode,
    errorInfo: p.errorCode ? (ERROR_INFO[p.errorCode] ?? p.errorCode) : '',
    repeats: p.repeats,
    createdAt: rec.createdAt,
    startAt: p.startAt,
    finishAt: p.finishAt,
    stopAt: p.stopAt,
    updateAt: p.updateAt,
    runIndex: p.runIndex,
    fraction: p.fraction,
  };
}

function pending(rec: InvocationRecord, run: Run): InstanceState {
  const updateAt = rec.createdAt;
  return build(rec, run, { status: 'Pending', legacy: 'Running', exitCode: null, errorCode: '', repeats: 0, startAt: null, finishAt: null, stopAt: null, updateAt, runIndex: 1, fraction: 0 });
}

/** The state of `run` (one instance of `rec`) at time `t`. */
export function stateAt(rec: InvocationRecord, run: Run, t: number): InstanceState {
  if (rec.schedule && run.startAt !== null) return scheduledStateAt(rec, rec.schedule, run, t);
  const { startAt, finishAt, stopAt } = run;
  if (stopAt !== null && t >= stopAt) {
    if (startAt === null || stopAt < startAt) {
      return build(rec, run, { status: 'Cancelled', legacy: 'Stopped', exitCode: null, errorCode: '', repeats: 0, startAt: null, finishAt: null, stopAt, updateAt: stopAt, runIndex: 1, fraction: 0 });
    }
    const fraction = (stopAt - startAt) / Math.max(1, finishAt - startAt);
    const done = run.stopDoneAt as number;
    if (t < done) {
      return build(rec, run, { status: 'Stopping', legacy: 'Stopping', exitCode: null, errorCode: '', repeats: 1, startAt, finishAt: null, stopAt, updateAt: stopAt, runIndex: 1, fraction });
    }
    return build(rec, run, { status: 'Terminated', legacy: 'Stopped', exitCode: null, errorCode: '', repeats: 1, startAt, finishAt: done, stopAt, updateAt: done, runIndex: 1, fraction });
  }
  const { final, errorCode } = run;
  const legacy = legacyInstance(final);
  if (startAt === null) {
    if (t < finishAt) return pending(rec, run);
    return build(rec, run, { status: final, legacy, exitCode: null, errorCode, repeats: 0, startAt: null, finishAt, stopAt: null, updateAt: finishAt, runIndex: 1, fraction: 0 });
  }
  if (t < startAt) return pending(rec, run);
  if (t < finishAt) {
    const fraction = (t - startAt) / Math.max(1, finishAt - startAt);
    return build(rec, run, { status: 'Running', legacy: 'Running', exitCode: null, errorCode: '', repeats: 1, startAt, finishAt: null, stopAt: null, updateAt: t, runIndex: 1, fraction });
  }
  return build(rec, run, { status: final, legacy, exitCode: run.exitCode, errorCode, repeats: 1, startAt, finishAt, stopAt: null, updateAt: finishAt, runIndex: 1, fraction: 1 });
}

export interface ScheduledResult {
  durationMs: number;
  outcome: Outcome;
  exitCode: number | null;
}

/** Duration and result of the k-th run of a scheduled invocation on one instance. */
export function scheduledRun(rec: InvocationRecord, run: Run, k: number): ScheduledResult {
  const r = new Prng(hash32(`${rec.invokeId}/${run.inst.instanceId}/${k}`, rec.seed));
  let durationMs = rec.durationMs ?? (rec.catalog ? r.int(rec.catalog.durationMs[0], rec.catalog.durationMs[1]) : r.int(500, 2_000));
  // A caller's plan first, then the catalog's odds, else what the script does (`exit N` fails every run).
  let outcome: Outcome;
  if (run.failsFrom !== null) outcome = k >= run.failsFrom ? 'Failed' : 'Success';
  else if (rec.catalog && !run.forcedOutcome) outcome = r.weighted(rec.catalog.outcomes) === 'Success' ? 'Success' : 'Failed';
  else outcome = run.outcome === 'Success' ? 'Success' : 'Failed';
  // A failed run exits non-zero: the planned code when it is one, else a drawn one.
  const exitCode = outcome === 'Success' ? 0 : run.exitCode || r.pick(EXIT_CODES);
  if (durationMs < 1) durationMs = 1;
  return { durationMs, outcome, exitCode };
}

const codeOf = (r: ScheduledResult): string => (r.outcome === 'Success' ? '' : 'ExitCodeNonzero');

function scheduledStateAt(rec: InvocationRecord, schedule: Schedule, run: Run, t: number): InstanceState {
  const stopped = run.stopAt !== null && t >= run.stopAt;
  const horizon = stopped ? (run.stopAt as number) : t;
  const k = schedule.countAt(horizon);
  let runningAtHorizon = false;
  let startAt: number | null = null;
  let finishAt: number | null = null;
  let exitCode: number | null = null;
  let errorCode = '';
  let fraction = 0;
  if (k > 0) {
    const f = schedule.fireAt(k);
    const r = scheduledRun(rec, run, k);
    startAt = f;
    if (horizon < f + r.durationMs) {
      runningAtHorizon = true;
      fraction = (horizon - f) / r.durationMs;
      // The previous run's result stays visible while the next one runs.
      if (k > 1) {
        const prev = scheduledRun(rec, run, k - 1);
        exitCode = prev.exitCode;
        errorCode = codeOf(prev);
      }
    } else {
      finishAt = f + r.durationMs;
      exitCode = r.exitCode;
      errorCode = codeOf(r);
      fraction = 1;
    }
  }
  const common = { exitCode, errorCode, repeats: k, startAt, runIndex: k, fraction };
  if (stopped) {
    const stopAt = run.stopAt as number;
    if (runningAtHorizon) {
      const done = run.stopDoneAt as number;
      if (t < done) return build(rec, run, { ...common, status: 'Stopping', legacy: 'Stopping', finishAt: null, stopAt, updateAt: stopAt });
      return build(rec, run, { ...common, status: 'Terminated', legacy: 'Stopped', finishAt: done, stopAt, updateAt: done });
    }
    return build(rec, run, { ...common, status: 'Stopped', legacy: 'Stopped', finishAt, stopAt, updateAt: stopAt });
  }
  // A schedule that ends (`at()`) ends as its last run did.
  if (schedule.total !== undefined && k >= schedule.total && !runningAtHorizon) {
    const status: InstanceStatus = errorCode ? 'Failed' : 'Success';
    return build(rec, run, { ...common, status, legacy: 'Finished', finishAt, stopAt: null, updateAt: finishAt ?? rec.createdAt });
  }
  const status: InstanceStatus = runningAtHorizon ? 'Running' : 'Scheduled';
  const updateAt = runningAtHorizon ? t : (finishAt ?? rec.createdAt);
  return build(rec, run, { ...common, status, legacy: 'Running', finishAt, stopAt: null, updateAt });
}

/** Past runs of a scheduled invocation on one instance at `t`, newest first (IncludeHistory). */
export function historyAt(rec: InvocationRecord, run: Run, t: number): InstanceState[] {
  const current = stateAt(rec, run, t);
  if (!rec.schedule || run.startAt === null) return [current];
  const rows: InstanceState[] = [];
  const k = current.repeats;
  const inFlight = current.status === 'Running' || current.status === 'Stopping' || current.status === 'Terminated';
  if (inFlight) rows.push(current);
  for (let i = inFlight ? k - 1 : k; i >= 1 && rows.length < HISTORY_RUNS; i--) {
    const f = rec.schedule.fireAt(i);
    const r = scheduledRun(rec, run, i);
    const end = f + r.durationMs;
    rows.push(build(rec, run, { status: r.outcome, legacy: 'Finished', exitCode: r.exitCode, errorCode: codeOf(r), repeats: i, startAt: f, finishAt: end, stopAt: null, updateAt: end, runIndex: i, fraction: 1 }));
  }
  return rows;
}

/** The invocation's overall status at `t` (cached once the record has settled). */
export function overallAt(rec: InvocationRecord, t: number): InvocationStatus {
  if (rec.finalStatus !== null && t >= rec.settleAt) return rec.finalStatus;
  return overallStatus(rec.runs.map((r) => stateAt(rec, r, t).status));
}

/** The legacy InvokeStatus at `t`, for the InvokeStatus filter. */
export function legacyAt(rec: InvocationRecord, t: number): InvokeStatus {
  return rec.finalLegacy !== null && t >= rec.settleAt ? rec.finalLegacy : legacyInvokeStatus(overallAt(rec, t));
}
