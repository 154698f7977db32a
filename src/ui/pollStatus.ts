// The polling state as a person reads it in the header: "live", "throttled, retrying in 8 s",
// "endpoint unreachable since 12:04:31", "stopped: Code: Message (RequestId ...) — press r to retry".
import type { PollState } from '../store/types.js';
import { sanitizeInline } from '../text/index.js';
import { clockTime, formatDuration, secondsUntil } from './format.js';

export type PollTone = 'ok' | 'warn' | 'error' | 'muted';

export interface PollDescription {
  text: string;
  tone: PollTone;
}

export function describePoll(poll: PollState, now: number): PollDescription {
  switch (poll.phase) {
    case 'starting':
      return { text: 'connecting…', tone: 'muted' };
    case 'ok':
      return { text: 'live', tone: 'ok' };
    case 'paused':
      return { text: 'paused', tone: 'muted' };
    case 'retrying': {
      const err = poll.lastError;
      const wait = poll.nextTickAt !== undefined ? `, retrying in ${secondsUntil(poll.nextTickAt, now)} s` : ', retrying';
      if (err && (err.kind === 'network' || err.kind === 'timeout')) {
        const since = poll.failingSince ?? now;
        return { text: `endpoint unreachable since ${clockTime(since)}${wait}`, tone: 'warn' };
      }
      if (err && err.code.startsWith('Throttling')) return { text: `throttled${wait}`, tone: 'warn' };
      return { text: `${sanitizeInline(err?.code ?? 'error')}${wait}`, tone: 'warn' };
    }
    case 'failed': {
      const err = poll.lastError;
      const what = err ? sanitizeInline(err.oneLine()) : 'error';
      return { text: `stopped: ${what} — press r to retry`, tone: 'error' };
    }
  }
}

/** "data 3s old", or "no data yet". */
export function describeAge(poll: PollState, now: number): string {
  if (poll.lastSuccessAt === undefined) return 'no data yet';
  return `data ${formatDuration(now - poll.lastSuccessAt)} old`;
}
