// What the UI asks of the poller: intents only. Data flows api -> poller -> store -> ui; the UI
// never calls the API itself. The real poller (src/poller) satisfies this structurally.
import type { GroupBook } from '../group/book.js';
import type { MonitorDemand } from '../poller/jobs/demands.js';

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
  /** The groups the outputs demand fills (`{ kind: 'outputs', invokeId }`: the groups view). */
  readonly groups?: GroupBook;
  /** Watch these regions from now on (`:region a,b`); absent where regions cannot be added (the demo). */
  setRegions?(regions: readonly string[]): void;
}
