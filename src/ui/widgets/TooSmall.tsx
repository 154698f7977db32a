// Below the minimum size the screens cannot lay out: say so on one line, and still quit on `q`.
import React from 'react';
import { Text } from 'ink';
import { useKeymap } from '../hooks/useKeymap.js';
import { useTheme } from '../theme.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

/** The longest form that fits: the size must show even in a 20-column pane. */
export function tooSmallMessage(columns: number, rows: number): string {
  const full = `terminal too small (${columns}x${rows}, need ${MIN_COLUMNS}x${MIN_ROWS})`;
  if (full.length <= columns) return full;
  const short = `too small: ${columns}x${rows}`;
  return short.length <= columns ? short : `${columns}x${rows}`;
}

export function TooSmall({ columns, rows, onQuit }: { columns: number; rows: number; onQuit: () => void }) {
  const theme = useTheme();
  // Only quitting makes sense here; every other key waits for a usable size.
  useKeymap('invocations', (action) => {
    if (action === 'quit') {
      onQuit();
      return true;
    }
  });
  return (
    <Text color={theme.warning} wrap="truncate-end">
      {tooSmallMessage(columns, rows)}
    </Text>
  );
}
