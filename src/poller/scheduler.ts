// The scheduler: when to run which job, within one region's limits. It owns the rules every
// fetch shares and knows nothing of what is fetched:
//   - one tick at a time, and one request in flight (a stop request waits its turn too);
//   - the request budget (`--max-rps`);
//   - backoff with full jitter after a retryable error, halting after a final one;
//   - demands: what the UI needs now; a new demand runs the jobs that serve it.
// A tick runs the due jobs in order; what they fetched is applied to the store in one batch
// after the tick, also when it failed half way. Store listeners run after that batch, outside
// the tick's error handling: a render error is not a polling error.
import type { Clock, ClockTimer } from '../clock.js';
import { realClock } from '../clock.js';
import { ApiError, isThrottling } from '../api/errors.js';
import type { MutableStore } from '../store/index.js';
import type { PollState } from '../store/types.js';
import { backoffDelay, MAX_TIMER_MS } from './backoff.js';
import { RequestBudget } from './budget.js';
import { Pace, type BudgetStats } from './pace.js';
import { Prng } from '../prng.js';

/** Something the UI needs; `kind` names the jobs that serve it (their `serves`). */
export interface Demand {
  readonly kind: string;
}

/** What a job sees while it runs. */
export interface JobContext<S, D extends Demand = Demand> {
  /** What the jobs share (the domain's state: the scheduler never reads it). */
  readonly state: S;
  /** Demands held now, of one kind. */
  demands<K extends D['kind']>(kind: K): readonly Extract<D, { kind: K }>[];
  /** A demand served for good (a one-off request): it is dropped, its release does nothing. */
  satisfied(demand: D): void;
  /** One API request: waits for its turn (one in flight) and for a token of the budget. */
  call<T>(fn: () => Promise<T>): Promise<T>;
  /** A token is free now: background work (history) runs only then, unless demanded. */
  spare(): boolean;
  /** Say that the endpoint answered something suspicious (shown in the header). */
  notice(text: string): void;
  now(): number;
}

/** One kind of fetch: when it is due, how it runs, how its result goes into the store. */
export interface Job<A, S, D extends Demand = Demand, R = unknown> {
  readonly key: string;
  /** Demand kinds this job serves: a new demand of such a kind runs this job now. */
  readonly serves?: readonly D['kind'][];
  /** A demand for it is served even before polling starts (the user asked for it). */
  readonly eager?: boolean;
  due(ctx: JobContext<S, D>): boolean;
  run(api: A, ctx: JobContext<S, D>): Promise<R>;
  /** After `run` failed half way: what it had fetched, to apply all the same (pages read before the error). */
  salvage?(ctx: JobContext<S, D>): R | undefined;
  /** Inside the tick's store batch; only for runs that completed. */
  apply(result: R, store: MutableStore, ctx: JobContext<S, D>): void;
}

export interface SchedulerOptions<A, S, D extends Demand> {
  api: A;
  store: MutableStore;
  state: S;
  /** In tick order: a later job may read what earlier ones learned this tick (through `state`). */
  jobs: readonly Job<A, S, D, unknown>[];
  clock?: Clock;
  /** Tick interval while `busy`. */
  intervalMs?: number;
  /** Tick interval otherwise. */
  idleIntervalMs?: number;
  /** Global request budget, calls per second. */
  maxRps?: number;
  /** The account's budget, calls a minute (`--budget`): ticks spread out to stay within it. */
  budgetPerMinute?: number;
  backoffCapMs?: number;
  /** Jitter source of the backoff; seeded in tests. */
  random?: () => number;
  /** Jitter source of a throttle-widened interval (pace.ts); its own, so the backoff's draws stay as they were. */
  paceRandom?: () => number;
  /** Called before each tick (reset what a tick learns). */
  beginTick?(state: S): void;
  /** After a tick's apply: is anything shown still changing (poll at `intervalMs`)? */
  busy?(ctx: JobContext<S, D>): boolean;
  /** A store listener threw (a render error). Default: rethrown outside the tick, to the process. */
  onListenerError?(error: unknown): void;
}

export interface Scheduler<D extends Demand> {
  start(): void;
  stop(): void;
  /** `r`: tick now (also leaves the halted phase and resets backoff). */
  refreshNow(): void;
  /** State a need; returns its release (call it when the screen closes). */
  demand(demand: D): () => void;
  /** Run the jobs of `keys` now (after the current tick, if one runs). */
  wake(keys: readonly string[]): Promise<void>;
  /** One request outside the jobs (a user's action), through the same one-in-flight and budget. */
  request<T>(fn: () => Promise<T>): Promise<T>;
  /** Resolves when no tick runs or waits. */
  idle(): Promise<void>;
  /** Run one full tick now and resolve when it is done (tests, --once). */
  tickOnce(): Promise<void>;
  /** What went out in the last minute against the budget, and when the next tick is due. */
  budgetStats(): BudgetStats;
  /** What the tick running now fetched is not applied (the filters changed under it). */
  discardCurrent(): void;
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError({ code: 'PollerError', message, kind: 'malformed', retryable: true });
}

const ALL = 'all';
type Keys = ReadonlySet<string> | typeof ALL;

/** The pace's own jitter source: seeded from a seeded backoff source (one draw, at start), so tests stay repeatable. */
function paceJitter(random: (() => number) | undefined): () => number {
  if (!random) return Math.random;
  const prng = new Prng(Math.floor(random() * 2 ** 32));
  return () => prng.next();
}

export function createScheduler<A, S, D extends Demand>(opts: SchedulerOptions<A, S, D>): Scheduler<D> {
  const { api, store, state, jobs } = opts;
  const clock = opts.clock ?? realClock;
  const intervalMs = Math.min(MAX_TIMER_MS, Math.max(1, opts.intervalMs ?? 2000));
  const idleIntervalMs = Math.min(MAX_TIMER_MS, Math.max(intervalMs, opts.idleIntervalMs ?? 10_000));
  const capMs = Math.min(MAX_TIMER_MS, Math.max(intervalMs, opts.backoffCapMs ?? 60_000));
  const random = opts.random ?? Math.random;
  const budget = new RequestBudget(clock, Math.max(0.1, opts.maxRps ?? 10));
  const pace = new Pace({ clock, baseMs: intervalMs, capMs, perMinute: opts.budgetPerMinute, random: opts.paceRandom ?? paceJitter(opts.random) });
  const onListenerError =
    opts.onListenerError ??
    ((error: unknown) =>
      queueMicrotask(() => {
        throw error;
      }));

  const held = new Set<D>();
  let failures = 0;
  let failingSince: number | undefined;
  let calls = 0;
  /** Calls of the last full tick: what the budget rule expects the next one to make. */
  let tickCalls = 0;
  let lastTickCalls = 1;
  /** Bumped by discardCurrent: a tick that began under another epoch applies nothing. */
  let epoch = 0;
  let started = false;
  let halted = false; // a final error: no timer until refreshNow
  let timer: ClockTimer | null = null;
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let queuedKeys: Set<string> | typeof ALL = new Set();
  let lane: Promise<unknown> = Promise.resolve(); // the one request in flight
  let notices: string[] = [];

  function request<T>(fn: () => Promise<T>): Promise<T> {
    const mine = lane.then(async () => {
      await budget.take();
      calls++;
      tickCalls++;
      pace.called();
      return fn();
    });
    lane = mine.catch(() => undefined);
    return mine;
  }

  const ctx: JobContext<S, D> = {
    state,
    demands: (kind) => [...held].filter((d) => d.kind === kind) as never,
    satisfied: (d) => void held.delete(d),
    call: request,
    spare: () => budget.waitMs() === 0,
    notice: (text) => void notices.push(text),
    now: () => clock.now(),
  };

  /** A store write whose listeners may throw: that is the UI's error, not the tick's. */
  function notify(write: () => void): void {
    try {
      write();
    } catch (e) {
      onListenerError(e);
    }
  }

  function cancelTimer(): void {
    if (timer) clock.clearTimeout(timer);
    timer = null;
  }

  function schedule(delay: number): number | undefined {
    cancelTimer();
    if (!started || halted) return undefined;
    const ms = Math.min(MAX_TIMER_MS, Math.max(0, delay));
    timer = clock.setTimeout(onTimer, ms);
    return clock.now() + ms;
  }

  function onTimer(): void {
    timer = null;
    void runTick(ALL);
  }

  async function doTick(keys: Keys): Promise<void> {
    const full = keys === ALL;
    const mine = epoch;
    if (full) tickCalls = 0;
    opts.beginTick?.(state);
    notices = [];
    const done: { job: Job<A, S, D, unknown>; result: unknown }[] = [];
    let error: ApiError | undefined;
    notify(() => store.setPoll({ inFlight: true }));
    for (const job of jobs) {
      if (!full && !keys.has(job.key)) continue;
      try {
        if (!job.due(ctx)) continue;
        done.push({ job, result: await job.run(api, ctx) });
      } catch (e) {
        error = toApiError(e);
        const partial = job.salvage?.(ctx);
        if (partial !== undefined) done.push({ job, result: partial });
        break;
      }
    }
    if (full) lastTickCalls = Math.max(1, tickCalls);
    if (mine !== epoch) done.length = 0;
    notify(() =>
      store.batch(() => {
        try {
          for (const { job, result } of done) job.apply(result, store, ctx);
        } catch (e) {
          error ??= toApiError(e);
        }
        store.setPoll(pollAfter(full, error));
      }),
    );
  }

  function pollAfter(full: boolean, error: ApiError | undefined): Partial<PollState> {
    const now = clock.now();
    let delay: number | undefined;
    const poll: Partial<PollState> = { inFlight: false, calls };
    if (notices.length > 0) poll.notice = notices[0];
    if (!error) {
      failures = 0;
      failingSince = undefined;
      Object.assign(poll, { phase: 'ok', lastSuccessAt: now, lastError: undefined, failingSince: undefined });
      if (full) pace.clean();
      if (full || !timer) delay = pace.delay(opts.busy?.(ctx) ? intervalMs : idleIntervalMs, lastTickCalls);
    } else if (error.retryable) {
      failingSince ??= now;
      if (isThrottling(error)) pace.throttled();
      delay = pace.delay(backoffDelay(failures, intervalMs, capMs, random, error.retryAfterMs), lastTickCalls);
      failures++;
      Object.assign(poll, { phase: 'retrying', lastError: error, failingSince });
    } else {
      halted = true;
      failingSince ??= now;
      Object.assign(poll, { phase: 'failed', lastError: error, failingSince, nextTickAt: undefined });
    }
    if (halted) cancelTimer();
    else if (delay !== undefined) poll.nextTickAt = schedule(delay);
    if (queued) poll.nextTickAt = now;
    if (poll.nextTickAt === undefined && !timer) pace.unscheduled();
    poll.budget = budgetStats();
    return poll;
  }

  function budgetStats(): BudgetStats {
    return pace.stats();
  }

  function runTick(keys: Keys): Promise<void> {
    if (current) {
      if (keys === ALL || queuedKeys === ALL) queuedKeys = ALL;
      else for (const k of keys) queuedKeys.add(k);
      queued ??= current.then(() => {
        queued = null;
        const next = queuedKeys;
        queuedKeys = new Set();
        return startTick(next);
      });
      return queued;
    }
    return startTick(keys);
  }

  function startTick(keys: Keys): Promise<void> {
    if (keys === ALL) cancelTimer();
    const tick = doTick(keys)
      .catch(() => undefined) // never reject out of a timer callback
      .finally(() => {
        if (current === tick) current = null;
      });
    current = tick;
    return tick;
  }

  return {
    start() {
      if (started) return;
      started = true;
      halted = false;
      void runTick(ALL);
    },
    stop() {
      started = false;
      cancelTimer();
    },
    refreshNow() {
      halted = false;
      failures = 0;
      void runTick(ALL);
    },
    demand(d) {
      held.add(d);
      const serving = jobs.filter((j) => j.serves?.includes(d.kind) && (started || j.eager));
      if (serving.length > 0 && !halted) void runTick(new Set(serving.map((j) => j.key)));
      return () => void held.delete(d);
    },
    wake(keys) {
      return runTick(new Set(keys));
    },
    request,
    async idle() {
      while (current || queued) await (queued ?? current);
    },
    tickOnce() {
      halted = false;
      return runTick(ALL);
    },
    budgetStats,
    discardCurrent() {
      if (current) epoch++;
    },
  };
}
