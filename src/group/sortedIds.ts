/**
 * A group's instance ids kept sorted (a binary insert each, mostly an append), from `head` on:
 * ids leave from the smallest by `head`, others are dropped at the next snapshot in one pass. A
 * snapshot takes a view (the array, where it starts, where it ends) rather than a copy; an insert
 * inside a viewed array copies it first.
 */
export interface SortedIds {
  sorted: string[];
  /** Ids before it have left the group (the smallest first, as in a run's pages of outputs). */
  head: number;
  /** Some of `sorted` from `head` on left the group. */
  stale?: boolean;
  /** A snapshot views `sorted` up to its length now: it may grow, not change. */
  viewed?: boolean;
}

/** Where `id` is or would go in the sorted ids from `lo` on (binary search). */
function sortedIndex(ids: readonly string[], id: string, lo: number): number {
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(g: SortedIds, id: string): void {
  // Ids mostly arrive in order: at the end, no search (and no copy: a view ends where it began).
  const last = g.sorted.length - 1;
  if (last < g.head || g.sorted[last] < id) {
    g.sorted.push(id);
    return;
  }
  let at = sortedIndex(g.sorted, id, g.head);
  // Still there when it left and came back before a snapshot dropped it.
  if (g.sorted[at] === id) return;
  if (g.viewed) {
    at -= g.head;
    g.sorted = g.sorted.slice(g.head);
    g.head = 0;
    g.viewed = false;
  }
  g.sorted.splice(at, 0, id);
}

/** The smallest id leaves by `head`; others stay in `sorted` until the next snapshot drops them in one pass. */
export function removeSorted(g: SortedIds, id: string): void {
  if (!g.stale && g.sorted[g.head] === id) g.head++;
  else g.stale = true;
}

/** `sorted` from `head`, members only, as a new array when that saves work or memory. */
export function settle(g: SortedIds, isMember: (id: string) => boolean): void {
  if (g.stale) {
    const live: string[] = [];
    for (let k = g.head; k < g.sorted.length; k++) if (isMember(g.sorted[k])) live.push(g.sorted[k]);
    g.sorted = live;
  } else if (g.head * 2 > g.sorted.length) g.sorted = g.sorted.slice(g.head);
  else return;
  g.head = 0;
  g.stale = false;
  g.viewed = false;
}
