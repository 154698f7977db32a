// The output of the row the cursor rests on, asked for after a pause: holding `j` over a hundred
// rows asks for one output, not a hundred. The demand is released when the cursor moves on (the
// poller keeps what it fetched in the store's output cache, which the pane shows at once).
import { useLayoutEffect } from 'react';
import type { Clock } from '../../../clock.js';
import type { UiPoller } from '../../intents.js';

/** How long the cursor rests on a row before its output is asked for. */
export const REST_MS = 150;

export function useRestingDemand(poller: UiPoller, clock: Clock, invokeId: string, instanceId: string | undefined, enabled: boolean): void {
  // In the commit that moves the cursor, so a pause measured from the frame is the pause.
  useLayoutEffect(() => {
    if (!enabled || instanceId === undefined) return;
    let release: (() => void) | undefined;
    const timer = clock.setTimeout(() => {
      release = poller.demand({ kind: 'output', invokeId, instanceId });
    }, REST_MS);
    return () => {
      clock.clearTimeout(timer);
      release?.();
    };
  }, [poller, clock, invokeId, instanceId, enabled]);
}
