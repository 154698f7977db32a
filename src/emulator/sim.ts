// The simulated Cloud Assistant: a fleet of instances and the invocations run on them.
// State is a function of time: each instance run is planned when the invocation is created
// (when it starts, when it ends, how it ends, what it prints) and its status is read off the clock
// at query time. Nothing moves unless the clock does, so a FakeClock makes every life cycle exact.
import type { Clock } from '../clock.js';
import { legacyInvokeStatus, overallStatus } from '../api/status.js';
import type { InstanceStatus, InvocationStatus, InvokeStatus } from '../api/wire.js';
import { ERROR_INFO } from '../api/wire.js';
import { CATALOG, ROUTINE, catalogByName, type CatalogCommand, type Os, type Outcome } from './catalog.js';
import { OUTPUT_LIMIT_BYTES, cutOutput, utf8Boundary } from './output.js';
import { Prng, hash32 } from './prng.js';
import { parseSchedule, type Schedule } from './schedule.js';

export type { Os, Outcome } from './catalog.js';

/** The service keeps two weeks and at most 100,000 records. */
export const RETENTION_MS = 14 * 24 * 3_600_000;
export const MAX_RECORDS = 100_000;
/** How many past runs of a scheduled invocation IncludeHistory reports per instance. */
export const HISTORY_RUNS = 100;

export interface SimInstance {
  instanceId: string;
  instanceName: string;
  os: Os;
  /** ECS instance state: a stopped instance cannot receive commands (InstanceNotRunning). */
  running: boolean;
  /** Cloud Assistant agent state (ClientNotRunning when false). */
  agentRunning: boolean;
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
}
export type OutcomeInput = Outcome | OutcomeSpec;

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
interface Run {
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
  createdAt: number;
  username: string;
  workingDir: string;
  timeout: number;
  runs: Run[];
  schedule: Schedule | null;
  catalog: CatalogCommand | null;
  durationMs: number | null;
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
const EXIT_CODES = [1, 1, 1, 2, 3, 126, 127, 255];

/** Legacy per-instance status: ran to an exit code = Finished (even non-zero); could not run = Failed. */
function legacyInstance(status: InstanceStatus): string {
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

function regionCode(regionId: string): string {
  const known: Record<string, string> = { 'cn-hangzhou': 'hz', 'cn-shanghai': 'sh', 'cn-beijing': 'bj', 'cn-shenzhen': 'sz' };
  return known[regionId] ?? regionId.replace(/[^a-z]/g, '').slice(0, 2).padEnd(2, 'x');
}

export class Simulation {
  readonly fleet: SimInstance[] = [];
  private readonly byInstance = new Map<string, SimInstance>();
  private recs: InvocationRecord[] = [];
  private head = 0;
  private readonly byId = new Map<string, InvocationRecord>();
  private readonly active = new Set<InvocationRecord>();
  /** Per instance: its invocations in creation order, for the InstanceId filter. Rebuilt when stale. */
  private byInstanceRecs = new Map<string, InvocationRecord[]>();
  private instanceIndexStale = false;
  private readonly commands = new Map<string, { name: string; type: string; content: string; description: string }>();
  private seq = 0;
  private readonly rng: Prng;
  private readonly code: string;

  constructor(
    readonly clock: Clock,
    readonly seed: number,
    readonly regionId: string,
  ) {
    this.rng = new Prng(seed);
    this.code = regionCode(regionId);
  }

  now(): number {
    return this.clock.now();
  }

  // ---------------------------------------------------------------- fleet

  /** Add `n` instances (about a quarter Windows) with ids like `i-bp1...`. */
  addInstances(n: number, opts: { windowsShare?: number } = {}): SimInstance[] {
    const share = opts.windowsShare ?? 0.25;
    const roles = ['web', 'api', 'worker', 'db', 'cache', 'batch', 'gw'];
    const added: SimInstance[] = [];
    for (let i = 0; i < n; i++) {
      const index = this.fleet.length;
      // Deterministic mix: every 4th instance (offset) is Windows at the default share.
      const os: Os = share > 0 && index % Math.max(1, Math.round(1 / share)) === 3 ? 'windows' : 'linux';
      let id: string;
      do id = ['i-bp1', this.rng.chars(17)].join(''); // join: a flat string, cheap to compare
      while (this.byInstance.has(id));
      const role = os === 'windows' ? 'win-app' : roles[index % roles.length];
      const inst: SimInstance = {
        instanceId: id,
        instanceName: `${role}-${String(index + 1).padStart(2, '0')}`,
        os,
        running: true,
        agentRunning: true,
      };
      this.fleet.push(inst);
      this.byInstance.set(id, inst);
      added.push(inst);
    }
    return added;
  }

  instance(instanceId: string): SimInstance | undefined {
    return this.byInstance.get(instanceId);
  }

  /** Stop/start an instance or its agent: later invocations on it end Aborted (InstanceNotRunning / ClientNotRunning). */
  setInstanceState(instanceId: string, state: { running?: boolean; agentRunning?: boolean }): void {
    const inst = this.byInstance.get(instanceId);
    if (!inst) throw new Error(`unknown instance ${instanceId}`);
    if (state.running !== undefined) inst.running = state.running;
    if (state.agentRunning !== undefined) inst.agentRunning = state.agentRunning;
  }

  // ---------------------------------------------------------------- commands

  registerCommand(cmd: { name: string; type: string; content: string; description?: string }): string {
    let id: string;
    do id = ['c-', this.code, this.rng.chars(12)].join('');
    while (this.commands.has(id));
    this.commands.set(id, { description: '', ...cmd });
    return id;
  }

  command(commandId: string): { name: string; type: string; content: string; description: string } | undefined {
    return this.commands.get(commandId);
  }

  // ---------------------------------------------------------------- invocations

  /** Run a command now (RunCommand); returns the InvokeId. */
  runCommand(spec: RunCommandSpec): string {
    return this.create(spec, this.clock.now()).invokeId;
  }

  /** Create an invocation as if it had been created at `createdAt` (past history, demo set-up). */
  runCommandAt(spec: RunCommandSpec, createdAt: number): string {
    return this.create(spec, createdAt).invokeId;
  }

  private newInvokeId(): string {
    let id: string;
    do id = ['t-', this.code, this.randomSuffix()].join('');
    while (this.byId.has(id));
    return id;
  }

  /** 12 lower-case base-36 characters from two draws (cheaper than one draw per character when seeding 100,000). */
  private randomSuffix(): string {
    const a = Math.floor(this.rng.next() * 2_176_782_336); // 36^6
    const b = Math.floor(this.rng.next() * 2_176_782_336);
    return a.toString(36).padStart(6, '0') + b.toString(36).padStart(6, '0');
  }

  private create(spec: RunCommandSpec, createdAt: number): InvocationRecord {
    const instanceIds = spec.instanceIds && spec.instanceIds.length > 0 ? spec.instanceIds : [this.fleet[0]?.instanceId];
    const insts = instanceIds.map((id) => {
      const inst = id ? this.byInstance.get(id) : undefined;
      if (!inst) throw new Error(`unknown instance ${id ?? '(empty fleet)'}`);
      return inst;
    });
    const catalog = spec.catalog ? (catalogByName(spec.catalog) ?? null) : null;
    const commandType = spec.commandType ?? catalog?.type ?? (insts[0].os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript');
    const name = spec.name ?? catalog?.name ?? '';
    const commandId =
      spec.commandId ?? this.registerCommand({ name, type: commandType, content: spec.commandContent, description: spec.description ?? '' });
    const frequency = spec.frequency ?? '';
    const timed = spec.timed ?? frequency !== '';
    const parameters =
      typeof spec.parameters === 'string' ? spec.parameters : JSON.stringify(spec.parameters ?? {});
    const schedule = timed && frequency ? (parseSchedule(frequency, createdAt) ?? null) : null;
    const badSchedule = timed && !schedule;
    const timeout = spec.timeout ?? 60;
    const rec: InvocationRecord = {
      seq: ++this.seq,
      invokeId: this.newInvokeId(),
      commandId,
      commandName: name,
      commandType,
      description: spec.description ?? '',
      content: spec.commandContent,
      parameters,
      timed,
      frequency,
      createdAt,
      username: spec.username ?? (insts[0].os === 'windows' ? 'System' : 'root'),
      workingDir: spec.workingDir ?? (insts[0].os === 'windows' ? 'C:\\Windows\\system32' : '/root'),
      timeout,
      runs: [],
      schedule,
      catalog,
      durationMs: spec.durationMs ?? null,
      dead: false,
      finalStatus: null,
      finalLegacy: null,
      settleAt: 0,
    };
    insts.forEach((inst, i) => {
      rec.runs.push(this.planRun(rec, inst, i, spec, badSchedule));
    });
    this.settleTime(rec);
    this.insert(rec);
    return rec;
  }

  private outcomeFor(spec: RunCommandSpec, inst: SimInstance, index: number): OutcomeSpec | undefined {
    const o = spec.outcome;
    let picked: OutcomeInput | undefined;
    if (o === undefined) picked = undefined;
    else if (typeof o === 'string') picked = o;
    else if (Array.isArray(o)) picked = o[index];
    else if (this.isOutcomeSpec(o)) picked = o;
    else picked = (o as Record<string, OutcomeInput>)[inst.instanceId];
    if (picked === undefined) return undefined;
    return typeof picked === 'string' ? { status: picked } : picked;
  }

  private isOutcomeSpec(o: object): o is OutcomeSpec {
    const keys = ['status', 'exitCode', 'errorCode', 'output', 'pendingMs', 'durationMs'];
    return Object.keys(o).every((k) => keys.includes(k));
  }

  private planRun(rec: InvocationRecord, inst: SimInstance, index: number, spec: RunCommandSpec, badSchedule: boolean): Run {
    const forced = this.outcomeFor(spec, inst, index);
    let outcome: Outcome;
    let errorCode: string;
    if (badSchedule) {
      outcome = 'Invalid';
      errorCode = 'BadCronExpression';
    } else if (forced?.status || forced?.errorCode) {
      outcome = forced.status ?? ERROR_STATUS[forced.errorCode as string] ?? 'Failed';
      errorCode = forced.errorCode ?? DEFAULT_ERROR[outcome];
    } else if (!inst.running) {
      outcome = 'Aborted';
      errorCode = 'InstanceNotRunning';
    } else if (!inst.agentRunning) {
      outcome = 'Aborted';
      errorCode = 'ClientNotRunning';
    } else if (rec.catalog && !rec.schedule) {
      outcome = this.rng.weighted(rec.catalog.outcomes);
      errorCode = this.randomErrorCode(outcome);
    } else {
      // A command from outside (RunCommand): `exit N` fails with N, `sleep N` past the timeout times out.
      const exit = /^\s*exit\s+(\d+)\s*$/m.exec(rec.content);
      outcome = exit && exit[1] !== '0' ? 'Failed' : 'Success';
      if (sleepMs(rec.content) > rec.timeout * 1_000) outcome = 'Timeout';
      errorCode = DEFAULT_ERROR[outcome];
    }
    const neverStarts = NEVER_STARTS.has(outcome);
    const pendingMs =
      forced?.pendingMs ?? spec.pendingMs ?? (errorCode === 'DeliveryTimeout' ? 60_000 : this.rng.int(300, 1_500));
    let durationMs = forced?.durationMs ?? spec.durationMs;
    if (durationMs === undefined) {
      if (outcome === 'Timeout') durationMs = rec.timeout * 1_000;
      else if (rec.catalog) durationMs = this.rng.int(rec.catalog.durationMs[0], rec.catalog.durationMs[1]);
      else durationMs = sleepMs(rec.content) || this.rng.int(1_000, 5_000);
    }
    const startAt = neverStarts ? null : rec.createdAt + pendingMs;
    const finishAt = neverStarts ? rec.createdAt + pendingMs : (startAt as number) + durationMs;
    let exitCode: number | null = null;
    if (outcome === 'Success') exitCode = 0;
    else if (outcome === 'Failed') exitCode = forced?.exitCode ?? exitInContent(rec.content) ?? this.rng.pick(EXIT_CODES);
    const raw = forced?.output ?? spec.output;
    return {
      inst,
      startAt,
      finishAt,
      outcome,
      final: outcome,
      exitCode,
      errorCode,
      output: raw === undefined ? null : Buffer.from(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw),
      forcedOutcome: forced !== undefined,
      stopAt: null,
      stopDoneAt: null,
    };
  }

  private randomErrorCode(outcome: Outcome): string {
    switch (outcome) {
      case 'Success':
        return '';
      case 'Failed':
        return 'ExitCodeNonzero';
      case 'Timeout':
        return 'ExecutionTimeout';
      case 'Error':
        return this.rng.pick(['ExecutionException', 'ExecutionInterrupted', 'InstanceReleased']);
      case 'Invalid':
        return this.rng.pick(['CommandNotApplicable', 'AccountNotExists', 'DirectoryNotExists', 'InstanceNotExists', 'ClientNeedUpgrade']);
      case 'Aborted':
        return this.rng.pick(['InstanceNotRunning', 'ClientNotRunning', 'ClientNotResponse', 'ClientIsUpgrading', 'DeliveryTimeout']);
    }
  }

  /** When nothing about the record can change any more (Infinity while a schedule runs). */
  private settleTime(rec: InvocationRecord): void {
    let at = rec.createdAt;
    for (const run of rec.runs) {
      let t: number;
      if (run.stopAt !== null) t = run.stopDoneAt ?? run.stopAt;
      else if (rec.schedule && run.startAt !== null) t = Infinity;
      else t = run.finishAt;
      if (t > at) at = t;
    }
    rec.settleAt = at;
    rec.finalStatus = null;
    rec.finalLegacy = null;
    if (at > this.clock.now()) this.active.add(rec);
    else this.settle(rec, this.clock.now());
  }

  private insert(rec: InvocationRecord): void {
    const recs = this.recs;
    const last = recs[recs.length - 1];
    if (recs.length === this.head || !last || last.createdAt <= rec.createdAt) {
      recs.push(rec);
      if (!this.instanceIndexStale) this.indexRecord(rec);
    } else {
      this.instanceIndexStale = true;
      let lo = this.head;
      let hi = recs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (recs[mid].createdAt <= rec.createdAt) lo = mid + 1;
        else hi = mid;
      }
      recs.splice(lo, 0, rec);
    }
    this.byId.set(rec.invokeId, rec);
    this.prune();
  }

  private indexRecord(rec: InvocationRecord): void {
    for (const run of rec.runs) {
      const id = run.inst.instanceId;
      let list = this.byInstanceRecs.get(id);
      if (!list) this.byInstanceRecs.set(id, (list = []));
      if (list[list.length - 1] !== rec) list.push(rec);
    }
  }

  private instanceIndex(instanceId: string): InvocationRecord[] {
    if (this.instanceIndexStale) {
      this.byInstanceRecs = new Map();
      for (let i = this.head; i < this.recs.length; i++) this.indexRecord(this.recs[i]);
      this.instanceIndexStale = false;
    }
    return this.byInstanceRecs.get(instanceId) ?? [];
  }

  /**
   * Add `n` past invocations spread over the last days (all finished), fast: the benchmarks seed
   * 100,000 x 3 instances. Output is generated only when asked for.
   */
  seedHistory(n: number, opts: SeedOptions = {}): void {
    const now = this.clock.now();
    const span = Math.min(opts.spanMs ?? 3 * 86_400_000, RETENTION_MS - 86_400_000);
    const per = opts.instancesPerInvocation ?? [1, 3];
    const [minPer, maxPer] = typeof per === 'number' ? [per, per] : per;
    const linux = this.fleet.filter((i) => i.os === 'linux');
    const windows = this.fleet.filter((i) => i.os === 'windows');
    const end = now - 120_000;
    const start = end - span;
    const step = n > 0 ? span / n : 0;
    const added: InvocationRecord[] = [];
    const ids = new Map<string, string>();
    for (const c of CATALOG) ids.set(c.name, this.registerCommand({ name: c.name, type: c.type, content: c.content }));
    const routine = ROUTINE.map(([name, w]) => [catalogByName(name) as CatalogCommand, w] as const);
    for (let i = 0; i < n; i++) {
      let cat = this.rng.weighted(routine);
      let pool = cat.os === 'windows' ? windows : linux;
      if (pool.length === 0) {
        pool = this.fleet;
        cat = CATALOG[0];
      }
      const createdAt = Math.floor(start + i * step + this.rng.next() * step);
      const k = Math.min(pool.length, minPer === maxPer ? minPer : this.rng.int(minPer, maxPer));
      const first = this.rng.int(0, pool.length - 1);
      const rec: InvocationRecord = {
        seq: ++this.seq,
        invokeId: this.newInvokeId(),
        commandId: ids.get(cat.name) as string,
        commandName: cat.name,
        commandType: cat.type,
        description: '',
        content: cat.content,
        parameters: '{}',
        timed: false,
        frequency: '',
        createdAt,
        username: cat.os === 'windows' ? 'System' : 'root',
        workingDir: cat.os === 'windows' ? 'C:\\Windows\\system32' : '/root',
        timeout: 60,
        runs: [],
        schedule: null,
        catalog: cat,
        durationMs: null,
        dead: false,
        finalStatus: null,
        finalLegacy: null,
        settleAt: 0,
      };
      const statuses: InstanceStatus[] = [];
      for (let j = 0; j < k; j++) {
        const inst = pool[(first + j) % pool.length];
        const outcome = this.rng.weighted(cat.outcomes);
        const errorCode = this.randomErrorCode(outcome);
        const pendingMs = this.rng.int(300, 1_500);
        const never = NEVER_STARTS.has(outcome);
        const dur = outcome === 'Timeout' ? 60_000 : this.rng.int(cat.durationMs[0], cat.durationMs[1]);
        const startAt = never ? null : createdAt + pendingMs;
        rec.runs.push({
          inst,
          startAt,
          finishAt: never ? createdAt + pendingMs : (startAt as number) + dur,
          outcome,
          final: outcome,
          exitCode: outcome === 'Success' ? 0 : outcome === 'Failed' ? EXIT_CODES[this.rng.int(0, EXIT_CODES.length - 1)] : null,
          errorCode,
          output: null,
          forcedOutcome: false,
          stopAt: null,
          stopDoneAt: null,
        });
        statuses.push(outcome);
      }
      let settle = createdAt;
      for (const r of rec.runs) if (r.finishAt > settle) settle = r.finishAt;
      rec.settleAt = settle;
      if (settle <= now) {
        rec.finalStatus = overallStatus(statuses);
        rec.finalLegacy = legacyInvokeStatus(rec.finalStatus);
      } else this.active.add(rec);
      this.byId.set(rec.invokeId, rec);
      added.push(rec);
    }
    const live = this.recs.slice(this.head);
    this.head = 0;
    if (live.length === 0 || live[0].createdAt >= end) this.recs = added.concat(live);
    else this.recs = live.concat(added).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
    this.instanceIndexStale = true;
    this.prune();
  }

  /** StopInvocation: running instances go Stopping -> Terminated, not-started ones Cancelled, scheduled ones Stopped. */
  stopInvocation(invokeId: string, instanceIds?: readonly string[]): boolean {
    const rec = this.byId.get(invokeId);
    if (!rec) return false;
    const now = this.clock.now();
    const only = instanceIds && instanceIds.length > 0 ? new Set(instanceIds) : null;
    let changed = false;
    for (const run of rec.runs) {
      if (only && !only.has(run.inst.instanceId)) continue;
      if (run.stopAt !== null) continue;
      const state = this.instanceState(rec, run, now);
      if (state.status === 'Pending') {
        run.stopAt = now;
        run.stopDoneAt = now;
      } else if (state.status === 'Running') {
        run.stopAt = now;
        run.stopDoneAt = now + this.rng.int(500, 2_000);
      } else if (state.status === 'Scheduled') {
        run.stopAt = now;
        run.stopDoneAt = now;
      } else continue;
      changed = true;
    }
    if (changed) this.settleTime(rec);
    return true;
  }

  // ---------------------------------------------------------------- reading state

  /** Nothing to drive: state is read off the clock. Settles finished records and applies retention. */
  tick(): void {
    this.refresh();
  }

  /** Settle records whose last change has passed and apply retention. Called before every read. */
  refresh(): void {
    const now = this.clock.now();
    for (const rec of this.active) if (rec.settleAt <= now) this.settle(rec, now);
    this.prune();
  }

  private settle(rec: InvocationRecord, now: number): void {
    rec.finalStatus = overallStatus(rec.runs.map((r) => this.instanceState(rec, r, now).status));
    rec.finalLegacy = legacyInvokeStatus(rec.finalStatus);
    this.active.delete(rec);
  }

  private prune(): void {
    const cutoff = this.clock.now() - RETENTION_MS;
    const recs = this.recs;
    while (this.head < recs.length && (recs.length - this.head > MAX_RECORDS || recs[this.head].createdAt < cutoff)) {
      const old = recs[this.head++];
      old.dead = true;
      this.byId.delete(old.invokeId);
      this.active.delete(old);
    }
    if (this.head > 4_096 && this.head * 2 > recs.length) {
      this.recs = recs.slice(this.head);
      this.head = 0;
      this.instanceIndexStale = true;
    }
  }

  /** Number of retained invocations. */
  size(): number {
    return this.recs.length - this.head;
  }

  /** Invocations that are not final yet. */
  activeCount(): number {
    this.refresh();
    return this.active.size;
  }

  record(invokeId: string): InvocationRecord | undefined {
    return this.byId.get(invokeId);
  }

  overall(rec: InvocationRecord, t = this.clock.now()): InvocationStatus {
    if (rec.finalStatus !== null && t >= rec.settleAt) return rec.finalStatus;
    return overallStatus(rec.runs.map((r) => this.instanceState(rec, r, t).status));
  }

  /** A readable snapshot for tests: overall status and each instance's state now. */
  get(invokeId: string): { invokeId: string; status: InvocationStatus; invokeStatus: InvokeStatus; instances: InstanceState[] } | undefined {
    this.refresh();
    const rec = this.byId.get(invokeId);
    if (!rec) return undefined;
    const now = this.clock.now();
    const status = this.overall(rec, now);
    return { invokeId, status, invokeStatus: legacyInvokeStatus(status), instances: rec.runs.map((r) => this.instanceState(rec, r, now)) };
  }

  instanceStates(rec: InvocationRecord, t = this.clock.now()): InstanceState[] {
    return rec.runs.map((r) => this.instanceState(rec, r, t));
  }

  private instanceState(rec: InvocationRecord, run: Run, t: number): InstanceState {
    if (rec.schedule && run.startAt !== null) return this.scheduledState(rec, run, t);
    const id = run.inst.instanceId;
    const created = rec.createdAt;
    if (run.stopAt !== null && t >= run.stopAt) {
      const stopAt = run.stopAt;
      if (run.startAt === null || stopAt < run.startAt) {
        return state(id, created, 'Cancelled', 'Stopped', null, '', 0, null, null, stopAt, stopAt, 1, 0);
      }
      const fraction = (stopAt - run.startAt) / Math.max(1, run.finishAt - run.startAt);
      const done = run.stopDoneAt as number;
      if (t < done) return state(id, created, 'Stopping', 'Stopping', null, '', 1, run.startAt, null, stopAt, stopAt, 1, fraction);
      return state(id, created, 'Terminated', 'Stopped', null, '', 1, run.startAt, done, stopAt, done, 1, fraction);
    }
    if (run.startAt === null) {
      if (t < run.finishAt) return state(id, created, 'Pending', 'Running', null, '', 0, null, null, null, created, 1, 0);
      return state(id, created, run.final, legacyInstance(run.final), null, run.errorCode, 0, null, run.finishAt, null, run.finishAt, 1, 0);
    }
    if (t < run.startAt) return state(id, created, 'Pending', 'Running', null, '', 0, null, null, null, created, 1, 0);
    if (t < run.finishAt) {
      const fraction = (t - run.startAt) / Math.max(1, run.finishAt - run.startAt);
      return state(id, created, 'Running', 'Running', null, '', 1, run.startAt, null, null, t, 1, fraction);
    }
    return state(id, created, run.final, legacyInstance(run.final), run.exitCode, run.errorCode, 1, run.startAt, run.finishAt, null, run.finishAt, 1, 1);
  }

  /** Duration and result of the k-th run of a scheduled invocation on one instance. */
  private scheduledRun(rec: InvocationRecord, run: Run, k: number): { durationMs: number; outcome: Outcome; exitCode: number | null } {
    const h = hash32(`${rec.invokeId}/${run.inst.instanceId}/${k}`, this.seed);
    const r = new Prng(h);
    let durationMs = rec.durationMs ?? (rec.catalog ? r.int(rec.catalog.durationMs[0], rec.catalog.durationMs[1]) : r.int(500, 2_000));
    let outcome: Outcome = 'Success';
    if (run.forcedOutcome) outcome = run.outcome === 'Success' ? 'Success' : 'Failed';
    else if (rec.catalog) outcome = r.weighted(rec.catalog.outcomes) === 'Success' ? 'Success' : 'Failed';
    const exitCode = outcome === 'Success' ? 0 : (run.exitCode ?? r.pick(EXIT_CODES));
    if (durationMs < 1) durationMs = 1;
    return { durationMs, outcome, exitCode };
  }

  private scheduledState(rec: InvocationRecord, run: Run, t: number): InstanceState {
    const schedule = rec.schedule as Schedule;
    const stopped = run.stopAt !== null && t >= run.stopAt;
    const horizon = stopped ? (run.stopAt as number) : t;
    const k = schedule.countAt(horizon);
    const id = run.inst.instanceId;
    const created = rec.createdAt;
    let runningAtHorizon = false;
    let startAt: number | null = null;
    let finishAt: number | null = null;
    let exitCode: number | null = null;
    let errorCode = '';
    let fraction = 0;
    if (k > 0) {
      const f = schedule.fireAt(k);
      const r = this.scheduledRun(rec, run, k);
      startAt = f;
      if (horizon < f + r.durationMs) {
        runningAtHorizon = true;
        fraction = (horizon - f) / r.durationMs;
        // The previous run's result stays visible while the next one runs.
        if (k > 1) {
          const prev = this.scheduledRun(rec, run, k - 1);
          exitCode = prev.exitCode;
          errorCode = prev.outcome === 'Success' ? '' : 'ExitCodeNonzero';
        }
      } else {
        finishAt = f + r.durationMs;
        exitCode = r.exitCode;
        errorCode = r.outcome === 'Success' ? '' : 'ExitCodeNonzero';
        fraction = 1;
      }
    }
    if (stopped) {
      const stopAt = run.stopAt as number;
      if (runningAtHorizon) {
        const done = run.stopDoneAt as number;
        if (t < done) {
          return state(id, created, 'Stopping', 'Stopping', exitCode, errorCode, k, startAt, null, stopAt, stopAt, k, fraction);
        }
        return state(id, created, 'Terminated', 'Stopped', exitCode, errorCode, k, startAt, done, stopAt, done, k, fraction);
      }
      return state(id, created, 'Stopped', 'Stopped', exitCode, errorCode, k, startAt, finishAt, stopAt, stopAt, k, fraction);
    }
    const status: InstanceStatus = runningAtHorizon ? 'Running' : 'Scheduled';
    const updateAt = runningAtHorizon ? t : (finishAt ?? rec.createdAt);
    return state(id, created, status, 'Running', exitCode, errorCode, k, startAt, finishAt, null, updateAt, k, fraction);
  }

  /** Past runs of a scheduled invocation on one instance, newest first (IncludeHistory). */
  history(rec: InvocationRecord, instanceId: string, t = this.clock.now()): InstanceState[] {
    const run = rec.runs.find((r) => r.inst.instanceId === instanceId);
    if (!run) return [];
    const current = this.instanceState(rec, run, t);
    if (!rec.schedule || run.startAt === null) return [current];
    const rows: InstanceState[] = [];
    const k = current.repeats;
    if (current.status === 'Running' || current.status === 'Stopping' || current.status === 'Terminated') rows.push(current);
    const lastDone = current.status === 'Running' || current.status === 'Stopping' || current.status === 'Terminated' ? k - 1 : k;
    for (let i = lastDone; i >= 1 && rows.length < HISTORY_RUNS; i--) {
      const f = rec.schedule.fireAt(i);
      const r = this.scheduledRun(rec, run, i);
      const code = r.outcome === 'Success' ? '' : 'ExitCodeNonzero';
      rows.push(state(instanceId, rec.createdAt, r.outcome, 'Finished', r.exitCode, code, i, f, f + r.durationMs, null, f + r.durationMs, i, 1));
    }
    return rows;
  }

  /** Dropped bytes of one instance's run without building the served text (cheap for listings). */
  dropped(rec: InvocationRecord, instanceId: string, state: Pick<InstanceState, 'runIndex' | 'fraction' | 'status' | 'exitCode'>): number {
    if (state.fraction <= 0) return 0;
    const run = rec.runs.find((r) => r.inst.instanceId === instanceId);
    if (!run) return 0;
    if (rec.schedule || run.output) return this.output(rec, instanceId, state).dropped;
    if (state.fraction >= 1 && run.fullDropped !== undefined) return run.fullDropped;
    // The text is generated at most once here (a 40 KB log tail was built twice per final run).
    let full: Buffer | undefined;
    if (run.fullBytes === undefined) run.fullBytes = (full = this.fullOutput(rec, run, state)).length;
    const bytes = state.fraction < 1 ? Math.floor(run.fullBytes * state.fraction) : run.fullBytes;
    if (bytes <= OUTPUT_LIMIT_BYTES) return 0;
    const { dropped } = served(full ?? this.fullOutput(rec, run, state), state.fraction);
    if (state.fraction >= 1) run.fullDropped = dropped;
    return dropped;
  }

  private fullOutput(rec: InvocationRecord, run: Run, state: Pick<InstanceState, 'runIndex' | 'exitCode'>): Buffer {
    if (run.output) return run.output;
    const seed = hash32(`${rec.invokeId}/${run.inst.instanceId}/${state.runIndex}`, this.seed);
    const text = rec.catalog
      ? rec.catalog.output({ instanceName: run.inst.instanceName, exitCode: state.exitCode ?? run.exitCode, outcome: run.outcome, seed })
      : defaultOutput(rec, run);
    return Buffer.from(text, 'utf8');
  }

  /** The output of one instance's run as served: grown to `fraction`, cut at 24 KB. */
  output(rec: InvocationRecord, instanceId: string, state: Pick<InstanceState, 'runIndex' | 'fraction' | 'status' | 'exitCode'>): { text: Buffer; dropped: number } {
    if (state.fraction <= 0) return { text: Buffer.alloc(0), dropped: 0 };
    const run = rec.runs.find((r) => r.inst.instanceId === instanceId);
    if (!run) return { text: Buffer.alloc(0), dropped: 0 };
    return served(this.fullOutput(rec, run, state), state.fraction);
  }

  // ---------------------------------------------------------------- listing

  /**
   * Invocations matching `filter`, newest first, visited in order; `visit` returns false to stop.
   * Scans the records in creation order from the end (no sorting); `InvokeStatus=Running` walks
   * only the active set.
   */
  scan(filter: InvocationFilter, visit: (rec: InvocationRecord) => boolean, from?: { createdAt: number; seq: number }): void {
    this.refresh();
    const now = this.clock.now();
    // Instances compare by object; the per-instance index already holds only that instance's records.
    const inst = filter.instanceId === undefined ? undefined : (this.byInstance.get(filter.instanceId) ?? null);
    if (inst === null) return;
    let viaIndex = false;
    const match = (rec: InvocationRecord): boolean => {
      if (filter.commandId !== undefined && rec.commandId !== filter.commandId) return false;
      if (filter.commandName !== undefined && rec.commandName !== filter.commandName) return false;
      if (filter.commandType !== undefined && rec.commandType !== filter.commandType) return false;
      if (filter.timed !== undefined && rec.timed !== filter.timed) return false;
      if (filter.repeatMode !== undefined && (rec.timed ? 'Period' : 'Once') !== filter.repeatMode) return false;
      if (inst !== undefined && !viaIndex) {
        const runs = rec.runs;
        let found = false;
        for (let i = 0; i < runs.length; i++) if (runs[i].inst === inst) found = true;
        if (!found) return false;
      }
      if (filter.invokeStatus !== undefined) {
        const legacy = rec.finalLegacy !== null && now >= rec.settleAt ? rec.finalLegacy : legacyInvokeStatus(this.overall(rec, now));
        if (legacy !== filter.invokeStatus) return false;
      }
      return true;
    };
    const before = (rec: InvocationRecord) =>
      !from || rec.createdAt < from.createdAt || (rec.createdAt === from.createdAt && rec.seq < from.seq);
    if (filter.invokeId !== undefined) {
      const rec = this.byId.get(filter.invokeId);
      if (rec && before(rec) && match(rec)) visit(rec);
      return;
    }
    if (filter.invokeStatus === 'Running') {
      const list = [...this.active].sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
      for (const rec of list) if (before(rec) && match(rec) && !visit(rec)) return;
      return;
    }
    if (filter.instanceId !== undefined) {
      const list = this.instanceIndex(filter.instanceId);
      viaIndex = true;
      for (let i = list.length - 1; i >= 0; i--) {
        const rec = list[i];
        if (rec.dead) break;
        if (before(rec) && match(rec) && !visit(rec)) return;
      }
      return;
    }
    for (let i = this.recs.length - 1; i >= this.head; i--) {
      const rec = this.recs[i];
      if (before(rec) && match(rec) && !visit(rec)) return;
    }
  }

  /** Newest-first slice of all records without a filter: O(page), for the unfiltered listing. */
  newest(offset: number, limit: number): InvocationRecord[] {
    this.refresh();
    const out: InvocationRecord[] = [];
    for (let i = this.recs.length - 1 - offset; i >= this.head && out.length < limit; i--) out.push(this.recs[i]);
    return out;
  }

  /** Every retained record in creation order (oldest first). */
  *records(): IterableIterator<InvocationRecord> {
    for (let i = this.head; i < this.recs.length; i++) yield this.recs[i];
  }
}

/** A run's output as served: grown to `fraction` of the full text, cut at 24 KB. */
function served(full: Buffer, fraction: number): { text: Buffer; dropped: number } {
  const grown = fraction < 1 ? full.subarray(0, utf8Boundary(full, Math.floor(full.length * fraction))) : full;
  const { kept, dropped } = cutOutput(grown);
  return { text: kept, dropped };
}

/** One shape for every InstanceState (object spreads here cost tens of microseconds per call). */
function state(
  instanceId: string,
  createdAt: number,
  status: InstanceStatus,
  legacy: string,
  exitCode: number | null,
  errorCode: string,
  repeats: number,
  startAt: number | null,
  finishAt: number | null,
  stopAt: number | null,
  updateAt: number,
  runIndex: number,
  fraction: number,
): InstanceState {
  return {
    instanceId,
    status,
    legacy,
    exitCode,
    errorCode,
    errorInfo: errorCode ? (ERROR_INFO[errorCode] ?? errorCode) : '',
    repeats,
    createdAt,
    startAt,
    finishAt,
    stopAt,
    updateAt,
    runIndex,
    fraction,
  };
}

/** `sleep N` in a script: how long it runs, in ms (0 when it does not sleep). */
function sleepMs(content: string): number {
  const m = /\bsleep\s+(\d+)\b/.exec(content);
  return m ? Number(m[1]) * 1_000 : 0;
}

function exitInContent(content: string): number | undefined {
  const m = /^\s*exit\s+(\d+)\s*$/m.exec(content);
  return m && m[1] !== '0' ? Number(m[1]) : undefined;
}

function defaultOutput(rec: InvocationRecord, run: Run): string {
  const first = rec.content.split('\n').find((l) => l.trim() !== '') ?? '';
  const echo = /^\s*echo\s+(.*)$/.exec(first);
  if (echo) return echo[1].replace(/^["']|["']$/g, '') + '\n';
  if (run.outcome === 'Failed') return `${first}\n${first.split(/\s+/)[0] || 'sh'}: exit status ${run.exitCode}\n`;
  return `ok: ${first}\n`;
}
