// The split's state for the whole run: the mode `p` chose (kept while catop runs, across
// invocations), which pane has the keys, and what the screen on top shows (the help says it).
import { createContext, useContext, useMemo, useState } from 'react';
import { keyFor } from '../../keymap.js';
import { nextSplitMode, type SplitKind, type SplitMode } from './layout.js';

export type PaneFocus = 'list' | 'output';

export interface SplitState {
  mode: SplitMode;
  focus: PaneFocus;
  /** What the invocation screen on top draws now ('off' when it draws no split or is covered). */
  shown: SplitKind;
  cycleMode(): void;
  setFocus(focus: PaneFocus): void;
  setShown(kind: SplitKind): void;
}

const none = () => undefined;

/** Outside <App> (a screen rendered alone): no split. */
export const SplitContext = createContext<SplitState>({
  mode: 'off',
  focus: 'list',
  shown: 'off',
  cycleMode: none,
  setFocus: none,
  setShown: none,
});

/** The App's: provide it through SplitContext. */
export function useSplitRoot(initial: SplitMode = 'auto'): SplitState {
  const [mode, setMode] = useState<SplitMode>(initial);
  const [focus, setFocus] = useState<PaneFocus>('list');
  const [shown, setShown] = useState<SplitKind>('off');
  return useMemo(
    () => ({ mode, focus, shown, cycleMode: () => setMode(nextSplitMode), setFocus, setShown }),
    [mode, focus, shown],
  );
}

export function useSplit(): SplitState {
  return useContext(SplitContext);
}

/** `focus: list (Tab: output)`: how the breadcrumb names the pane with the keys. */
export function focusLabel(focus: PaneFocus): string {
  const tab = keyFor('focusPane', 'invocation');
  return focus === 'list' ? `focus: list (${tab}: output)` : `focus: output (${tab}: list)`;
}

/** The help's title note under a split: which pane the keys go to, and under which heading. */
export function splitHelpNote(split: SplitState): string | undefined {
  if (split.shown === 'off') return undefined;
  return split.focus === 'list'
    ? 'split: the list pane has the keys (the invocation keys)'
    : 'split: the output pane has the keys (the output keys)';
}
