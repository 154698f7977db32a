// `--notify`, `--notify-on` and `--notify-failed-ratio`: the channels and what alerts, checked
// when the flags are read (one line per mistake, before any request).
import { UsageError } from '../config/errors.js';

export const NOTIFY_CHANNELS = ['bell', 'osc9', 'osc777', 'title'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const NOTIFY_ON = ['finished', 'failed'] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];

export interface NotifyOptions {
  channels: NotifyChannel[];
  /** Every invocation created after the start is watched: alert when it ends (`failed`: only failures). */
  on?: NotifyOn;
  /** A watched invocation alerts once when this share (0 < R <= 1) of its instances has failed. */
  failedRatio?: number;
  /** Watched from the start (`--invoke-id`). */
  watch: string[];
}

const quote = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);

export function parseNotifyChannels(raw: string): NotifyChannel[] {
  const names = raw.split(',').map((s) => s.trim().toLowerCase());
  const channels: NotifyChannel[] = [];
  for (const name of names) {
    const hit = NOTIFY_CHANNELS.find((c) => c === name);
    if (!hit) throw new UsageError(`--notify takes a list of ${NOTIFY_CHANNELS.join(', ')} such as bell,osc777 (got ${quote(name)})`);
    if (!channels.includes(hit)) channels.push(hit);
  }
  return channels;
}

export function parseNotifyOn(raw: string): NotifyOn {
  const hit = NOTIFY_ON.find((v) => v === raw.trim().toLowerCase());
  if (!hit) throw new UsageError(`--notify-on takes finished (every new invocation that ends) or failed (those that fail) (got ${quote(raw)})`);
  return hit;
}

/** `0.25` or `25%`. */
export function parseFailedRatio(raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (!/^(\d+(\.\d*)?|\.\d+)%?$/.test(text) || !(n > 0 && n <= 1)) {
    throw new UsageError(`--notify-failed-ratio takes a share of failed instances above 0 and at most 1, e.g. 0.25 or 25% (got ${quote(raw)})`);
  }
  return n;
}

/** The three flags together; undefined when alerts are off. */
export function parseNotifyFlags(o: { notify?: string; notifyOn?: string; notifyFailedRatio?: string }, invokeId: string | undefined): NotifyOptions | undefined {
  if (o.notify === undefined) {
    const stray = o.notifyOn !== undefined ? '--notify-on' : o.notifyFailedRatio !== undefined ? '--notify-failed-ratio' : undefined;
    if (stray) throw new UsageError(`${stray} needs --notify with the channels to alert on, e.g. --notify bell,osc777`);
    return undefined;
  }
  return {
    channels: parseNotifyChannels(o.notify),
    ...(o.notifyOn !== undefined ? { on: parseNotifyOn(o.notifyOn) } : {}),
    ...(o.notifyFailedRatio !== undefined ? { failedRatio: parseFailedRatio(o.notifyFailedRatio) } : {}),
    watch: invokeId ? [invokeId] : [],
  };
}
