// Below the minimum size the screens cannot lay out: say so on one line, and still quit on `q`.
import React from 'react';
import { Text, useInput } from 'ink';
import { keyTokens, resolveAction } from '../keymap.js';
import { useTheme } from '../theme.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

export function TooSmall({ columns, rows, onQuit }: { columns: number; rows: number; onQuit: () => void }) {
  const theme = useTheme();
  useInput((input, key) => {
    if (keyTokens(input, key).some((t) => resolveAction('invocations', t) === 'quit')) onQuit();
  });
  return (
    <Text color={theme.warning} wrap="truncate-end">
      terminal too small ({columns}x{rows}, need {MIN_COLUMNS}x{MIN_ROWS})
    </Text>
  );
}
