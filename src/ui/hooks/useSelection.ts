// The selected row of a windowed list, kept by id: when rows arrive above it (new invocations
// on top) or the list is re-filtered, the cursor stays on the row being read, at the same line
// of the screen. Moves update a ref synchronously so several keys in one chunk ("jjj") add up.
import { useCallback, useRef, useState } from 'react';

export interface SelectionState {
  /** Index of the selected row in `rows`, -1 when the list is empty. */
  index: number;
  /** First row of the window. */
  top: number;
  /** Id of the selected row. */
  selectedId: string | undefined;
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

interface Cursor {
  id: string | undefined;
  /** Where the id was last seen: the search for it starts here. */
  hint: number;
  /** Screen line of the cursor inside the window. */
  line: number;
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

/** Resolve the cursor against the current rows (pure; exported for tests). */
export function resolveSelection(rows: readonly string[], cursor: Cursor, height: number): SelectionState & { line: number } {
  const n = rows.length;
  if (n === 0) return { index: -1, top: 0, selectedId: undefined, line: 0 };
  let index = cursor.id === undefined ? -1 : findNear(rows, cursor.id, cursor.hint);
  // The row left the list (filtered out, evicted): stay at the same position.
  if (index < 0) index = Math.min(Math.max(cursor.hint, 0), n - 1);
  const view = Math.max(1, height);
  const line = Math.min(Math.max(cursor.line, 0), view - 1, index);
  let top = index - line;
  top = Math.max(0, Math.min(top, Math.max(0, n - view)));
  return { index, top, selectedId: rows[index], line: index - top };
}

/**
 * @param rows ids of the rows in display order (the same array while nothing changed)
 * @param height rows the window shows
 * @param onReachEnd called when the cursor lands on the last row (load more history)
 */
export function useSelection(rows: readonly string[], height: number, onReachEnd?: () => void): Selection {
  const cursor = useRef<Cursor>({ id: undefined, hint: 0, line: 0 });
  const [, setTick] = useState(0);
  const resolved = resolveSelection(rows, cursor.current, height);
  // Adopt what was resolved, so a vanished id is replaced by the row now under the cursor.
  cursor.current = { id: resolved.selectedId, hint: Math.max(resolved.index, 0), line: resolved.line };

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const heightRef = useRef(height);
  heightRef.current = height;
  const endRef = useRef(onReachEnd);
  endRef.current = onReachEnd;

  const moveTo = useCallback((target: number) => {
    const list = rowsRef.current;
    const view = Math.max(1, heightRef.current);
    if (list.length === 0) return;
    const now = resolveSelection(list, cursor.current, view);
    const index = Math.min(Math.max(target, 0), list.length - 1);
    let top = now.top;
    if (index < top) top = index;
    else if (index >= top + view) top = index - view + 1;
    cursor.current = { id: list[index], hint: index, line: index - top };
    setTick((t) => t + 1);
    if (index === list.length - 1) endRef.current?.();
  }, []);

  const current = useCallback(() => {
    const list = rowsRef.current;
    return resolveSelection(list, cursor.current, heightRef.current).selectedId;
  }, []);

  const at = () => resolveSelection(rowsRef.current, cursor.current, heightRef.current).index;

  return {
    index: resolved.index,
    top: resolved.top,
    selectedId: resolved.selectedId,
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
