// `:`: the command prompt (k9s' convention). The line's meaning, completion and history are
// commandLine.ts; what it does to the filters is commandApply.ts; here it is sent on: new API
// filters to the poller (page 1 again now, the list narrows at once), regions where the poller
// can change them, and a one-line answer in the footer either way. History lasts while catop runs.
import { useCallback, useRef } from 'react';
import type { Store } from '../../store/types.js';
import { readNow } from '../../store/useStore.js';
import { sanitizeInline } from '../../text/index.js';
import { commandEffect, knownValues } from '../commandApply.js';
import { completeCommandLine, emptyHistory, historyAdd, historyDown, historyUp, parseCommandLine } from '../commandLine.js';
import type { FlashTone, PromptRequest } from '../context.js';
import type { UiPoller } from '../intents.js';
import { keyFor } from '../keymap.js';

export interface CommandPromptDeps {
  store: Store;
  poller: UiPoller;
  flash: (text: string, tone?: FlashTone) => void;
}

/** Returns what opens the prompt: a request for the footer's prompt line. */
export function useCommandPrompt({ store, poller, flash }: CommandPromptDeps): () => PromptRequest {
  const history = useRef(emptyHistory);

  const submit = useCallback(
    (line: string) => {
      history.current = historyAdd(history.current, line);
      if (line.trim() === '') return;
      const effect = readNow(store, (s) => commandEffect(parseCommandLine(line), s));
      switch (effect.kind) {
        case 'error':
          return flash(sanitizeInline(effect.message), 'error');
        case 'regions':
          if (!poller.setRegions) return flash(`regions change only at start here: catop --region ${effect.regions.join(',')}`, 'error');
          poller.setRegions(effect.regions);
          return flash(`regions: ${effect.regions.join(', ')}`);
        case 'filters':
          if (!poller.setFilters) return flash('the API filters change only at start here: use the filter flags (catop --help)', 'error');
          poller.setFilters(effect.filters);
          return flash(effect.message);
      }
    },
    [store, poller, flash],
  );

  return useCallback(
    () => ({
      label: ':',
      initial: '',
      onChange: () => {},
      onSubmit: submit,
      complete: (text) => completeCommandLine(text, readNow(store, knownValues)),
      recall: (direction, text) => {
        const step = direction === 'up' ? historyUp(history.current, text) : historyDown(history.current, text);
        history.current = step.history;
        return step.line;
      },
      keysHint: `${keyFor('complete', 'prompt')} complete · ${keyFor('apply', 'prompt')} apply · ${keyFor('clear', 'prompt')} cancel`,
    }),
    [store, submit],
  );
}
