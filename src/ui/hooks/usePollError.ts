// The poller's current error in words, for the list's empty state and the footer.
import { useMemo } from 'react';
import { selectPollFailure } from '../../store/selectors.js';
import type { Store } from '../../store/types.js';
import { useStoreSelector } from '../../store/useStore.js';
import { errorText } from '../errorText.js';

/** A retry that failed the same way renders nothing new. */
const sameText = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && errorText(a) === errorText(b));

export function usePollError(store: Store): string | undefined {
  const failure = useStoreSelector(store, selectPollFailure, sameText);
  return useMemo(() => (failure === undefined ? undefined : errorText(failure)), [failure]);
}
