// What covers the screens: help over command content, a search prompt over command content, a
// confirm. The prompt sits in the footer, so what covers the body is the top one that is not a prompt.
import { useCallback, useState } from 'react';
import type { PromptRequest } from '../context.js';

export type Overlay =
  | { kind: 'help' }
  | { kind: 'content'; invokeId: string }
  | { kind: 'confirm'; title: string; lines: string[]; onYes: () => void; onNo?: () => void }
  | { kind: 'prompt'; request: PromptRequest };

export interface Overlays {
  list: readonly Overlay[];
  /** The one that takes the keys. */
  top: Overlay | null;
  /** The one drawn over the body (the top one that is not the footer's prompt). */
  covering: Overlay | null;
  push(overlay: Overlay): void;
  close(): void;
}

export function useOverlays(): Overlays {
  const [list, setList] = useState<Overlay[]>([]);
  const push = useCallback((o: Overlay) => setList((l) => [...l, o]), []);
  const close = useCallback(() => setList((l) => l.slice(0, -1)), []);
  const top = list.length ? list[list.length - 1] : null;
  const covering = [...list].reverse().find((o) => o.kind !== 'prompt') ?? null;
  return { list, top, covering, push, close };
}
