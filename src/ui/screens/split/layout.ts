// Where the invocation screen's two panes go: the instance list and the selected instance's
// output, side by side on a wide terminal, stacked on a tall one, or not at all (the drill-down:
// Enter opens the output screen). `p` cycles the mode; the terminal's size decides what fits.
// Pure: tested by size alone.

export type SplitMode = 'auto' | 'side' | 'stacked' | 'off';
export const SPLIT_MODES: readonly SplitMode[] = ['auto', 'side', 'stacked', 'off'];

/** Auto: side by side from this many columns (the list keeps its id, status, exit and error). */
export const SIDE_AUTO_COLUMNS = 140;
/** Auto, narrower: stacked from this many rows (each pane keeps a dozen lines or more). */
export const STACK_AUTO_ROWS = 40;
/** Asked for with `p`: side by side only from here (each pane 50 columns or so). */
export const SIDE_MIN_COLUMNS = 100;
/** Asked for with `p`: stacked only from here. */
export const STACK_MIN_ROWS = 30;
/** The output pane's header: instance, status line, error or cut marker. */
export const PANE_HEADER_LINES = 2;

export type SplitKind = 'side' | 'stacked' | 'off';

/** Which split fits a terminal of `columns` x `rows` in `mode`. */
export function splitKind(mode: SplitMode, columns: number, rows: number): SplitKind {
  switch (mode) {
    case 'off':
      return 'off';
    case 'side':
      return columns >= SIDE_MIN_COLUMNS ? 'side' : 'off';
    case 'stacked':
      return rows >= STACK_MIN_ROWS ? 'stacked' : 'off';
    case 'auto':
      if (columns >= SIDE_AUTO_COLUMNS) return 'side';
      return rows >= STACK_AUTO_ROWS ? 'stacked' : 'off';
  }
}

export interface PaneBox {
  width: number;
  height: number;
}

export interface SplitGeometry {
  kind: 'side' | 'stacked';
  list: PaneBox;
  output: PaneBox;
}

/** The panes' boxes in an area of `width` x `height` (side by side: a one-column rule between). */
export function splitGeometry(kind: 'side' | 'stacked', width: number, height: number): SplitGeometry {
  if (kind === 'side') {
    const list = Math.max(20, Math.floor(width * 0.45));
    return { kind, list: { width: list, height }, output: { width: Math.max(10, width - list - 1), height } };
  }
  const list = Math.max(4, Math.floor(height * 0.4));
  return { kind, list: { width, height: list }, output: { width, height: Math.max(PANE_HEADER_LINES + 1, height - list) } };
}

export function nextSplitMode(mode: SplitMode): SplitMode {
  return SPLIT_MODES[(SPLIT_MODES.indexOf(mode) + 1) % SPLIT_MODES.length];
}
