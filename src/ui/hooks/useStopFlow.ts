// `x`: refused in read-only mode and for what has already ended; otherwise a confirm, then the
// poller's StopInvocation, with the answer flashed on the screen that asked.
import { useCallback } from 'react';
import { isFinalInstance, isFinalInvocation } from '../../api/status.js';
import { selectInvocation } from '../../store/selectors.js';
import type { Store } from '../../store/types.js';
import { readNow } from '../../store/useStore.js';
import { sanitizeInline } from '../../text/index.js';
import { errorText } from '../errorText.js';
import type { UiPoller } from '../intents.js';
import type { FlashControl } from './useFlash.js';
import type { Overlay } from './useOverlays.js';

export interface StopFlowDeps {
  store: Store;
  poller: UiPoller;
  readOnly: boolean;
  flash: FlashControl['show'];
  confirm: (overlay: Extract<Overlay, { kind: 'confirm' }>) => void;
  topKey: { readonly current: string };
}

export function useStopFlow({ store, poller, readOnly, flash, confirm, topKey }: StopFlowDeps) {
  return useCallback(
    (invokeId: string, instanceIds?: string[]) => {
      if (readOnly) {
        flash('read-only mode: stopping invocations is disabled (started with --read-only)', 'error');
        return;
      }
      const inv = readNow(store, (s) => selectInvocation(s, invokeId));
      const ended = instanceIds?.length
        ? inv?.instances.find((i) => instanceIds.includes(i.instanceId) && isFinalInstance(i.invocationStatus))
        : undefined;
      if (ended || (inv && !instanceIds?.length && isFinalInvocation(inv.invocationStatus))) {
        const what = ended ? `${sanitizeInline(ended.instanceId)} of ${invokeId}` : invokeId;
        flash(`${what} has already ended (${ended?.invocationStatus ?? inv?.invocationStatus}): nothing to stop`);
        return;
      }
      const target = instanceIds?.length
        ? instanceIds.length > 3
          ? `on ${instanceIds.length} marked instances (${instanceIds.slice(0, 2).map(sanitizeInline).join(', ')}, …)`
          : `on ${instanceIds.map(sanitizeInline).join(', ')}`
        : `on all its instances (${inv?.instances.length ?? 0})`;
      confirm({
        kind: 'confirm',
        title: `Stop invocation ${invokeId}?`,
        lines: [
          `${sanitizeInline(inv?.commandName ?? inv?.commandId ?? '')} ${target}`.trim(),
          'StopInvocation ends what is running; scheduled runs stop too.',
        ],
        onYes: () => {
          // The answer belongs to the screen that asked, even if the user has moved on.
          const owner = topKey.current;
          flash(`stopping ${invokeId}…`);
          poller.stopInvocation(invokeId, instanceIds).then(
            () => flash(`stop requested for ${invokeId}`, 'info', false, owner),
            (err: unknown) => flash(`stop failed: ${errorText(err)}`, 'error', false, owner),
          );
        },
        onNo: () => flash('not stopped'),
      });
    },
    [store, poller, readOnly, flash, confirm, topKey],
  );
}
