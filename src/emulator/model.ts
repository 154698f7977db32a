// The simulation's records: the fleet's instances, the invocations created on them and each
// instance's planned run. Plain data; planning.ts builds them, lifecycle.ts reads them at a time.
import type { InstanceStatus, InvocationStatus, InvokeStatus } from '../api/wire.js';
import type { CatalogCommand, Os, Outcome } from './catalog.js';
import type { Schedule } from './schedule.js';

export type { Os, Outcome } from './catalog.js';

/** The service keeps two weeks and at most 100,000 records. */
export const RETENTION_MS = 14 * 24 * 3_600_000;
export const MAX_RECORDS = 100_000;
/** How many past runs of a scheduled invocation IncludeHistory reports per instance. */
export const HISTORY_RUNS = 100;
/** Exit codes a failing run draws from. */
export const EXIT_CODES = [1, 1, 1, 2, 3, 126, 127, 255];

export interface SimInstance {
  instanceId: string;
  instanceName: string;
  os: Os;
  /** ECS instance state: a stopped instance cannot receive commands (InstanceNotRunning). */
  running: boolean;
  /** Cloud Assistant agent state (ClientNotRunning when false). */
  agentRunning: boolean;
  /** Released: gone from DescribeInstances and no target for new commands; past invocations keep its id. */
  released: boolean;
  /** Position in the fleet (names, addresses). */
  index: number;
  /** When it was added to the fleet, and when its instance or agent state last changed. */
  createdAt: number;
  changedAt: number;
}

export interface OutcomeSpec {
  status?: Outcome;
  exitCode?: number;
  /** Any ErrorCode of the API page; implies the status when `status` is not given. */
  errorCode?: string;
  /** Full output of the run (cut at 24 KB when served); raw bytes are served as they are. */
  output?: string | Uint8Array;
  pendingMs?: number;
  durationMs?: number;
  /** Scheduled invocations: runs succeed until this run (1-based), then fail (with `exitCode` if given). */
  failsFromRun?: number;
}
export type OutcomeInput = Outcome | OutcomeSpec;

/** How an invocation repeats. The reboot modes run once here, as if the instance rebooted at creation. */
export type RepeatMode = 'Once' | 'Period' | 'NextRebootOnly' | 'EveryReboot';
export const REPEAT_MODES: readonly RepeatMode[] = ['Once', 'Period', 'NextRebootOnly', 'EveryReboot'];

export interface RunCommandSpec {
  commandContent: string;
  /** Default: the first instance of the fleet. */
  instanceIds?: string[];
  /** RunShellScript (default for Linux), RunPowerShellScript (default for Windows), RunBatScript. */
  commandType?: string;
  name?: string;
  commandId?: string;
  description?: string;
  timed?: boolean;
  /** Cron with seconds (`0 0/5 * * * *`) or `rate(5m)`; implies timed. */
  frequency?: string;
  /** Default: Period when timed, else Once. */
  repeatMode?: RepeatMode;
  parameters?: Record<string, string> | string;
  username?: string;
  workingDir?: string;
  /** Seconds (default 60). */
  timeout?: number;
  /** One outcome for every instance, one per instance (by position), or by InstanceId. */
  outcome?: OutcomeInput | OutcomeInput[] | Record<string, OutcomeInput>;
  /** Output for every instance (overridden by an outcome's own output). */
  output?: string | Uint8Array;
  pendingMs?: number;
  durationMs?: number;
  /** Draw output and outcomes from a catalog command (see catalog.ts). */
  catalog?: string;
}

/** One instance's part in one invocation, planned at creation. */
export interface Run {
  inst: SimInstance;
  /** null: never starts (Invalid, Aborted). */
  startAt: number | null;
  finishAt: number;
  outcome: Outcome;
  final: InstanceStatus;
  exitCode: number | null;
  errorCode: string;
  output: Buffer | null;
  forcedOutcome: boolean;
  /** Scheduled: the first run that fails, if the caller asked for one. */
  failsFrom: number | null;
  stopAt: number | null;
  stopDoneAt: number | null;
  /** Byte length of the full generated output of a one-time run, once known (Dropped without generating it again). */
  fullBytes?: number;
  fullDropped?: number;
}

export interface InvocationRecord {
  seq: number;
  invokeId: string;
  commandId: string;
  commandName: string;
  commandType: string;
  description: string;
  content: string;
  parameters: string;
  timed: boolean;
  frequency: string;
  repeatMode: RepeatMode;
  createdAt: number;
  username: string;
  workingDir: string;
  timeout: number;
  runs: Run[];
  schedule: Schedule | null;
  catalog: CatalogCommand | null;
  durationMs: number | null;
  /** The simulation's seed: per-run draws (scheduled results, output) hash it with the run's key. */
  seed: number;
  /** Dropped by retention (still referenced from the per-instance index until it is rebuilt). */
  dead: boolean;
  finalStatus: InvocationStatus | null;
  /** legacyInvokeStatus(finalStatus), cached for the InvokeStatus filter. */
  finalLegacy: InvokeStatus | null;
  settleAt: number;
}

/** An instance's state in an invocation at a point in time. */
export interface InstanceState {
  instanceId: string;
  status: InstanceStatus;
  /** Legacy per-instance status (InstanceInvokeStatus / InvokeRecordStatus). */
  legacy: string;
  exitCode: number | null;
  errorCode: string;
  errorInfo: string;
  repeats: number;
  createdAt: number;
  startAt: number | null;
  finishAt: number | null;
  stopAt: number | null;
  updateAt: number;
  /** Which run the output belongs to (scheduled: 1-based run index; one-time: 1) and how much of it is out. */
  runIndex: number;
  fraction: number;
}

export interface InvocationFilter {
  invokeId?: string;
  commandId?: string;
  commandName?: string;
  commandType?: string;
  timed?: boolean;
  invokeStatus?: InvokeStatus;
  instanceId?: string;
  repeatMode?: string;
}

export interface SeedOptions {
  /** Spread creation times over this much time before now (default 3 days, at most 13 days). */
  spanMs?: number;
  /** Instances per invocation: a number or [min, max] (default [1, 3]). */
  instancesPerInvocation?: number | readonly [number, number];
}

/** The run of `instanceId` in `rec`, if it is part of it. */
export function runOf(rec: InvocationRecord, instanceId: string): Run | undefined {
  return rec.runs.find((r) => r.inst.instanceId === instanceId);
}
