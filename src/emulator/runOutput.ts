// What a run prints as served: the full text (given, or generated from the catalog and a per-run
// seed, so it is never stored), grown with the run's progress and cut at 24 KB.
import type { InstanceState, InvocationRecord, Run } from './model.js';
import { OUTPUT_LIMIT_BYTES, cutOutput, utf8Boundary } from './output.js';
import { hash32 } from './prng.js';
import { statements } from './script.js';

type OutputState = Pick<InstanceState, 'runIndex' | 'fraction' | 'status' | 'exitCode'>;

/** A run's output as served: grown to `fraction` of the full text, cut at 24 KB. */
function served(full: Buffer, fraction: number): { text: Buffer; dropped: number } {
  const grown = fraction < 1 ? full.subarray(0, utf8Boundary(full, Math.floor(full.length * fraction))) : full;
  const { kept, dropped } = cutOutput(grown);
  return { text: kept, dropped };
}

function defaultOutput(rec: InvocationRecord, run: Run): string {
  const first = rec.content.split('\n').find((l) => l.trim() !== '') ?? '';
  const echo = /^echo\s+(.*)$/.exec(statements(first)[0] ?? '');
  if (echo) return echo[1].replace(/^["']|["']$/g, '') + '\n';
  if (run.outcome === 'Failed') return `${first}\n${first.split(/\s+/)[0] || 'sh'}: exit status ${run.exitCode}\n`;
  return `ok: ${first}\n`;
}

function fullOutput(rec: InvocationRecord, run: Run, state: Pick<InstanceState, 'runIndex' | 'exitCode'>): Buffer {
  if (run.output) return run.output;
  const seed = hash32(`${rec.invokeId}/${run.inst.instanceId}/${state.runIndex}`, rec.seed);
  const text = rec.catalog
    ? rec.catalog.output({ instanceName: run.inst.instanceName, exitCode: state.exitCode ?? run.exitCode, outcome: run.outcome, seed })
    : defaultOutput(rec, run);
  return Buffer.from(text, 'utf8');
}

/** The output of one instance's run as served at `state`. */
export function runOutput(rec: InvocationRecord, run: Run | undefined, state: OutputState): { text: Buffer; dropped: number } {
  if (state.fraction <= 0 || !run) return { text: Buffer.alloc(0), dropped: 0 };
  return served(fullOutput(rec, run, state), state.fraction);
}

/** Dropped bytes of one instance's run without building the served text (cheap for listings). */
export function runDropped(rec: InvocationRecord, run: Run | undefined, state: OutputState): number {
  if (state.fraction <= 0 || !run) return 0;
  if (rec.schedule || run.output) return runOutput(rec, run, state).dropped;
  if (state.fraction >= 1 && run.fullDropped !== undefined) return run.fullDropped;
  // The text is generated at most once here (a 40 KB log tail was built twice per final run).
  let full: Buffer | undefined;
  if (run.fullBytes === undefined) run.fullBytes = (full = fullOutput(rec, run, state)).length;
  const bytes = state.fraction < 1 ? Math.floor(run.fullBytes * state.fraction) : run.fullBytes;
  if (bytes <= OUTPUT_LIMIT_BYTES) return 0;
  const { dropped } = served(full ?? fullOutput(rec, run, state), state.fraction);
  if (state.fraction >= 1) run.fullDropped = dropped;
  return dropped;
}
