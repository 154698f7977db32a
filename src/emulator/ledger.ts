// The retained invocation records: in creation order, indexed by id and by instance, with the
// set of records that can still change. Retention (two weeks, 100,000) applies on every read.
import type { Clock } from '../clock.js';
import { legacyInvokeStatus, overallStatus } from '../api/status.js';
import { legacyAt, scheduledRun, stateAt } from './lifecycle.js';
import { MAX_RECORDS, RETENTION_MS, type InvocationFilter, type InvocationRecord, type Run, type SimInstance } from './model.js';

/** When a scheduled run's last fire ends (Infinity for a schedule without end). */
function scheduleEnd(rec: InvocationRecord, run: Run): number {
  const schedule = rec.schedule;
  if (!schedule || schedule.total === undefined) return Infinity;
  if (schedule.total === 0) return rec.createdAt;
  return schedule.fireAt(schedule.total) + scheduledRun(rec, run, schedule.total).durationMs;
}

export interface Cursor {
  createdAt: number;
  seq: number;
}

export class Ledger {
  private recs: InvocationRecord[] = [];
  private head = 0;
  private readonly byId = new Map<string, InvocationRecord>();
  private readonly active = new Set<InvocationRecord>();
  /** Per instance: its invocations in creation order, for the InstanceId filter. Rebuilt when stale. */
  private byInstanceRecs = new Map<string, InvocationRecord[]>();
  private instanceIndexStale = false;

  constructor(private readonly clock: Clock) {}

  has(invokeId: string): boolean {
    return this.byId.has(invokeId);
  }

  /** Add a newly planned record (kept in creation order even when created in the past). */
  add(rec: InvocationRecord): void {
    this.resettle(rec);
    const recs = this.recs;
    const last = recs[recs.length - 1];
    if (recs.length === this.head || !last || last.createdAt <= rec.createdAt) {
      recs.push(rec);
      if (!this.instanceIndexStale) this.indexRecord(rec);
    } else {
      this.instanceIndexStale = true;
      let lo = this.head;
      let hi = recs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (recs[mid].createdAt <= rec.createdAt) lo = mid + 1;
        else hi = mid;
      }
      recs.splice(lo, 0, rec);
    }
    this.byId.set(rec.invokeId, rec);
    this.prune();
  }

  /**
   * Add many one-time records in creation order at once (seeded history), all created before `end`.
   * Their final status is the runs' planned ends, without reading each state off the clock.
   */
  addPast(added: InvocationRecord[], end: number): void {
    const now = this.clock.now();
    for (const rec of added) {
      let settle = rec.createdAt;
      for (const r of rec.runs) if (r.finishAt > settle) settle = r.finishAt;
      rec.settleAt = settle;
      if (settle <= now) {
        rec.finalStatus = overallStatus(rec.runs.map((r) => r.final));
        rec.finalLegacy = legacyInvokeStatus(rec.finalStatus);
      } else this.active.add(rec);
      this.byId.set(rec.invokeId, rec);
    }
    const live = this.recs.slice(this.head);
    this.head = 0;
    if (live.length === 0 || live[0].createdAt >= end) this.recs = added.concat(live);
    else this.recs = live.concat(added).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
    this.instanceIndexStale = true;
    this.prune();
  }

  /** When nothing about the record can change any more (Infinity while a schedule runs); call after a stop. */
  resettle(rec: InvocationRecord): void {
    let at = rec.createdAt;
    for (const run of rec.runs) {
      let t: number;
      if (run.stopAt !== null) t = run.stopDoneAt ?? run.stopAt;
      else if (rec.schedule && run.startAt !== null) t = scheduleEnd(rec, run);
      else t = run.finishAt;
      if (t > at) at = t;
    }
    rec.settleAt = at;
    rec.finalStatus = null;
    rec.finalLegacy = null;
    const now = this.clock.now();
    if (at > now) this.active.add(rec);
    else this.settle(rec, now);
  }

  /** Settle records whose last change has passed and apply retention. Called before every read. */
  refresh(): void {
    const now = this.clock.now();
    for (const rec of this.active) if (rec.settleAt <= now) this.settle(rec, now);
    this.prune();
  }

  private settle(rec: InvocationRecord, now: number): void {
    rec.finalStatus = overallStatus(rec.runs.map((r) => stateAt(rec, r, now).status));
    rec.finalLegacy = legacyInvokeStatus(rec.finalStatus);
    this.active.delete(rec);
  }

  private prune(): void {
    const cutoff = this.clock.now() - RETENTION_MS;
    const recs = this.recs;
    while (this.head < recs.length && (recs.length - this.head > MAX_RECORDS || recs[this.head].createdAt < cutoff)) {
      const old = recs[this.head++];
      old.dead = true;
      this.byId.delete(old.invokeId);
      this.active.delete(old);
    }
    if (this.head > 4_096 && this.head * 2 > recs.length) {
      this.recs = recs.slice(this.head);
      this.head = 0;
      this.instanceIndexStale = true;
    }
  }

  private indexRecord(rec: InvocationRecord): void {
    for (const run of rec.runs) {
      const id = run.inst.instanceId;
      let list = this.byInstanceRecs.get(id);
      if (!list) this.byInstanceRecs.set(id, (list = []));
      if (list[list.length - 1] !== rec) list.push(rec);
    }
  }

  private instanceIndex(instanceId: string): InvocationRecord[] {
    if (this.instanceIndexStale) {
      this.byInstanceRecs = new Map();
      for (let i = this.head; i < this.recs.length; i++) this.indexRecord(this.recs[i]);
      this.instanceIndexStale = false;
    }
    return this.byInstanceRecs.get(instanceId) ?? [];
  }

  /** Number of retained invocations. */
  size(): number {
    return this.recs.length - this.head;
  }

  /** Invocations that are not final yet. */
  activeCount(): number {
    this.refresh();
    return this.active.size;
  }

  record(invokeId: string): InvocationRecord | undefined {
    return this.byId.get(invokeId);
  }

  /**
   * Invocations matching `filter`, newest first, visited in order; `visit` returns false to stop.
   * Scans the records in creation order from the end (no sorting); `InvokeStatus=Running` walks
   * only the active set. `inst` is the InstanceId filter's instance (null: no such instance).
   */
  scan(filter: InvocationFilter, inst: SimInstance | null | undefined, visit: (rec: InvocationRecord) => boolean, from?: Cursor): void {
    this.refresh();
    if (inst === null) return;
    const now = this.clock.now();
    // Instances compare by object; the per-instance index already holds only that instance's records.
    let viaIndex = false;
    const match = (rec: InvocationRecord): boolean => {
      if (filter.commandId !== undefined && rec.commandId !== filter.commandId) return false;
      if (filter.commandName !== undefined && rec.commandName !== filter.commandName) return false;
      if (filter.commandType !== undefined && rec.commandType !== filter.commandType) return false;
      if (filter.timed !== undefined && rec.timed !== filter.timed) return false;
      if (filter.repeatMode !== undefined && rec.repeatMode !== filter.repeatMode) return false;
      if (inst !== undefined && !viaIndex) {
        const runs = rec.runs;
        let found = false;
        for (let i = 0; i < runs.length; i++) if (runs[i].inst === inst) found = true;
        if (!found) return false;
      }
      return filter.invokeStatus === undefined || legacyAt(rec, now) === filter.invokeStatus;
    };
    const before = (rec: InvocationRecord) =>
      !from || rec.createdAt < from.createdAt || (rec.createdAt === from.createdAt && rec.seq < from.seq);
    if (filter.invokeId !== undefined) {
      const rec = this.byId.get(filter.invokeId);
      if (rec && before(rec) && match(rec)) visit(rec);
      return;
    }
    if (filter.invokeStatus === 'Running') {
      const list = [...this.active].sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
      for (const rec of list) if (before(rec) && match(rec) && !visit(rec)) return;
      return;
    }
    if (inst !== undefined) {
      const list = this.instanceIndex(inst.instanceId);
      viaIndex = true;
      for (let i = list.length - 1; i >= 0; i--) {
        const rec = list[i];
        if (rec.dead) break;
        if (before(rec) && match(rec) && !visit(rec)) return;
      }
      return;
    }
    for (let i = this.recs.length - 1; i >= this.head; i--) {
      const rec = this.recs[i];
      if (before(rec) && match(rec) && !visit(rec)) return;
    }
  }

  /** Newest-first slice of all records without a filter: O(page), for the unfiltered listing. */
  newest(offset: number, limit: number): InvocationRecord[] {
    this.refresh();
    const out: InvocationRecord[] = [];
    for (let i = this.recs.length - 1 - offset; i >= this.head && out.length < limit; i--) out.push(this.recs[i]);
    return out;
  }

  /** Every retained record in creation order (oldest first). */
  *records(): IterableIterator<InvocationRecord> {
    for (let i = this.head; i < this.recs.length; i++) yield this.recs[i];
  }
}
