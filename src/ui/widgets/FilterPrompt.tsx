// A one-line text prompt for the list filter and the output search. It narrows as you type;
// Enter keeps the text, Esc clears it, Backspace deletes. Keys come through the keymap table.
// The `:` prompt is the same line with Tab completion, Up/Down recall and a submit on Enter.
import React, { useRef, useState } from 'react';
import { Text } from 'ink';
import { sanitizeInline } from '../../text/index.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { keyFor } from '../keymap.js';
import { useTheme } from '../theme.js';
import type { PromptRequest } from '../context.js';

export interface FilterPromptProps {
  label: string;
  initial: string;
  onChange: (text: string) => void;
  /** Called once when the prompt closes (Enter or Esc). */
  onClose: () => void;
  onQuit: () => void;
  active: boolean;
  onSubmit?: PromptRequest['onSubmit'];
  complete?: PromptRequest['complete'];
  recall?: PromptRequest['recall'];
  keysHint?: string;
}

/** Matches listed after the line when Tab found several: a few, then how many more. */
const SHOWN_CANDIDATES = 8;

export function FilterPrompt({ label, initial, onChange, onClose, onQuit, active, onSubmit, complete, recall, keysHint }: FilterPromptProps) {
  const theme = useTheme();
  const value = useRef(initial);
  const [shown, setShown] = useState(initial);
  const [candidates, setCandidates] = useState<string[]>([]);
  const set = (text: string) => {
    value.current = text;
    setShown(text);
    setCandidates([]);
    onChange(text);
  };
  useKeymap(
    'prompt',
    (action) => {
      switch (action) {
        case 'apply':
          onClose();
          onSubmit?.(value.current);
          return true;
        case 'complete': {
          if (!complete) return;
          const done = complete(value.current);
          set(done.line);
          setCandidates(done.candidates.length > 1 ? done.candidates : []);
          return;
        }
        case 'historyUp':
        case 'historyDown':
          if (recall) set(recall(action === 'historyUp' ? 'up' : 'down', value.current));
          return;
        case 'clear':
          set('');
          onClose();
          return true;
        case 'deleteChar':
          set(Array.from(value.current).slice(0, -1).join(''));
          return;
        case 'quit':
          onQuit();
          return true;
      }
    },
    {
      isActive: active,
      onText: (token) => {
        // Printable characters only; named keys (arrows, ctrl-x) are not text.
        if (Array.from(token).length === 1 && token >= ' ') set(value.current + token);
      },
    },
  );
  return (
    <Text wrap="truncate-start">
      <Text color={theme.accent} bold>
        {label === ':' ? label : `${label}: `}
      </Text>
      <Text>{sanitizeInline(shown)}</Text>
      <Text inverse> </Text>
      <Text color={theme.muted}>
        {'  '}
        {candidates.length > 0
          ? sanitizeInline(candidates.slice(0, SHOWN_CANDIDATES).join(' ') + (candidates.length > SHOWN_CANDIDATES ? ` +${candidates.length - SHOWN_CANDIDATES}` : ''))
          : (keysHint ?? `${keyFor('apply', 'prompt')} keep · ${keyFor('clear', 'prompt')} clear`)}
      </Text>
    </Text>
  );
}
