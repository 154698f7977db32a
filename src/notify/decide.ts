// Which alerts fire, from the store's status transitions (newest last, a bounded window) and the
// invocations it holds. Pure: the caller keeps the returned state and passes it back.
//
// Watched: the ids given (`--invoke-id`), and with `--notify-on` every invocation created after
// alerts started (newer than the newest one held at the first successful load, so history
// loaded later never alerts). A watched invocation alerts once when it reaches a final status
// (`--notify-on failed`: only Failed or PartialFailed for the new ones), and once when the
// failed share of its instances reaches `--notify-failed-ratio` while it is still running.
import type { Invocation } from '../api/model.js';
import { FAILED_FAMILY, isFinalInvocation } from '../api/status.js';
import type { InvocationStatus } from '../api/wire.js';
import type { StatusTransition } from '../store/types.js';
import type { NotifyOn } from './options.js';

export interface AlertRules {
  watch: ReadonlySet<string>;
  on?: NotifyOn;
  failedRatio?: number;
}

export interface Alert {
  kind: 'ended' | 'failedRatio';
  invokeId: string;
  /** From the network: made safe where it is written (src/notify/sequences.ts). */
  name?: string;
  status: InvocationStatus;
  failed: number;
  instances: number;
}

export interface AlertState {
  /** Set at the first successful load: the newest CreationTime then, and the ids created at it. */
  baseline?: { newest: number; atNewest: ReadonlySet<string> };
  /** The last transition looked at (transitions are kept by identity in the store's window). */
  lastSeen?: StatusTransition;
  /** `ended:<id>` and `ratio:<id>` of the alerts already given. */
  fired: ReadonlySet<string>;
  /** New invocations still active, checked for the failed share on every change. */
  tracking: ReadonlySet<string>;
}

export interface AlertInput {
  transitions: readonly StatusTransition[];
  get(invokeId: string): Invocation | undefined;
  /** The first successful load has happened (until then nothing is new and nothing alerts). */
  loaded: boolean;
  /** The newest invocation held now (for the baseline). */
  newest?: Invocation;
  /** Ids created at the same CreationTime as `newest`. */
  idsAtNewest?: () => string[];
}

/** Alerts given are remembered up to this many (oldest forgotten first). */
const FIRED_CAP = 10_000;

export const INITIAL_ALERT_STATE: AlertState = { fired: new Set(), tracking: new Set() };

const FAILURE: ReadonlySet<InvocationStatus> = new Set(['Failed', 'PartialFailed']);

function failedCount(inv: Invocation | undefined): { failed: number; instances: number } {
  const instances = inv?.instances.length ?? 0;
  const failed = inv ? inv.instances.filter((i) => FAILED_FAMILY.has(i.invocationStatus)).length : 0;
  return { failed, instances };
}

function transitionsAfter(list: readonly StatusTransition[], last: StatusTransition | undefined): readonly StatusTransition[] {
  if (!last) return list;
  const at = list.lastIndexOf(last);
  // Gone from the window: the ones after it are those newer than it.
  return at >= 0 ? list.slice(at + 1) : list.filter((t) => t.at > last.at);
}

export function decideAlerts(input: AlertInput, rules: AlertRules, state: AlertState): { alerts: Alert[]; state: AlertState } {
  const lastSeen = input.transitions.at(-1) ?? state.lastSeen;
  if (!state.baseline) {
    if (!input.loaded) return { alerts: [], state };
    const newest = input.newest?.creationTime ?? -Infinity;
    const baseline = { newest, atNewest: new Set(input.newest ? (input.idsAtNewest?.() ?? [input.newest.invokeId]) : []) };
    return { alerts: [], state: { ...state, baseline, lastSeen } };
  }
  const { baseline } = state;
  const isNew = (inv: Invocation | undefined) => {
    const c = inv?.creationTime;
    return c !== undefined && (c > baseline.newest || (c === baseline.newest && !baseline.atNewest.has(inv!.invokeId)));
  };
  // Copied only when something is added or removed: most changes alert nothing.
  let fired = state.fired as Set<string>;
  let tracking = state.tracking as Set<string>;
  const own = { fired: false, tracking: false };
  const track = (id: string, on: boolean) => {
    if (tracking.has(id) === on) return;
    if (!own.tracking) {
      tracking = new Set(tracking);
      own.tracking = true;
    }
    if (on) tracking.add(id);
    else tracking.delete(id);
  };
  const alerts: Alert[] = [];
  const give = (key: string, alert: Alert) => {
    if (fired.has(key)) return;
    if (!own.fired) {
      fired = new Set(fired);
      own.fired = true;
    }
    fired.add(key);
    alerts.push(alert);
  };

  for (const t of transitionsAfter(input.transitions, state.lastSeen)) {
    const inv = input.get(t.invokeId);
    const explicit = rules.watch.has(t.invokeId);
    const fresh = rules.on !== undefined && isNew(inv);
    if (!explicit && !fresh) continue;
    if (!isFinalInvocation(t.to)) {
      track(t.invokeId, true);
      continue;
    }
    track(t.invokeId, false);
    if (!explicit && rules.on === 'failed' && !FAILURE.has(t.to)) continue;
    give(`ended:${t.invokeId}`, { kind: 'ended', invokeId: t.invokeId, name: inv?.commandName, status: t.to, ...failedCount(inv) });
  }

  if (rules.failedRatio !== undefined) {
    for (const id of new Set([...rules.watch, ...tracking])) {
      const inv = input.get(id);
      if (!inv || isFinalInvocation(inv.invocationStatus)) continue; // the end alert says it
      const c = failedCount(inv);
      if (c.instances > 0 && c.failed / c.instances >= rules.failedRatio) {
        give(`ratio:${id}`, { kind: 'failedRatio', invokeId: id, name: inv.commandName, status: inv.invocationStatus, ...c });
      }
    }
  }
  for (const id of [...tracking]) if (!input.get(id)) track(id, false);
  if (own.fired) while (fired.size > FIRED_CAP) fired.delete(fired.values().next().value!);
  return { alerts, state: { baseline, lastSeen, fired, tracking } };
}
