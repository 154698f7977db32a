/**
 * The groups of the invocations being grouped, one grouper per mode each, fed with statuses at
 * once (from what the store holds) and with outputs as their pages arrive (the outputs job).
 * Outputs are fingerprinted and let go: a group keeps one sample. Subscribable, for the screen.
 */
import { isFinalInstance } from '../api/status.js';
import { createGrouper, type Grouper } from './grouper.js';
import { GROUP_MODES, type Group, type GroupMember, type GroupMode, type OwnIdentity } from './types.js';

/** Outputs fetched in the current pass over an invocation's rows, of how many. */
export interface OutputsProgress {
  fetched: number;
  total: number;
  /** A pass ended with every row final: nothing more to fetch. */
  done: boolean;
}

interface Entry {
  groupers: Record<GroupMode, Grouper>;
  progress: OutputsProgress;
  /** Where the current pass goes on (DescribeInvocationResults' NextToken). */
  nextToken?: string;
  /** Every row of the current pass so far was final. */
  passFinal: boolean;
}

export interface GroupBook {
  /** Status, exit code and error code of the instances (no output): grouped at once. */
  sync(invokeId: string, members: readonly GroupMember[]): void;
  /**
   * A page of outputs of one pass; a page without NextToken ends it (done when every row was final).
   * `own`: the instance's own names and IPs, masked in its fingerprint.
   */
  addPage(
    invokeId: string,
    rows: readonly (GroupMember & { output?: string; own?: OwnIdentity })[],
    page: { nextToken?: string; total: number },
  ): void;
  /** The NextToken the current pass goes on from (undefined: from the first page). */
  cursor(invokeId: string): string | undefined;
  groups(invokeId: string, mode: GroupMode): readonly Group[];
  progress(invokeId: string): OutputsProgress | undefined;
  subscribe(listener: () => void): () => void;
  /** Bumped on every change (for useSyncExternalStore). */
  version(): number;
}

const NONE: readonly Group[] = [];
/** Invocations whose groups are kept (the least recently grouped goes first): memory stays bounded. */
export const BOOK_INVOCATIONS = 4;

export function createGroupBook(): GroupBook {
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let version = 0;

  function changed(): void {
    version++;
    for (const l of [...listeners]) l();
  }

  function entry(invokeId: string): Entry {
    let e = entries.get(invokeId);
    if (e) {
      entries.delete(invokeId);
      entries.set(invokeId, e);
    } else {
      if (entries.size >= BOOK_INVOCATIONS) entries.delete(entries.keys().next().value!);
      const groupers = Object.fromEntries(GROUP_MODES.map((m) => [m, createGrouper(m)])) as Record<GroupMode, Grouper>;
      e = { groupers, progress: { fetched: 0, total: 0, done: false }, passFinal: true };
      entries.set(invokeId, e);
    }
    return e;
  }

  return {
    sync(invokeId, members) {
      const e = entry(invokeId);
      let any = false;
      for (const m of members) for (const mode of GROUP_MODES) any = e.groupers[mode].add(m) || any;
      if (e.progress.total < members.length) {
        e.progress = { ...e.progress, total: members.length };
        any = true;
      }
      if (any) changed();
    },
    addPage(invokeId, rows, page) {
      const e = entry(invokeId);
      const fresh = e.nextToken === undefined;
      for (const r of rows) {
        const member: GroupMember = { instanceId: r.instanceId, invocationStatus: r.invocationStatus, exitCode: r.exitCode, errorCode: r.errorCode };
        for (const mode of GROUP_MODES) e.groupers[mode].add(member, r.output ?? '', r.own);
      }
      const final = (fresh ? true : e.passFinal) && rows.every((r) => isFinalInstance(r.invocationStatus));
      const fetched = (fresh ? 0 : e.progress.fetched) + rows.length;
      const total = Math.max(page.total, fetched);
      if (page.nextToken) {
        e.nextToken = page.nextToken;
        e.passFinal = final;
        e.progress = { fetched, total, done: false };
      } else {
        e.nextToken = undefined;
        e.passFinal = true;
        e.progress = { fetched, total, done: final };
      }
      changed();
    },
    cursor: (invokeId) => entries.get(invokeId)?.nextToken,
    groups: (invokeId, mode) => entries.get(invokeId)?.groupers[mode].groups() ?? NONE,
    progress: (invokeId) => entries.get(invokeId)?.progress,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    version: () => version,
  };
}
