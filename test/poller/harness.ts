// The poller on a fake clock against the real emulator over loopback, through the real client.
// Time moves only when the test says so; HTTP stays real and asynchronous, so helpers await the
// poller (or its request budget's clock timer) instead of sleeping.
import { FakeClock, type ClockTimer } from '../../src/clock.js';
import { EcsClient, type CredentialsProviderLike } from '../../src/api/client.js';
import type { ApiError } from '../../src/api/errors.js';
import type { CommandsApi, InvokeCommandParams, RunCommandParams } from '../../src/api/commands.js';
import type {
  DescribeInvocationResultsParams,
  DescribeInvocationsParams,
  InvocationsApi,
} from '../../src/api/model.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { createStore, type MutableStore, type StoreOptions } from '../../src/store/index.js';
import { createPoller, type Poller, type PollerOptions } from '../../src/poller/index.js';

/** A FakeClock that tells waiters when someone arms a timer (the budget waiting for a token). */
export class WatchedClock extends FakeClock {
  private waiters: (() => void)[] = [];

  override setTimeout(fn: () => void, ms: number): ClockTimer {
    const t = super.setTimeout(fn, ms);
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
    return t;
  }

  nextArm(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Mulberry32: a seeded jitter source that also remembers what it returned. */
export function recordedRandom(seed: number): (() => number) & { values: number[] } {
  let a = seed >>> 0;
  const values: number[] = [];
  const fn = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const v = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    values.push(v);
    return v;
  };
  return Object.assign(fn, { values });
}

export interface CallRecord {
  action: 'DescribeInvocations' | 'DescribeInvocationResults' | 'StopInvocation' | 'InvokeCommand' | 'RunCommand';
  params: DescribeInvocationsParams | DescribeInvocationResultsParams | { invokeId: string } | InvokeCommandParams | RunCommandParams;
  at: number;
  error?: ApiError;
  /** Real time the call took, ms (diagnostics only: tests assert no timings). */
  realMs?: number;
}

/** Passes every call to the real client and writes down what was asked, when, and how it ended. */
export class RecordingApi implements InvocationsApi, CommandsApi {
  readonly log: CallRecord[] = [];
  /** Most reads ever open at once (one tick at a time, one call at a time; StopInvocation is a user intent beside them). */
  maxInFlight = 0;
  /** Most calls of any kind ever open at once, StopInvocation included. */
  maxInFlightAll = 0;
  private open = 0;
  private openAll = 0;

  constructor(
    readonly client: EcsClient,
    private readonly clock: FakeClock,
  ) {}

  get regionId() {
    return this.client.regionId;
  }
  get endpoint() {
    return this.client.endpoint;
  }

  private async record<T>(action: CallRecord['action'], params: CallRecord['params'], run: () => Promise<T>): Promise<T> {
    const entry: CallRecord = { action, params: { ...params }, at: this.clock.now() };
    this.log.push(entry);
    const read = action.startsWith('Describe');
    if (read) this.maxInFlight = Math.max(this.maxInFlight, ++this.open);
    this.maxInFlightAll = Math.max(this.maxInFlightAll, ++this.openAll);
    const t0 = performance.now();
    try {
      return await run();
    } catch (e) {
      entry.error = e as ApiError;
      throw e;
    } finally {
      if (read) this.open--;
      this.openAll--;
      entry.realMs = performance.now() - t0;
    }
  }

  describeInvocations(params: DescribeInvocationsParams) {
    return this.record('DescribeInvocations', params, () => this.client.describeInvocations(params));
  }
  describeInvocationResults(params: DescribeInvocationResultsParams) {
    return this.record('DescribeInvocationResults', params, () => this.client.describeInvocationResults(params));
  }
  stopInvocation(invokeId: string, instanceIds?: string[]) {
    return this.record('StopInvocation', { invokeId }, () => this.client.stopInvocation(invokeId, instanceIds));
  }

  invokeCommand(params: InvokeCommandParams) {
    return this.record('InvokeCommand', params, () => this.client.invokeCommand(params));
  }
  runCommand(params: RunCommandParams) {
    return this.record('RunCommand', params, () => this.client.runCommand(params));
  }

  /** Calls made since `mark` (an index into the log). */
  since(mark: number): CallRecord[] {
    return this.log.slice(mark);
  }
}

/** The poller as these tests drive it: `setFocus` and `loadMore` stand for what the screens demand. */
export interface HarnessPoller extends Poller {
  /** What one screen shows: its demand replaces the last one (null releases it). */
  setFocus(focus: { invokeId: string; instanceId?: string } | null): void;
  /** The cursor reached the end of the list. */
  loadMore(): void;
}

function likeScreens(poller: Poller): HarnessPoller {
  let focus: { invokeId: string; instanceId?: string } | null = null;
  let release: (() => void) | undefined;
  return {
    ...poller,
    setFocus(next) {
      if (next?.invokeId === focus?.invokeId && next?.instanceId === focus?.instanceId) return;
      focus = next;
      release?.();
      release = undefined;
      if (!next) return;
      release = poller.demand(
        next.instanceId
          ? { kind: 'output', invokeId: next.invokeId, instanceId: next.instanceId }
          : { kind: 'invocation', invokeId: next.invokeId },
      );
    },
    loadMore() {
      poller.demand({ kind: 'history' });
    },
  };
}

export interface Harness {
  clock: WatchedClock;
  emu: RunningEmulator;
  client: EcsClient;
  api: RecordingApi;
  store: MutableStore;
  poller: HarnessPoller;
  /** Let the poller finish what it is doing, firing budget timers on the way. */
  settle(): Promise<void>;
  /** Move the clock forward by `ms`, running every tick that falls due, one at a time. */
  runFor(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  emulator?: EmulatorOptions;
  store?: StoreOptions;
  poller?: Partial<PollerOptions>;
  /** Swap credentials at run time (final-error tests). */
  credentials?: CredentialsProviderLike;
  timeoutMs?: number;
}

/** Runs a fake clock `ms` on, timer by timer, letting the pollers settle after each one. */
export function clockRunner(clock: { now(): number; nextDue(): number | undefined; set(t: number): void }, settle: () => Promise<void>) {
  return async function runFor(ms: number): Promise<void> {
    const end = clock.now() + ms;
    await settle();
    for (;;) {
      const due = clock.nextDue();
      if (due === undefined || due > end) break;
      clock.set(due);
      await settle();
    }
    clock.set(end);
    await settle();
  };
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const clock = opts.emulator?.clock instanceof WatchedClock ? opts.emulator.clock : new WatchedClock();
  const emu = await startEmulator({ seed: 7, fleet: 12, ...opts.emulator, clock });
  const client = new EcsClient({
    regionId: emu.regionId,
    endpoint: emu.endpoint,
    credentials: opts.credentials
      ? { provider: opts.credentials }
      : { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    timeoutMs: opts.timeoutMs ?? 5_000,
  });
  const api = new RecordingApi(client, clock);
  const store = createStore(opts.store);
  const poller = likeScreens(createPoller({ api, store, clock, random: recordedRandom(42), maxRps: 1_000, ...opts.poller }));

  async function settle(): Promise<void> {
    for (;;) {
      const armed = clock.nextArm();
      const done = await Promise.race([poller.idle().then(() => true), armed.then(() => false)]);
      // Let the tick's own bookkeeping (promise callbacks) run before looking again.
      await new Promise<void>((r) => setImmediate(r));
      if (done) return;
      if (!store.getState().poll.inFlight) {
        await poller.idle();
        return;
      }
      // In flight and a timer was armed: the request budget is waiting for a token.
      const due = clock.nextDue();
      if (due !== undefined) clock.set(due);
    }
  }

  const runFor = clockRunner(clock, settle);

  return {
    clock,
    emu,
    client,
    api,
    store,
    poller,
    settle,
    runFor,
    async close() {
      poller.stop();
      await poller.idle();
      await emu.stop();
    },
  };
}
