// A yes/no question: `y` confirms, any other key cancels (ctrl-c still quits).
import React from 'react';
import { Box, Text } from 'ink';
import { sanitizeInline } from '../../text/index.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { keyFor } from '../keymap.js';
import { useTheme } from '../theme.js';

export interface ConfirmDialogProps {
  title: string;
  lines: readonly string[];
  onYes: () => void;
  onNo: () => void;
  onQuit: () => void;
  active: boolean;
  width: number;
}

export function ConfirmDialog({ title, lines, onYes, onNo, onQuit, active, width }: ConfirmDialogProps) {
  const theme = useTheme();
  useKeymap(
    'confirm',
    (action) => {
      if (action === 'confirm') onYes();
      else if (action === 'quit') onQuit();
      else onNo();
      return true;
    },
    {
      isActive: active,
      onText: () => {
        onNo();
        return true;
      },
    },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.warning} paddingX={1} width={Math.min(width, 76)}>
      <Text bold color={theme.warning} wrap="truncate-end">
        {sanitizeInline(title)}
      </Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {sanitizeInline(line)}
        </Text>
      ))}
      <Text wrap="truncate-end">
        <Text bold>{keyFor('confirm', 'confirm')}</Text> to confirm, any other key cancels
      </Text>
    </Box>
  );
}
