// The selected row of a windowed list, kept by id: when rows arrive above it (new invocations
// on top) the cursor stays on the row being read, at the same line of the screen, and counts
// what arrived; on the first row it follows the newest. A new filter (scope) re-lands it on the
// same row if that still matches, else on the first. Moves update a ref synchronously so several
// keys in one chunk ("jjj") add up.
import { useCallback, useRef, useState } from 'react';

export interface SelectionState {
  /** Index of the selected row in `rows`, -1 when the list is empty. */
  index: number;
  /** First row of the window. */
  top: number;
  /** Id of the selected row. */
  selectedId: string | undefined;
  /** Rows that arrived above the list's first row since the cursor left it (the title's `↑ N new`). */
  newAbove: number;
}

export interface Selection extends SelectionState {
  moveBy(delta: number): void;
  moveTo(index: number): void;
  pageDown(): void;
  pageUp(): void;
  first(): void;
  last(): void;
  /** The selected id as of the last move, even before the next render. */
  current(): string | undefined;
}

export interface Cursor {
  id: string | undefined;
  /** Where the id was last seen: the search for it starts here. */
  hint: number;
  /** Screen line of the cursor inside the window. */
  line: number;
  /** On the first row: it stays on the first (newest) row as rows arrive above. */
  pinned?: boolean;
  /** The first row when the cursor left it: rows above it are new. */
  anchor?: string;
  anchorHint?: number;
  /** New rows counted before the anchor itself left the list. */
  base?: number;
  /** The filter the rows were made with: when it changes the cursor re-lands. */
  scope?: string;
}

/**
 * Where `id` is in `rows`, searching outward from `hint` so the common cases (nothing moved,
 * a few rows arrived on top) cost O(distance) rather than O(rows).
 */
export function findNear(rows: readonly string[], id: string, hint: number): number {
  const n = rows.length;
  const start = Math.min(Math.max(hint, 0), n - 1);
  for (let d = 0; d < n; d++) {
    const below = start + d;
    const above = start - d;
    if (below < n && rows[below] === id) return below;
    if (above >= 0 && above !== below && rows[above] === id) return above;
    if (below >= n && above < 0) break;
  }
  return -1;
}

type Resolved = SelectionState & { line: number; cursor: Cursor };

/** Index where the cursor lands among `rows`. */
function landing(rows: readonly string[], cursor: Cursor, scopeChanged: boolean): number {
  const found = cursor.id === undefined ? -1 : findNear(rows, cursor.id, cursor.hint);
  // A new filter: the same invocation if it still matches, else the first match (the newest).
  if (scopeChanged) return Math.max(found, 0);
  if (cursor.pinned) return 0;
  // The row left the list (finished out of a status filter, evicted): stay at the same position.
  return found >= 0 ? found : Math.min(Math.max(cursor.hint, 0), rows.length - 1);
}

/** Resolve the cursor against the current rows (pure; exported for tests). */
export function resolveSelection(rows: readonly string[], cursor: Cursor, height: number, scope?: string): Resolved {
  const n = rows.length;
  const scopeChanged = scope !== cursor.scope;
  if (n === 0) {
    const keep = { ...cursor, scope, pinned: cursor.pinned || scopeChanged, anchor: undefined, base: 0 };
    return { index: -1, top: 0, selectedId: undefined, line: 0, newAbove: 0, cursor: keep };
  }
  const index = landing(rows, cursor, scopeChanged);
  const view = Math.max(1, height);
  const line = Math.min(Math.max(scopeChanged && index === 0 ? 0 : cursor.line, 0), view - 1, index);
  let top = index - line;
  top = Math.max(0, Math.min(top, Math.max(0, n - view)));
  const selectedId = rows[index];
  let anchor: string | undefined;
  let anchorHint = 0;
  let base = 0;
  let newAbove = 0;
  if (index > 0) {
    if (scopeChanged || cursor.anchor === undefined) {
      anchor = rows[0];
    } else {
      const at = findNear(rows, cursor.anchor, cursor.anchorHint ?? 0);
      // The anchor itself went away: keep what was counted and count on from today's first row.
      base = at >= 0 ? (cursor.base ?? 0) : (cursor.base ?? 0) + (cursor.anchorHint ?? 0);
      anchor = at >= 0 ? cursor.anchor : rows[0];
      anchorHint = Math.max(at, 0);
    }
    newAbove = base + anchorHint;
  }
  const next: Cursor = { id: selectedId, hint: index, line: index - top, pinned: index === 0, anchor, anchorHint, base, scope };
  return { index, top, selectedId, line: index - top, newAbove, cursor: next };
}

/**
 * @param rows ids of the rows in display order (the same array while nothing changed)
 * @param height rows the window shows
 * @param onReachEnd called when the cursor lands on the last row (load more history)
 * @param scope the filter that made `rows`; a new scope re-lands the cursor (same row or the first)
 */
export function useSelection(rows: readonly string[], height: number, onReachEnd?: () => void, scope?: string): Selection {
  const cursor = useRef<Cursor>({ id: undefined, hint: 0, line: 0, pinned: true, scope });
  const [, setTick] = useState(0);
  const resolved = resolveSelection(rows, cursor.current, height, scope);
  // Adopt what was resolved, so a vanished id is replaced by the row now under the cursor.
  cursor.current = resolved.cursor;

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const heightRef = useRef(height);
  heightRef.current = height;
  const scopeRef = useRef(scope);
  scopeRef.current = scope;
  const endRef = useRef(onReachEnd);
  endRef.current = onReachEnd;

  const resolveNow = useCallback(
    () => resolveSelection(rowsRef.current, cursor.current, heightRef.current, scopeRef.current),
    [],
  );

  const moveTo = useCallback(
    (target: number) => {
      const list = rowsRef.current;
      const view = Math.max(1, heightRef.current);
      if (list.length === 0) return;
      const now = resolveNow();
      const index = Math.min(Math.max(target, 0), list.length - 1);
      let top = now.top;
      if (index < top) top = index;
      else if (index >= top + view) top = index - view + 1;
      // Leaving the first row starts the count of rows that arrive above it; reaching it ends it.
      const leaving = now.index === 0 && index > 0;
      const anchor = index === 0 ? undefined : leaving ? list[0] : now.cursor.anchor;
      cursor.current = {
        id: list[index],
        hint: index,
        line: index - top,
        pinned: index === 0,
        anchor,
        anchorHint: leaving ? 0 : now.cursor.anchorHint,
        base: index === 0 || leaving ? 0 : now.cursor.base,
        scope: scopeRef.current,
      };
      setTick((t) => t + 1);
      if (index === list.length - 1) endRef.current?.();
    },
    [resolveNow],
  );

  const current = useCallback(() => resolveNow().selectedId, [resolveNow]);

  const at = () => resolveNow().index;

  return {
    index: resolved.index,
    top: resolved.top,
    selectedId: resolved.selectedId,
    newAbove: resolved.newAbove,
    moveBy: (delta) => moveTo(at() + delta),
    moveTo,
    pageDown: () => moveTo(at() + Math.max(1, heightRef.current - 1)),
    pageUp: () => moveTo(at() - Math.max(1, heightRef.current - 1)),
    first: () => moveTo(0),
    last: () => moveTo(rowsRef.current.length - 1),
    current,
  };
}

/** The moves every list shares (j/k, pages, first/last); true when `action` was one of them. */
export function applyListMove(selection: Selection, action: string): boolean {
  switch (action) {
    case 'down':
      selection.moveBy(1);
      return true;
    case 'up':
      selection.moveBy(-1);
      return true;
    case 'pageDown':
      selection.pageDown();
      return true;
    case 'pageUp':
      selection.pageUp();
      return true;
    case 'first':
      selection.first();
      return true;
    case 'last':
      selection.last();
      return true;
    default:
      return false;
  }
}
