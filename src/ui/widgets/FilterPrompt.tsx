// A one-line text prompt for the list filter and the output search. It narrows as you type;
// Enter keeps the text, Esc clears it, Backspace deletes. Keys come through the keymap table.
import React, { useRef, useState } from 'react';
import { Text } from 'ink';
import { sanitizeInline } from '../../text/index.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { keyFor } from '../keymap.js';
import { useTheme } from '../theme.js';

export interface FilterPromptProps {
  label: string;
  initial: string;
  onChange: (text: string) => void;
  /** Called once when the prompt closes (Enter or Esc). */
  onClose: () => void;
  onQuit: () => void;
  active: boolean;
}

export function FilterPrompt({ label, initial, onChange, onClose, onQuit, active }: FilterPromptProps) {
  const theme = useTheme();
  const value = useRef(initial);
  const [shown, setShown] = useState(initial);
  const set = (text: string) => {
    value.current = text;
    setShown(text);
    onChange(text);
  };
  useKeymap(
    'prompt',
    (action) => {
      switch (action) {
        case 'apply':
          onClose();
          return true;
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
        {label}:{' '}
      </Text>
      <Text>{sanitizeInline(shown)}</Text>
      <Text inverse> </Text>
      <Text color={theme.muted}>
        {'  '}
        {keyFor('apply', 'prompt')} keep · {keyFor('clear', 'prompt')} clear
      </Text>
    </Text>
  );
}
