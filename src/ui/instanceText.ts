// One instance in words: its error with the meaning of the code, its finish (or running time,
// or next run when scheduled), and the whole story for the detail line under the table and the
// output screen's header. Words never contradict the fields they come from: a field that
// disagrees with another is shown with the disagreement named.
import type { InstanceResult, Invocation } from '../api/model.js';
import { isFinalInstance } from '../api/status.js';
import { ERROR_INFO } from '../api/wire.js';
import { clockTime, formatDuration } from './format.js';
import type { TimeText } from './hooks/useTimeText.js';
import { nextRunAt } from './nextRun.js';

/** "ExitCodeNonzero: the command execution exit code is not zero", with the API's own text when it says more. */
export function describeError(inst: InstanceResult): string {
  if (!inst.errorCode && !inst.errorInfo) return '';
  const meaning = inst.errorCode ? ERROR_INFO[inst.errorCode] : undefined;
  const fromApi = inst.errorInfo && inst.errorInfo !== meaning ? inst.errorInfo : undefined;
  const text = [meaning, fromApi].filter(Boolean).join(' — ');
  const described = inst.errorCode ? (text ? `${inst.errorCode}: ${text}` : inst.errorCode) : text;
  // Seen from the service: exit 0 beside ExitCodeNonzero. Show both fields, and that they disagree.
  const disagrees = inst.errorCode === 'ExitCodeNonzero' && inst.exitCode === 0;
  return disagrees ? `${described} (yet the reported ExitCode is 0)` : described;
}

/** The next run of a scheduled instance; redraws when it comes, so "next" never names a past time. */
export function nextRun(inst: InstanceResult, inv: Invocation | undefined, times: TimeText): number | undefined {
  if (inst.invocationStatus !== 'Scheduled' || !inv) return undefined;
  const next = nextRunAt(inv.frequency, inv.creationTime, times.now);
  if (next !== undefined) times.wakeAt(next);
  return next;
}

/** Finish time, how long it has been running, or (scheduled) when it runs next. */
export function finishOrRunning(inst: InstanceResult, times: TimeText, inv?: Invocation): string {
  if (inst.invocationStatus === 'Scheduled') {
    // Between runs: nothing is running, so no running clock.
    const next = nextRun(inst, inv, times);
    return next !== undefined ? `next ${clockTime(next)}` : 'scheduled';
  }
  if (!isFinalInstance(inst.invocationStatus)) {
    return inst.startTime !== undefined ? `running ${times.since(inst.startTime)}` : inst.invocationStatus.toLowerCase();
  }
  const end = inst.finishTime ?? inst.stopTime;
  if (end === undefined) return '-';
  const took = inst.startTime !== undefined ? ` (${formatDuration(end - inst.startTime)})` : '';
  return times.time(end) + (times.mode === 'relative' ? took : '');
}

/**
 * The selected instance in full: status, exit code, error code with its meaning and the API's
 * ErrorInfo; for a scheduled one, the last run's result and the next run.
 */
export function describeInstance(inst: InstanceResult, inv: Invocation | undefined, times: TimeText): string {
  const exit = inst.exitCode === null ? 'no exit code' : `exit ${inst.exitCode}`;
  const error = describeError(inst);
  if (inst.invocationStatus === 'Scheduled') {
    const next = nextRun(inst, inv, times);
    const parts = [`${inst.instanceId} · Scheduled`];
    if (inst.repeats > 0) {
      const at = inst.finishTime ?? inst.startTime;
      parts.push(`last run${at !== undefined ? ` ${times.time(at)}` : ''}: ${exit}${error ? `, ${error}` : ''}`);
    } else parts.push('not run yet');
    parts.push(next !== undefined ? `next run ${clockTime(next)}` : inv?.frequency ? `schedule ${inv.frequency}` : 'next run unknown');
    return parts.join(' · ');
  }
  return [inst.instanceId, inst.invocationStatus, exit, error].filter(Boolean).join(' · ');
}
