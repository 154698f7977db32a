// The polling state as a person reads it in the header: "live", "throttled, retrying in 8 s",
// "endpoint unreachable since 12:04:31", "stopped: Code — press r to retry". The whole error
// (Message, RequestId, what to check) is the footer's, wrapped, never cut in the middle.
import type { PollState } from '../store/types.js';
import { sanitizeInline } from '../text/index.js';
import { clockTime, nextWholeSecond, secondsUntil } from './format.js';
import type { TimeText } from './hooks/useTimeText.js';
import { keyFor } from './keymap.js';

export type PollTone = 'ok' | 'warn' | 'error' | 'muted';

export interface PollDescription {
  text: string;
  tone: PollTone;
}

export function describePoll(poll: PollState, times: TimeText): PollDescription {
  const { now } = times;
  switch (poll.phase) {
    case 'starting':
      return { text: 'connecting…', tone: 'muted' };
    case 'ok':
      return poll.notice ? { text: `live · ${sanitizeInline(poll.notice)}`, tone: 'warn' } : { text: 'live', tone: 'ok' };
    case 'retrying': {
      const err = poll.lastError;
      let wait = ', retrying';
      if (poll.nextTickAt !== undefined) {
        wait = `, retrying in ${secondsUntil(poll.nextTickAt, now)} s`;
        times.wakeAt(nextWholeSecond(poll.nextTickAt, now));
      }
      if (err && (err.kind === 'network' || err.kind === 'timeout')) {
        const since = poll.failingSince ?? now;
        return { text: `endpoint unreachable since ${clockTime(since)}${wait}`, tone: 'warn' };
      }
      if (err && err.code.startsWith('Throttling')) return { text: `throttled${wait}`, tone: 'warn' };
      return { text: `${sanitizeInline(err?.code ?? 'error')}${wait}`, tone: 'warn' };
    }
    case 'failed': {
      const err = poll.lastError;
      return { text: `stopped: ${sanitizeInline(err?.code ?? 'error')} — press ${keyFor('refresh', 'invocations')} to retry`, tone: 'error' };
    }
  }
}

/** How late a due tick may be before the data on screen counts as stale. */
export const STALE_GRACE_MS = 3000;

/**
 * "updated 12:04:31" while ticks arrive when due; "data 47s old", counting every second, once a
 * tick is overdue or failing. A clock that ticks while nothing changes would redraw the header
 * every second for nothing; the age counts only when it tells the reader something.
 */
export function describeAge(poll: PollState, times: TimeText, loaded = false): string {
  // Rows can arrive from a tick that failed half way (page 1 came, a later call did not).
  if (poll.lastSuccessAt === undefined) return loaded ? 'partial data, no complete update yet' : 'no data yet';
  const staleFrom =
    poll.phase === 'retrying' || poll.phase === 'failed'
      ? poll.lastSuccessAt
      : poll.nextTickAt !== undefined
        ? poll.nextTickAt + STALE_GRACE_MS
        : Infinity;
  if (times.now < staleFrom) {
    if (staleFrom !== Infinity) times.wakeAt(staleFrom);
    return `updated ${clockTime(poll.lastSuccessAt)}`;
  }
  return `data ${times.since(poll.lastSuccessAt)} old`;
}
