// The poller's current error in words, for the list's empty state and the footer; with several
// regions, the first region's in trouble, named ("cn-shanghai: ...").
import { useMemo } from 'react';
import { selectPollFailure, type PollFailure } from '../../store/selectors.js';
import type { Store } from '../../store/types.js';
import { useStoreSelector } from '../../store/useStore.js';
import { sanitizeInline } from '../../text/index.js';
import { errorText } from '../errorText.js';

function failureText({ error, regionId }: PollFailure): string {
  return regionId === undefined ? errorText(error) : `${sanitizeInline(regionId)}: ${errorText(error)}`;
}

/** A retry that failed the same way renders nothing new. */
const sameText = (a: PollFailure | undefined, b: PollFailure | undefined) =>
  a === b || (a !== undefined && b !== undefined && failureText(a) === failureText(b));

export function usePollError(store: Store): string | undefined {
  const failure = useStoreSelector(store, selectPollFailure, sameText);
  return useMemo(() => (failure === undefined ? undefined : failureText(failure)), [failure]);
}
