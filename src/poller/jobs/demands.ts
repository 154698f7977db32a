// What the UI can ask the invocation jobs for. A screen holds a demand while it is open and
// releases it when it closes; `history` is a one-off (served once, then dropped).

/** One instance's output (the output screen): every tick while it runs, once when final. */
export interface OutputDemand {
  kind: 'output';
  invokeId: string;
  instanceId: string;
}

/** One invocation with its instances (the invocation screen): once, then each tick while active. */
export interface InvocationDemand {
  kind: 'invocation';
  invokeId: string;
  /** Just started (a re-run): asked for again each tick until the service lists it. */
  fresh?: boolean;
}

/** An invocation's outputs, for grouping by output (the groups view): paged until all are final. */
export interface OutputsDemand {
  kind: 'outputs';
  invokeId: string;
}

/** The next history page now (the cursor reached the end of what is loaded). */
export interface HistoryDemand {
  kind: 'history';
}

/** Every past run of a scheduled invocation (the run grid): once in full, then runs newer than known. */
export interface RunsDemand {
  kind: 'runs';
  invokeId: string;
}

/** Names and IPs of instances on screen: looked up once, again when older than 10 minutes. */
export interface NamesDemand {
  kind: 'names';
  instanceIds: readonly string[];
}

/** The Cloud Assistant agent's state on instances on screen (those a Client* error names). */
export interface AgentDemand {
  kind: 'agent';
  instanceIds: readonly string[];
}

export type MonitorDemand = OutputDemand | InvocationDemand | HistoryDemand | RunsDemand | OutputsDemand | NamesDemand | AgentDemand;
