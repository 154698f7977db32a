// The store subscriber of the live monitor: on each change, decide which alerts fire and write
// their bytes on every channel asked for. The text is ours: a status, counts and the name, which
// sequences.ts makes safe.
import { invocationFamily } from '../api/status.js';
import { selectInvocation, selectOrder, selectPoll, selectTransitions, selectWatched } from '../store/selectors.js';
import type { Store } from '../store/types.js';
import { decideAlerts, INITIAL_ALERT_STATE, type Alert, type AlertState } from './decide.js';
import type { NotifyOptions } from './options.js';
import { alertBytes, restoreBytes, startBytes, type AlertMessage } from './sequences.js';

function percent(n: number): string {
  return `${Math.round(n * 100)}%`;
}

export function alertMessage(a: Alert, summary: string, ratio?: number): AlertMessage {
  const name = a.name ?? a.invokeId;
  const counts = a.instances > 0 ? ` (${a.failed} of ${a.instances} instances failed)` : '';
  if (a.kind === 'failedRatio') {
    return { title: 'catop: failing', body: `${name}: ${a.failed} of ${a.instances} instances failed, ${percent(a.failed / a.instances)} >= ${percent(ratio ?? 0)}`, summary };
  }
  return { title: `catop: ${a.status}`, body: `${name}${a.status === 'Success' ? '' : counts}`, summary };
}

/** `catop: 2 failed, 1 finished`: what the title says after the alerts so far. */
export function alertSummary(failed: number, finished: number): string {
  const parts = [failed > 0 ? `${failed} failed` : '', finished > 0 ? `${finished} finished` : ''].filter(Boolean);
  return `catop: ${parts.join(', ') || 'watching'}`;
}

/**
 * Subscribe to `store`; returns the function that unsubscribes and writes what restores the
 * terminal (the saved title). `env` is read for `$TMUX` (default the process's).
 */
export function startAlerts(store: Store, options: NotifyOptions, write: (bytes: string) => void, env: NodeJS.ProcessEnv = process.env): () => void {
  const ctx = { tmux: Boolean(env['TMUX']) };
  const rules = { watch: new Set(options.watch), on: options.on, failedRatio: options.failedRatio };
  // `--invoke-id` and what the user watches with `W` (the store's set), rebuilt when that changes.
  let watchedFrom: ReadonlySet<string> | undefined;
  const rulesFor = (watched: ReadonlySet<string>) => {
    if (watched !== watchedFrom) {
      watchedFrom = watched;
      rules.watch = new Set([...options.watch, ...watched]);
    }
    return rules;
  };
  let state: AlertState = INITIAL_ALERT_STATE;
  let failed = 0;
  let finished = 0;
  const start = startBytes(options.channels);
  if (start) write(start);
  const check = () => {
    const s = store.getState();
    const order = selectOrder(s);
    const get = (id: string) => selectInvocation(s, id);
    const newest = order.length > 0 ? get(order[0]) : undefined;
    const out = decideAlerts(
      {
        transitions: selectTransitions(s),
        get,
        loaded: selectPoll(s).lastSuccessAt !== undefined,
        newest,
        idsAtNewest: () => {
          const ids: string[] = [];
          for (const id of order) {
            if (get(id)?.creationTime !== newest?.creationTime) break;
            ids.push(id);
          }
          return ids;
        },
      },
      rulesFor(selectWatched(s)),
      state,
    );
    state = out.state;
    for (const a of out.alerts) {
      if (a.kind === 'ended') {
        if (invocationFamily(a.status) === 'failed') failed++;
        else finished++;
      }
      const message = alertMessage(a, alertSummary(failed, finished), options.failedRatio);
      write(options.channels.map((c) => alertBytes(c, message, ctx)).join(''));
    }
  };
  const unsubscribe = store.subscribe(check);
  check();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    const restore = restoreBytes(options.channels);
    if (restore) write(restore);
  };
}
