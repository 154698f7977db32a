// The output keys that act beyond the pager (search, save, content, stop), the same on the output
// screen and in the split's output pane (src/ui/screens/OutputScreen.tsx, screens/split/OutputPane.tsx).
import { handleSharedAction, type UiActions } from './context.js';
import type { TextPager } from './hooks/useTextPager.js';
import type { ActionId } from './keymap.js';

export interface ShownOutput {
  invokeId: string;
  /** Undefined in the pane while no instance is under the cursor. */
  instanceId: string | undefined;
  /** The output as the service returned it (what `e` saves), if fetched. */
  text: string | undefined;
  running: boolean;
}

/** Handles `action` for the output shown; undefined when it is not one of these keys. */
export function handleOutputAction(action: ActionId, ui: UiActions, pager: TextPager, shown: ShownOutput): boolean | undefined {
  const { invokeId, instanceId } = shown;
  switch (action) {
    case 'search':
      ui.prompt({ label: 'search', initial: pager.query, onChange: pager.setQuery });
      return true;
    case 'save':
      if (!instanceId || pager.lines.length === 0) return void ui.flash(`nothing to save: this instance has no output${shown.running ? ' yet' : ''}`);
      // The output as the service returned it, not the screen's cleaned lines.
      ui.saveOutput(invokeId, instanceId, shown.text ?? '');
      return;
    case 'content':
      ui.showContent(invokeId);
      return true;
    case 'stop':
      if (!instanceId) return;
      ui.stop(invokeId, [instanceId]);
      return true;
    default:
      return handleSharedAction(action, ui);
  }
}
