// What the UI asks of the poller: intents only. Data flows api -> poller -> store -> ui; the UI
// never calls the API itself. The real poller (src/poller) satisfies this structurally.

export interface Focus {
  invokeId: string;
  /** Set on the output screen: the one instance whose output is fetched. */
  instanceId?: string;
}

export interface UiPoller {
  /** `r`: tick now, and resume polling after a final error. */
  refreshNow(): void;
  /** What is on screen, so the poller fetches details and output only for that. */
  setFocus(focus: Focus | null): void;
  /** The cursor reached the end of the loaded rows: fetch the next history page. */
  loadMore(): void;
  stopInvocation(invokeId: string, instanceIds?: string[]): Promise<void>;
}
