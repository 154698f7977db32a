// `W`: watch an invocation for alerts (src/notify/decide.ts alerts once when a watched one
// ends), and again to stop. One that has already ended has nothing left to alert about.
import { useCallback } from 'react';
import { isFinalInvocation } from '../../api/status.js';
import { selectInvocation, selectWatched } from '../../store/selectors.js';
import type { Store } from '../../store/types.js';
import { readNow } from '../../store/useStore.js';
import { useUiActions } from '../context.js';
import type { UiPoller } from '../intents.js';

export function useWatch(store: Store, poller: UiPoller): (invokeId: string) => void {
  const ui = useUiActions();
  return useCallback(
    (invokeId: string) => {
      if (!poller.watch) return ui.flash('watching is not available here', 'error');
      if (readNow(store, selectWatched).has(invokeId)) {
        poller.watch(invokeId, false);
        return ui.flash(`stopped watching ${invokeId}`);
      }
      const inv = readNow(store, (s) => selectInvocation(s, invokeId));
      if (inv && isFinalInvocation(inv.invocationStatus)) return ui.flash(`${invokeId} has already ended (${inv.invocationStatus}): nothing to watch`);
      poller.watch(invokeId, true);
      ui.flash(`watching ${invokeId}: an alert when it ends (with --notify)`);
    },
    [store, poller, ui],
  );
}
