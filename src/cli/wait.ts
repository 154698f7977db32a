// --wait: follow one invocation until it reaches a final status, printing a timestamped line at
// each change of its status or of its instances' statuses (with --json: the invocation as a JSON
// line, the last one with output under --include-output). Exit 0 on Success, 1 on Failed,
// PartialFailed or Stopped, 3 when the credentials are refused.
import { ApiError } from '../api/errors.js';
import type { Invocation, InvocationsApi } from '../api/model.js';
import { isFinalInvocation } from '../api/status.js';
import { EXIT } from '../config/errors.js';
import { droppedMarker, sanitizeInline, toDisplayLines } from '../text/index.js';
import { instanceProblem, jsonLine, statusBreakdown, timeCell } from './format.js';
import { errorLine, exitCodeFor, type Output, type Timing } from './io.js';
import { withRetry } from './retry.js';

export interface WaitOptions {
  invokeId: string;
  intervalMs: number;
  includeOutput: boolean;
  /** JSON lines instead of text. */
  json?: boolean;
  /** Polls that find nothing before giving up: a fresh InvokeId can take a moment to show. */
  notFoundLimit?: number;
  /** Consecutive retryable failures before giving up (each backs off, capped at `capMs`). */
  maxAttempts?: number;
  capMs?: number;
}

async function fetchInvocation(api: InvocationsApi, invokeId: string, includeOutput: boolean): Promise<Invocation | undefined> {
  const page = await api.describeInvocations({ invokeId, pageNumber: 1, pageSize: 1, ...(includeOutput ? { includeOutput: true } : {}) });
  return page.invocations.find((i) => i.invokeId === invokeId);
}

function printOutputs(inv: Invocation, output: Output): void {
  for (const i of inv.instances) {
    const exit = i.exitCode === null ? '' : `, exit code ${i.exitCode}`;
    output.out(`--- ${sanitizeInline(i.instanceId)} (${i.invocationStatus}${exit}) ---\n`);
    const lines = toDisplayLines(i.output ?? '');
    if (lines.length > 0 && lines[lines.length - 1].text === '') lines.pop();
    output.out(lines.map((l) => `${l.text}\n`).join(''));
    // The service keeps the head: the marker goes where the text was cut.
    if (i.dropped > 0) output.out(`${droppedMarker(i.dropped)}\n`);
  }
}

export async function runWait(api: InvocationsApi, o: WaitOptions, timing: Timing, output: Output): Promise<number> {
  const notFoundLimit = o.notFoundLimit ?? 3;
  const policy = { baseMs: Math.max(o.intervalMs, 200), capMs: o.capMs ?? 60_000, maxAttempts: o.maxAttempts ?? 10 };
  const id = sanitizeInline(o.invokeId);
  let last = '';
  let misses = 0;
  let announcedTimed = false;

  for (;;) {
    let inv: Invocation | undefined;
    try {
      inv = await withRetry(() => fetchInvocation(api, o.invokeId, false), policy, timing, output);
    } catch (err) {
      output.err(`${id}: ${errorLine(err)}`);
      return exitCodeFor(err);
    }
    if (!inv) {
      misses++;
      if (misses >= notFoundLimit) {
        output.err(`no invocation ${id} in region ${sanitizeInline(api.regionId)} (looked ${misses} times); check --invoke-id and --region`);
        return EXIT.failure;
      }
    } else {
      misses = 0;
      if (inv.timed && !announcedTimed) {
        announcedTimed = true;
        output.err(`${id} is a scheduled invocation: it stays active until it is stopped or its schedule ends`);
      }
      const line = `${inv.invocationStatus}  ${statusBreakdown(inv.instances)}`;
      const final = isFinalInvocation(inv.invocationStatus);
      // With --json --include-output the final line, with the output, is finishJson's.
      if (line !== last && !(o.json && final && o.includeOutput)) {
        output.out(o.json ? jsonLine(inv) : `${timeCell(timing.now())}  ${id}  ${line}\n`);
      }
      last = line;
      if (final) return o.json ? finishJson(api, inv, o, timing, output) : finish(api, inv, o, timing, output);
    }
    await timing.sleep(o.intervalMs);
  }
}

const OUTPUT_RETRY = { baseMs: 500, capMs: 5_000, maxAttempts: 4 };

function exitFor(inv: Invocation): number {
  return inv.invocationStatus === 'Success' ? EXIT.ok : EXIT.failure;
}

async function finishJson(api: InvocationsApi, inv: Invocation, o: WaitOptions, timing: Timing, output: Output): Promise<number> {
  if (!o.includeOutput) return exitFor(inv);
  try {
    const withOutput = await withRetry(() => fetchInvocation(api, o.invokeId, true), OUTPUT_RETRY, timing, output);
    output.out(jsonLine(withOutput ?? inv));
  } catch (err) {
    output.out(jsonLine(inv));
    output.err(`output of ${sanitizeInline(o.invokeId)}: ${errorLine(err)}`);
    if (err instanceof ApiError) return exitCodeFor(err);
  }
  return exitFor(inv);
}

async function finish(api: InvocationsApi, inv: Invocation, o: WaitOptions, timing: Timing, output: Output): Promise<number> {
  for (const i of inv.instances) {
    if (i.invocationStatus !== 'Success') output.out(`  ${instanceProblem(i)}\n`);
  }
  if (o.includeOutput) {
    try {
      const withOutput = await withRetry(() => fetchInvocation(api, o.invokeId, true), OUTPUT_RETRY, timing, output);
      if (withOutput) printOutputs(withOutput, output);
    } catch (err) {
      output.err(`output of ${sanitizeInline(o.invokeId)}: ${errorLine(err)}`);
      if (err instanceof ApiError) return exitCodeFor(err);
    }
  }
  return exitFor(inv);
}
