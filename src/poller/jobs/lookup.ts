// What the names and agent jobs share: look up the instances their demands name, in batches of
// the API's size, only those the cache lacks or holds stale, and only with a spare token of the
// budget (a few calls a tick), so the invocation listings are never kept waiting. A lookup never
// fails the tick: a refusal turns it off for good with one notice, other errors wait a tick.
import type { ApiError } from '../../api/errors.js';
import { isAuthError } from '../../api/errors.js';
import type { FleetState } from '../../store/names.js';
import { toApiError } from '../scheduler.js';
import type { MonitorApi, MonitorContext, MonitorJob } from './state.js';

/** Lookup calls one tick makes at most (each only with a spare token). */
export const MAX_LOOKUP_CALLS_PER_TICK = 5;

export interface LookupResult<T> {
  /** Ids the service answered for (those not in `found` are gone). */
  asked: string[];
  found: T[];
  /** Ids a non-retryable error refused: known to have nothing, until the TTL. */
  blank: string[];
  /** Why lookups are off from now on (a permission error). */
  refused?: string;
}

export interface LookupSpec<T> {
  key: string;
  kind: 'names' | 'agent';
  /** Ids a call takes at most. */
  batch: number;
  action: string;
  /** What the screen loses when refused, for the notice. */
  what: string;
  call(api: MonitorApi): ((ids: string[]) => Promise<T[]>) | undefined;
  toFetch(fleet: FleetState, ids: Iterable<string>, now: number): string[];
  merge(fleet: FleetState, r: LookupResult<T>, at: number): FleetState;
}

/** A permission refusal: the caller may not use this action (keep ids, ask no more). */
function refusal(e: ApiError): boolean {
  return isAuthError(e) || e.httpStatus === 403 || /^(NoPermission|Forbidden|UnauthorizedOperation)/i.test(e.code);
}

function demanded(ctx: MonitorContext, kind: 'names' | 'agent'): string[] {
  const out: string[] = [];
  for (const d of ctx.demands(kind)) out.push(...d.instanceIds);
  return out;
}

export function lookupJob<T>(spec: LookupSpec<T>): MonitorJob<LookupResult<T>> {
  return {
    key: spec.key,
    serves: [spec.kind],
    due: (ctx) => ctx.demands(spec.kind).length > 0,
    async run(api, ctx) {
      const result: LookupResult<T> = { asked: [], found: [], blank: [] };
      const fn = spec.call(api);
      if (!fn) return result;
      const ids = spec.toFetch(ctx.state.store.getState().fleet, demanded(ctx, spec.kind), ctx.now());
      for (let at = 0, calls = 0; at < ids.length && calls < MAX_LOOKUP_CALLS_PER_TICK; at += spec.batch, calls++) {
        if (!ctx.spare()) break;
        const batch = ids.slice(at, at + spec.batch);
        try {
          result.found.push(...(await ctx.call(() => fn(batch))));
          result.asked.push(...batch);
        } catch (e) {
          const err = toApiError(e);
          if (refusal(err)) {
            result.refused = `${spec.what} unavailable: ${spec.action} refused (${err.code}); allow it or pass --no-names`;
            ctx.notice(result.refused);
            break;
          }
          // Throttled or unreachable: the next tick asks again. Anything else would fail again.
          if (err.retryable && err.kind !== 'malformed') break;
          result.blank.push(...batch);
        }
      }
      return result;
    },
    apply(result, store, ctx) {
      if (result.asked.length === 0 && result.blank.length === 0 && !result.refused) return;
      store.setFleet(spec.merge(store.getState().fleet, result, ctx.now()));
    },
  };
}
