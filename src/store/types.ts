// The shape of the local state store and the contract between poller (writes) and UI (reads).
// The implementation lives beside this file; the UI reads it only through selectors.
import type { ApiError } from '../api/errors.js';
import type { Invocation, DescribeInvocationsParams } from '../api/model.js';
import type { InvocationStatus } from '../api/wire.js';
import type { RunHistory } from './runs.js';
import type { FleetState } from './names.js';

/** Decoded output of one instance of one invocation, as last fetched. */
export interface OutputEntry {
  invokeId: string;
  instanceId: string;
  text: string;
  /** Bytes the service cut beyond 24 KB. */
  dropped: number;
  fetchedAt: number;
  /** True when the instance was final at fetch time: the text will not grow. */
  complete: boolean;
}

export interface StatusTransition {
  invokeId: string;
  from: InvocationStatus | undefined;
  to: InvocationStatus;
  at: number;
}

export type PollPhase =
  | 'starting' // no data yet
  | 'ok' // last tick succeeded
  | 'retrying' // retryable failure, backing off
  | 'failed'; // final failure: polling stopped until the user acts (`r`)

/** Why the interval is wider than what the screen asks for. */
export type SlowedBy = 'throttled' | 'budget';

/** What the header shows of one scheduler's pace (per region, with one scheduler per region). */
export interface BudgetStats {
  callsLastMinute: number;
  /** `--budget`. */
  perMinute: number;
  throttledLastMinute: number;
  /** The delay chosen before the next tick, ms. */
  intervalMs: number;
  /** When the next tick is due (undefined when none is scheduled). */
  nextPollAt?: number;
  slowed?: SlowedBy;
}

export interface PollState {
  phase: PollPhase;
  /** Epoch ms of the last successful tick (data age = now - this). */
  lastSuccessAt?: number;
  /** The error that put us in retrying/failed. */
  lastError?: ApiError;
  /** When the current run of failures began. */
  failingSince?: number;
  /** When the next attempt is due (retrying) or the next tick (ok). */
  nextTickAt?: number;
  inFlight: boolean;
  /** API calls made since start (for the header and the benchmarks). */
  calls: number;
  /** What the endpoint answered that looked wrong (paging that never ends), once seen. */
  notice?: string;
  /** Calls in the last minute against `--budget`, as of the last tick's end. */
  budget?: BudgetStats;
}

/**
 * The filters in force: the API's (sent by the poller as they are) and `localStatus`, applied by
 * the store when the API's InvokeStatus is wider than what was asked (`--status Scheduled`).
 */
export interface StoreFilters extends DescribeInvocationsParams {
  localStatus?: InvocationStatus;
}

/** One region of a view over several (src/store/merged.ts). */
export interface RegionSummary {
  regionId: string;
  poll: PollState;
  /** Invocations listed from it. */
  loaded: number;
}

export interface StoreState {
  /** Bumped on every change. */
  version: number;
  /**
   * Bumped only when invocations, order or outputs change (not for poll state), so selectors
   * that derive from the data can memoise across ticks that changed nothing but the header.
   */
  dataVersion: number;
  /** Entities by InvokeId; an entity object is replaced (never mutated) when it changes. */
  invocations: ReadonlyMap<string, Invocation>;
  /** InvokeIds, newest CreationTime first; a new array only when membership or order changes. */
  order: readonly string[];
  /** TotalCount the API reported for the user's filters, when known. */
  totalCount?: number;
  /** True when every page up to --history (or the end) is loaded. */
  historyComplete: boolean;
  /** Output by `${invokeId}/${instanceId}`; bounded LRU by bytes. */
  outputs: ReadonlyMap<string, OutputEntry>;
  /** Run history of scheduled invocations by InvokeId (runs.ts), the few opened last. */
  runs: ReadonlyMap<string, RunHistory>;
  /** Recent transitions, newest last, bounded. */
  transitions: readonly StatusTransition[];
  poll: PollState;
  /** The filters in force (from flags, then the `:` prompt). */
  filters: StoreFilters;
  /**
   * Invocations dropped because the store's byte bound was reached (0: none): history is cut
   * for memory and the header says so.
   */
  evictedForMemory: number;
  /** Names, IPs and agent states of instances (./names.ts), as far as looked up. */
  fleet: FleetState;
  /** InvokeIds the user watches for alerts (`W` on a row). */
  watched: ReadonlySet<string>;
  /** Several regions in one view: each one's state, in the order asked for (absent for one region). */
  regions?: readonly RegionSummary[];
  /** Several regions: the region an invocation came from. */
  regionOf?: (invokeId: string) => string | undefined;
}

export type Listener = () => void;

export interface Store {
  getState(): StoreState;
  subscribe(listener: Listener): () => void;
  /**
   * Keep `invokeId` through the store's bounds and its local status filter while it is on
   * screen; the returned function releases it (counted: several holders may protect one id).
   */
  protect(invokeId: string): () => void;
}
