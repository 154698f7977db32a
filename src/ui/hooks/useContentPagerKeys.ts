// The keys of a read-only text view (command content, a past run's output): the pager's own
// moves and modes, back, and search; everything else as on every screen.
import { handleSharedAction, useUiActions } from '../context.js';
import { keyFor } from '../keymap.js';
import { useKeymap } from './useKeymap.js';
import type { TextPager } from './useTextPager.js';

export function useContentPagerKeys(pager: TextPager, onClose: () => void, active: boolean): void {
  const ui = useUiActions();
  useKeymap(
    'content',
    (action) => {
      if (pager.handle(action)) return;
      switch (action) {
        case 'back':
          onClose();
          return true;
        case 'search':
          ui.prompt({ label: 'search', initial: pager.query, onChange: pager.setQuery });
          return true;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active },
  );
}

/** The footer of such a view, its keys named from the keymap: `Esc closes · w wrap · …`. */
export function contentPagerHints(backWords: string): string {
  const k = (a: Parameters<typeof keyFor>[0]) => keyFor(a, 'content');
  return `${k('back')} ${backWords} · ${k('wrap')} wrap · ${k('raw')} raw · ${k('lineNumbers')} line numbers · ${k('search')} search`;
}
