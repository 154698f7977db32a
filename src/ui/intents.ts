// What the UI asks of the poller: intents only. Data flows api -> poller -> store -> ui; the UI
// never calls the API itself. The real poller (src/poller) satisfies this structurally.
import type { GroupBook } from '../group/book.js';
import type { MonitorDemand } from '../poller/jobs/demands.js';
import type { RerunOutcome } from '../poller/rerun.js';
import type { StoreFilters } from '../store/types.js';

export type { MonitorDemand as Demand } from '../poller/jobs/demands.js';

export interface UiPoller {
  /** `r`: tick now, and resume polling after a final error. */
  refreshNow(): void;
  /**
   * What a screen needs: `{ kind: 'output', invokeId, instanceId }` (the output screen),
   * `{ kind: 'invocation', invokeId }` (the invocation screen), `{ kind: 'history' }` (the
   * cursor reached the end of the loaded rows: the next page), `{ kind: 'runs', invokeId }` (the
   * run grid: every past run, then newer ones), `{ kind: 'names', instanceIds }` and
   * `{ kind: 'agent', instanceIds }` (names, IPs and agent states of the instances on screen,
   * into the store's `fleet`). Returns the release, for when
   * the screen closes; the poller decides when to fetch, within the budget.
   */
  demand(demand: MonitorDemand): () => void;
  stopInvocation(invokeId: string, instanceIds?: string[]): Promise<void>;
  /** `R`: the invocation's command again on these instances; resolves with the new InvokeIds. */
  rerun?(invokeId: string, instanceIds: readonly string[]): Promise<RerunOutcome>;
  /** The groups the outputs demand fills (`{ kind: 'outputs', invokeId }`: the groups view). */
  readonly groups?: GroupBook;
  /** The `:` prompt: new API filters without a restart (page 1 again now, the list narrows at once). */
  setFilters?(filters: StoreFilters): void;
  /** The `:region` command, where the poller can change regions while running. */
  setRegions?(regions: readonly string[]): void;
  /** `W`: watch an invocation for alerts, or stop watching it. */
  watch?(invokeId: string, on: boolean): void;
}
