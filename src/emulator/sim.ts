// The simulated Cloud Assistant: a fleet of instances and the invocations run on them.
// State is a function of time: each instance run is planned when the invocation is created
// (planning.ts), kept in the ledger (ledger.ts) and its status is read off the clock at query time
// (lifecycle.ts). Nothing moves unless the clock does, so a FakeClock makes every life cycle exact.
import type { Clock } from '../clock.js';
import { legacyInvokeStatus } from '../api/status.js';
import type { InvocationStatus, InvokeStatus } from '../api/wire.js';
import { CATALOG, ROUTINE, catalogByName, type CatalogCommand, type Os } from './catalog.js';
import { Ledger, type Cursor } from './ledger.js';
import { historyAt, overallAt, stateAt } from './lifecycle.js';
import {
  RETENTION_MS,
  runOf,
  type InstanceState,
  type InvocationFilter,
  type InvocationRecord,
  type RunCommandSpec,
  type SeedOptions,
  type SimInstance,
} from './model.js';
import { newRecord, planPastRun, planRun } from './planning.js';
import { Prng } from './prng.js';
import { runDropped, runOutput } from './runOutput.js';
import { parseSchedule } from './schedule.js';

export type { Os, Outcome } from './catalog.js';
export { HISTORY_RUNS, MAX_RECORDS, RETENTION_MS } from './model.js';
export type { InstanceState, InvocationFilter, InvocationRecord, OutcomeInput, OutcomeSpec, RepeatMode, RunCommandSpec, SeedOptions, SimInstance } from './model.js';

type OutputState = Pick<InstanceState, 'runIndex' | 'fraction' | 'status' | 'exitCode'>;

interface Command {
  name: string;
  type: string;
  content: string;
  description: string;
}

/** The zone-family part of instance ids, as ECS writes them per region. */
function instancePrefix(regionId: string): string {
  const known: Record<string, string> = { 'cn-shanghai': 'uf6', 'cn-beijing': '2ze', 'cn-shenzhen': 'wz9' };
  return `i-${known[regionId] ?? 'bp1'}`;
}

function regionCode(regionId: string): string {
  const known: Record<string, string> = { 'cn-hangzhou': 'hz', 'cn-shanghai': 'sh', 'cn-beijing': 'bj', 'cn-shenzhen': 'sz' };
  return known[regionId] ?? regionId.replace(/[^a-z]/g, '').slice(0, 2).padEnd(2, 'x');
}

export class Simulation {
  readonly fleet: SimInstance[] = [];
  private readonly byInstance = new Map<string, SimInstance>();
  private readonly ledger: Ledger;
  private readonly commands = new Map<string, Command>();
  private seq = 0;
  private readonly rng: Prng;
  private readonly code: string;
  private readonly prefix: string;

  constructor(
    readonly clock: Clock,
    readonly seed: number,
    readonly regionId: string,
  ) {
    this.rng = new Prng(seed);
    this.code = regionCode(regionId);
    this.prefix = instancePrefix(regionId);
    this.ledger = new Ledger(clock);
  }

  now(): number {
    return this.clock.now();
  }

  // ---------------------------------------------------------------- fleet

  /** Add `n` instances (about a quarter Windows) with ids like `i-bp1...` (`i-uf6...` in cn-shanghai). */
  addInstances(n: number, opts: { windowsShare?: number } = {}): SimInstance[] {
    const share = opts.windowsShare ?? 0.25;
    const roles = ['web', 'api', 'worker', 'db', 'cache', 'batch', 'gw'];
    const added: SimInstance[] = [];
    for (let i = 0; i < n; i++) {
      const index = this.fleet.length;
      // Deterministic mix: every 4th instance (offset) is Windows at the default share.
      const os: Os = share > 0 && index % Math.max(1, Math.round(1 / share)) === 3 ? 'windows' : 'linux';
      let id: string;
      do id = [this.prefix, this.rng.chars(17)].join(''); // join: a flat string, cheap to compare
      while (this.byInstance.has(id));
      const role = os === 'windows' ? 'win-app' : roles[index % roles.length];
      const inst: SimInstance = {
        instanceId: id,
        instanceName: `${role}-${String(index + 1).padStart(2, '0')}`,
        os,
        running: true,
        agentRunning: true,
        released: false,
        index,
        createdAt: this.clock.now(),
        changedAt: this.clock.now(),
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

  /**
   * Stop/start an instance or its agent: later invocations on it end Aborted (InstanceNotRunning /
   * ClientNotRunning). A released instance leaves DescribeInstances; the API refuses it as a target.
   */
  setInstanceState(instanceId: string, state: { running?: boolean; agentRunning?: boolean; released?: boolean }): void {
    const inst = this.byInstance.get(instanceId);
    if (!inst) throw new Error(`unknown instance ${instanceId}`);
    if (state.running !== undefined) inst.running = state.running;
    if (state.agentRunning !== undefined) inst.agentRunning = state.agentRunning;
    if (state.released !== undefined) inst.released = state.released;
    inst.changedAt = this.clock.now();
  }

  // ---------------------------------------------------------------- commands

  registerCommand(cmd: { name: string; type: string; content: string; description?: string }): string {
    let id: string;
    do id = ['c-', this.code, this.rng.chars(12)].join('');
    while (this.commands.has(id));
    this.commands.set(id, { description: '', ...cmd });
    return id;
  }

  command(commandId: string): Command | undefined {
    return this.commands.get(commandId);
  }

  /** RunCommand without KeepCommand: the command goes, its invocations keep its CommandId. */
  deleteCommand(commandId: string): void {
    this.commands.delete(commandId);
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
    while (this.ledger.has(id));
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
    const os = insts[0].os;
    const commandType = spec.commandType ?? catalog?.type ?? (os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript');
    const name = spec.name ?? catalog?.name ?? '';
    const commandId =
      spec.commandId ?? this.registerCommand({ name, type: commandType, content: spec.commandContent, description: spec.description ?? '' });
    const frequency = spec.frequency ?? '';
    const timed = spec.timed ?? frequency !== '';
    const schedule = timed && frequency ? (parseSchedule(frequency, createdAt) ?? null) : null;
    const rec = newRecord({
      seq: ++this.seq,
      invokeId: this.newInvokeId(),
      commandId,
      commandName: name,
      commandType,
      content: spec.commandContent,
      createdAt,
      seed: this.seed,
      os,
      catalog,
      description: spec.description,
      parameters: typeof spec.parameters === 'string' ? spec.parameters : JSON.stringify(spec.parameters ?? {}),
      timed,
      frequency,
      repeatMode: spec.repeatMode,
      username: spec.username,
      workingDir: spec.workingDir,
      timeout: spec.timeout,
      schedule,
      durationMs: spec.durationMs,
    });
    const badSchedule = timed && !schedule;
    insts.forEach((inst, i) => rec.runs.push(planRun(this.rng, rec, inst, i, spec, badSchedule)));
    this.ledger.add(rec);
    return rec;
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
      const rec = newRecord({
        seq: ++this.seq,
        invokeId: this.newInvokeId(),
        commandId: ids.get(cat.name) as string,
        commandName: cat.name,
        commandType: cat.type,
        content: cat.content,
        createdAt,
        seed: this.seed,
        os: cat.os,
        catalog: cat,
      });
      for (let j = 0; j < k; j++) rec.runs.push(planPastRun(this.rng, cat, createdAt, pool[(first + j) % pool.length]));
      added.push(rec);
    }
    this.ledger.addPast(added, end);
  }

  /** StopInvocation: running instances go Stopping -> Terminated, not-started ones Cancelled, scheduled ones Stopped. */
  stopInvocation(invokeId: string, instanceIds?: readonly string[]): boolean {
    const rec = this.ledger.record(invokeId);
    if (!rec) return false;
    const now = this.clock.now();
    const only = instanceIds && instanceIds.length > 0 ? new Set(instanceIds) : null;
    let changed = false;
    for (const run of rec.runs) {
      if (only && !only.has(run.inst.instanceId)) continue;
      if (run.stopAt !== null) continue;
      const status = stateAt(rec, run, now).status;
      if (status === 'Pending' || status === 'Scheduled') {
        run.stopAt = now;
        run.stopDoneAt = now;
      } else if (status === 'Running') {
        run.stopAt = now;
        run.stopDoneAt = now + this.rng.int(500, 2_000);
      } else continue;
      changed = true;
    }
    if (changed) this.ledger.resettle(rec);
    return true;
  }

  // ---------------------------------------------------------------- reading state

  /** Nothing to drive: state is read off the clock. Settles finished records and applies retention. */
  tick(): void {
    this.ledger.refresh();
  }

  /** Settle records whose last change has passed and apply retention. Called before every read. */
  refresh(): void {
    this.ledger.refresh();
  }

  /** Number of retained invocations. */
  size(): number {
    return this.ledger.size();
  }

  /** Invocations that are not final yet. */
  activeCount(): number {
    return this.ledger.activeCount();
  }

  record(invokeId: string): InvocationRecord | undefined {
    return this.ledger.record(invokeId);
  }

  overall(rec: InvocationRecord, t = this.clock.now()): InvocationStatus {
    return overallAt(rec, t);
  }

  /** A readable snapshot for tests: overall status and each instance's state now. */
  get(invokeId: string): { invokeId: string; status: InvocationStatus; invokeStatus: InvokeStatus; instances: InstanceState[] } | undefined {
    this.ledger.refresh();
    const rec = this.ledger.record(invokeId);
    if (!rec) return undefined;
    const now = this.clock.now();
    const status = overallAt(rec, now);
    return { invokeId, status, invokeStatus: legacyInvokeStatus(status), instances: this.instanceStates(rec, now) };
  }

  instanceStates(rec: InvocationRecord, t = this.clock.now()): InstanceState[] {
    return rec.runs.map((r) => stateAt(rec, r, t));
  }

  /** Past runs of a scheduled invocation on one instance, newest first (IncludeHistory). */
  history(rec: InvocationRecord, instanceId: string, t = this.clock.now()): InstanceState[] {
    const run = runOf(rec, instanceId);
    return run ? historyAt(rec, run, t) : [];
  }

  /** Dropped bytes of one instance's run without building the served text (cheap for listings). */
  dropped(rec: InvocationRecord, instanceId: string, state: OutputState): number {
    return runDropped(rec, state.fraction > 0 ? runOf(rec, instanceId) : undefined, state);
  }

  /** The output of one instance's run as served: grown to `fraction`, cut at 24 KB. */
  output(rec: InvocationRecord, instanceId: string, state: OutputState): { text: Buffer; dropped: number } {
    return runOutput(rec, state.fraction > 0 ? runOf(rec, instanceId) : undefined, state);
  }

  // ---------------------------------------------------------------- listing

  /** Invocations matching `filter`, newest first, visited in order; `visit` returns false to stop. */
  scan(filter: InvocationFilter, visit: (rec: InvocationRecord) => boolean, from?: Cursor): void {
    const inst = filter.instanceId === undefined ? undefined : (this.byInstance.get(filter.instanceId) ?? null);
    this.ledger.scan(filter, inst, visit, from);
  }

  /** Newest-first slice of all records without a filter: O(page), for the unfiltered listing. */
  newest(offset: number, limit: number): InvocationRecord[] {
    return this.ledger.newest(offset, limit);
  }

  /** Every retained record in creation order (oldest first). */
  records(): IterableIterator<InvocationRecord> {
    return this.ledger.records();
  }
}
