// The invocation screen's side of the split: which layout fits now, the list pane's box, and the
// list's split keys (Tab: into the output pane; `p`: the next layout). The arrows stay as they
// are in the list (right opens the output screen); in the pane left is back, to the list.
import { useLayoutEffect } from 'react';
import { useTerminalSize } from '../../hooks/useTerminalSize.js';
import type { ActionId } from '../../keymap.js';
import { splitGeometry, splitKind, type SplitGeometry, type SplitKind } from './layout.js';
import { focusLabel, useSplit } from './splitState.js';

export interface InvocationSplit {
  kind: SplitKind;
  /** The panes' boxes; undefined when there is no split (the drill-down). */
  geometry: SplitGeometry | undefined;
  /** The list takes the keys (no split, or the focus on it). */
  listFocused: boolean;
  /** The breadcrumb's words for the focus; '' without a split. */
  note: string;
  /** A split key of the list: the handler's result (true: the keys went to the pane), undefined when not one. */
  handleKey(action: ActionId): boolean | undefined;
}

/** `area`: what the screen gives the list and the pane (below its details). `shown`: the rows are on screen. */
export function useInvocationSplit(area: { width: number; height: number }, shown: boolean): InvocationSplit {
  const split = useSplit();
  const { columns, rows } = useTerminalSize();
  const kind = shown ? splitKind(split.mode, columns, rows) : 'off';
  const { setShown } = split;
  useLayoutEffect(() => {
    setShown(kind);
    return () => setShown('off');
  }, [kind, setShown]);
  const geometry = kind === 'off' ? undefined : splitGeometry(kind, area.width, area.height);
  const listFocused = kind === 'off' || split.focus === 'list';
  return {
    kind,
    geometry,
    listFocused,
    note: kind === 'off' ? '' : focusLabel(split.focus),
    handleKey(action) {
      if (action === 'splitLayout') {
        split.cycleMode();
        split.setFocus('list');
        return false;
      }
      if (kind === 'off') return undefined;
      if (action === 'focusPane') {
        split.setFocus('output');
        return true;
      }
      return undefined;
    },
  };
}
