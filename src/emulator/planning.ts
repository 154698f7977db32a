// Planning: an invocation's record and each instance's run are decided when it is created (when
// the run starts and ends, how it ends, with which code). Draws come from the simulation's PRNG in
// a fixed order, so the same seed plans the same fleet.
import type { CatalogCommand, Os, Outcome } from './catalog.js';
import {
  EXIT_CODES,
  type InvocationRecord,
  type RepeatMode,
  type OutcomeInput,
  type OutcomeSpec,
  type Run,
  type RunCommandSpec,
  type SimInstance,
} from './model.js';
import type { Prng } from './prng.js';
import type { Schedule } from './schedule.js';
import { scriptExit } from './script.js';

const ERROR_STATUS: Record<string, Outcome> = {
  InstanceNotExists: 'Invalid',
  InstanceReleased: 'Error',
  InstanceNotRunning: 'Aborted',
  CommandNotApplicable: 'Invalid',
  AccountNotExists: 'Invalid',
  DirectoryNotExists: 'Invalid',
  BadCronExpression: 'Invalid',
  ClientNotRunning: 'Aborted',
  ClientNotResponse: 'Aborted',
  ClientIsUpgrading: 'Aborted',
  ClientNeedUpgrade: 'Invalid',
  DeliveryTimeout: 'Aborted',
  ExecutionTimeout: 'Timeout',
  ExecutionException: 'Error',
  ExecutionInterrupted: 'Error',
  ExitCodeNonzero: 'Failed',
};

const DEFAULT_ERROR: Record<Outcome, string> = {
  Success: '',
  Failed: 'ExitCodeNonzero',
  Timeout: 'ExecutionTimeout',
  Error: 'ExecutionException',
  Invalid: 'CommandNotApplicable',
  Aborted: 'ClientNotResponse',
};

const NEVER_STARTS: ReadonlySet<Outcome> = new Set(['Invalid', 'Aborted']);

/** What a new record is made of; the rest has the service's defaults. */
export interface RecordInit {
  seq: number;
  invokeId: string;
  commandId: string;
  commandName: string;
  commandType: string;
  content: string;
  createdAt: number;
  seed: number;
  /** The first instance's OS: the default user and working directory. */
  os: Os;
  catalog: CatalogCommand | null;
  description?: string;
  parameters?: string;
  timed?: boolean;
  frequency?: string;
  repeatMode?: RepeatMode;
  username?: string;
  workingDir?: string;
  timeout?: number;
  schedule?: Schedule | null;
  durationMs?: number | null;
}

/** The one place an invocation record is built (its runs are planned into it afterwards). */
export function newRecord(init: RecordInit): InvocationRecord {
  const windows = init.os === 'windows';
  return {
    seq: init.seq,
    invokeId: init.invokeId,
    commandId: init.commandId,
    commandName: init.commandName,
    commandType: init.commandType,
    description: init.description ?? '',
    content: init.content,
    parameters: init.parameters ?? '{}',
    timed: init.timed ?? false,
    frequency: init.frequency ?? '',
    repeatMode: init.repeatMode ?? (init.timed ? 'Period' : 'Once'),
    createdAt: init.createdAt,
    username: init.username ?? (windows ? 'System' : 'root'),
    workingDir: init.workingDir ?? (windows ? 'C:\\Windows\\system32' : '/root'),
    timeout: init.timeout ?? 60,
    runs: [],
    schedule: init.schedule ?? null,
    catalog: init.catalog,
    durationMs: init.durationMs ?? null,
    seed: init.seed,
    dead: false,
    finalStatus: null,
    finalLegacy: null,
    settleAt: 0,
  };
}

function isOutcomeSpec(o: object): o is OutcomeSpec {
  const keys = ['status', 'exitCode', 'errorCode', 'output', 'pendingMs', 'durationMs', 'failsFromRun'];
  return Object.keys(o).every((k) => keys.includes(k));
}

/** The outcome a caller forced for the `index`-th instance, if any. */
function outcomeFor(spec: RunCommandSpec, inst: SimInstance, index: number): OutcomeSpec | undefined {
  const o = spec.outcome;
  let picked: OutcomeInput | undefined;
  if (o === undefined) picked = undefined;
  else if (typeof o === 'string') picked = o;
  else if (Array.isArray(o)) picked = o[index];
  else if (isOutcomeSpec(o)) picked = o;
  else picked = (o as Record<string, OutcomeInput>)[inst.instanceId];
  if (picked === undefined) return undefined;
  return typeof picked === 'string' ? { status: picked } : picked;
}

function randomErrorCode(rng: Prng, outcome: Outcome): string {
  switch (outcome) {
    case 'Success':
      return '';
    case 'Failed':
      return 'ExitCodeNonzero';
    case 'Timeout':
      return 'ExecutionTimeout';
    case 'Error':
      return rng.pick(['ExecutionException', 'ExecutionInterrupted', 'InstanceReleased']);
    case 'Invalid':
      return rng.pick(['CommandNotApplicable', 'AccountNotExists', 'DirectoryNotExists', 'InstanceNotExists', 'ClientNeedUpgrade']);
    case 'Aborted':
      return rng.pick(['InstanceNotRunning', 'ClientNotRunning', 'ClientNotResponse', 'ClientIsUpgrading', 'DeliveryTimeout']);
  }
}

/** `sleep N` in a script: how long it runs, in ms (0 when it does not sleep). */
function sleepMs(content: string): number {
  const m = /\bsleep\s+(\d+)\b/.exec(content);
  return m ? Number(m[1]) * 1_000 : 0;
}

function runFrom(inst: SimInstance, outcome: Outcome, errorCode: string, startAt: number | null, finishAt: number, exitCode: number | null): Run {
  return { inst, startAt, finishAt, outcome, final: outcome, exitCode, errorCode, output: null, forcedOutcome: false, failsFrom: null, stopAt: null, stopDoneAt: null };
}

/**
 * Plan one instance's run of `rec`: a caller's forced outcome first, then what the instance's
 * state allows, then the catalog's odds, else what the script itself does (`exit N`, `sleep N`).
 */
export function planRun(rng: Prng, rec: InvocationRecord, inst: SimInstance, index: number, spec: RunCommandSpec, badSchedule: boolean): Run {
  const forced = outcomeFor(spec, inst, index);
  let outcome: Outcome;
  let errorCode: string;
  if (badSchedule) {
    outcome = 'Invalid';
    errorCode = 'BadCronExpression';
  } else if (forced?.status || forced?.errorCode) {
    outcome = forced.status ?? ERROR_STATUS[forced.errorCode as string] ?? 'Failed';
    errorCode = forced.errorCode ?? DEFAULT_ERROR[outcome];
  } else if (inst.released) {
    outcome = 'Invalid';
    errorCode = 'InstanceNotExists';
  } else if (!inst.running) {
    outcome = 'Aborted';
    errorCode = 'InstanceNotRunning';
  } else if (!inst.agentRunning) {
    outcome = 'Aborted';
    errorCode = 'ClientNotRunning';
  } else if (rec.catalog && !rec.schedule) {
    outcome = rng.weighted(rec.catalog.outcomes);
    errorCode = randomErrorCode(rng, outcome);
  } else {
    // A command from outside (RunCommand): `exit N` fails with N, `sleep N` past the timeout times out.
    outcome = scriptExit(rec.content) !== 0 ? 'Failed' : 'Success';
    if (sleepMs(rec.content) > rec.timeout * 1_000) outcome = 'Timeout';
    errorCode = DEFAULT_ERROR[outcome];
  }
  const neverStarts = NEVER_STARTS.has(outcome);
  const pendingMs = forced?.pendingMs ?? spec.pendingMs ?? (errorCode === 'DeliveryTimeout' ? 60_000 : rng.int(300, 1_500));
  let durationMs = forced?.durationMs ?? spec.durationMs;
  if (durationMs === undefined) {
    if (outcome === 'Timeout') durationMs = rec.timeout * 1_000;
    else if (rec.catalog) durationMs = rng.int(rec.catalog.durationMs[0], rec.catalog.durationMs[1]);
    else durationMs = sleepMs(rec.content) || rng.int(1_000, 5_000);
  }
  const startAt = neverStarts ? null : rec.createdAt + pendingMs;
  const finishAt = neverStarts ? rec.createdAt + pendingMs : (startAt as number) + durationMs;
  let exitCode: number | null = null;
  if (outcome === 'Success') exitCode = 0;
  else if (outcome === 'Failed') exitCode = forced?.exitCode ?? (scriptExit(rec.content) || rng.pick(EXIT_CODES));
  const run = runFrom(inst, outcome, errorCode, startAt, finishAt, exitCode);
  const raw = forced?.output ?? spec.output;
  if (raw !== undefined) run.output = Buffer.from(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);
  run.forcedOutcome = forced !== undefined;
  if (forced?.failsFromRun !== undefined && rec.schedule) {
    run.failsFrom = forced.failsFromRun;
    if (forced.exitCode !== undefined) run.exitCode = forced.exitCode;
  }
  return run;
}

/**
 * A past run of a catalog command (seeded history): drawn from the catalog's odds whatever the
 * instance's state today, in the order planRun draws them.
 */
export function planPastRun(rng: Prng, cat: CatalogCommand, createdAt: number, inst: SimInstance): Run {
  const outcome = rng.weighted(cat.outcomes);
  const errorCode = randomErrorCode(rng, outcome);
  const pendingMs = rng.int(300, 1_500);
  const never = NEVER_STARTS.has(outcome);
  const dur = outcome === 'Timeout' ? 60_000 : rng.int(cat.durationMs[0], cat.durationMs[1]);
  const startAt = never ? null : createdAt + pendingMs;
  const exitCode = outcome === 'Success' ? 0 : outcome === 'Failed' ? EXIT_CODES[rng.int(0, EXIT_CODES.length - 1)] : null;
  return runFrom(inst, outcome, errorCode, startAt, never ? createdAt + pendingMs : (startAt as number) + dur, exitCode);
}
