// The footer's short message. It belongs to the screen that made it (another screen does not
// show it), ends after FLASH_MS, and an `untilIdle` one (`refreshing…`) ends with the tick it announced.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clock, ClockTimer } from '../../clock.js';
import { selectInFlight } from '../../store/selectors.js';
import type { Store } from '../../store/types.js';
import { watchStore } from '../../store/useStore.js';
import type { FlashTone } from '../context.js';
import type { FooterMessage } from '../widgets/Footer.js';

export const FLASH_MS = 8000;

export interface Flash extends FooterMessage {
  id: number;
  owner: string;
  untilIdle?: boolean;
}

export interface FlashControl {
  /** The flash of the screen on top, if it has one. */
  shown: Flash | null;
  show(text: string, tone?: FlashTone, untilIdle?: boolean, owner?: string): void;
  clear(): void;
}

export function useFlash(clock: Clock, store: Store, topKey: { readonly current: string }): FlashControl {
  const [flash, setFlash] = useState<Flash | null>(null);
  const timer = useRef<ClockTimer | null>(null);
  const lastId = useRef(0);

  const show = useCallback(
    (text: string, tone: FlashTone = 'info', untilIdle = false, owner = topKey.current) => {
      const id = ++lastId.current;
      setFlash({ text, tone, id, owner, untilIdle });
      if (timer.current) clock.clearTimeout(timer.current);
      timer.current = clock.setTimeout(() => setFlash((f) => (f?.id === id ? null : f)), FLASH_MS);
    },
    [clock, topKey],
  );
  const clear = useCallback(() => setFlash(null), []);

  // None in flight: the tick it announced is over.
  const untilIdle = flash?.untilIdle ? flash.id : undefined;
  useEffect(() => {
    if (untilIdle === undefined) return;
    return watchStore(store, selectInFlight, (inFlight) => {
      if (!inFlight) setFlash((f) => (f?.id === untilIdle ? null : f));
    });
  }, [store, untilIdle]);

  return { shown: flash && flash.owner === topKey.current ? flash : null, show, clear };
}
