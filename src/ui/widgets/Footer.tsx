// Two lines at the bottom: the current message or error (one line), and the key hints of the
// screen, or the filter/search prompt while it is open.
import React from 'react';
import { Box, Text } from 'ink';
import { sanitizeInline } from '../../text/index.js';
import { truncateMiddle } from '../format.js';
import { useTheme } from '../theme.js';

export const FOOTER_HEIGHT = 2;

export interface FooterMessage {
  text: string;
  tone: 'info' | 'error';
}

export interface FooterProps {
  width: number;
  message?: FooterMessage;
  hints: string;
  /** Replaces the hints (the open prompt). */
  children?: React.ReactNode;
}

export function Footer({ width, message, hints, children }: FooterProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={FOOTER_HEIGHT}>
      <Text wrap="truncate-end" color={message?.tone === 'error' ? theme.error : theme.accent}>
        {message ? truncateMiddle(sanitizeInline(message.text), width) : ' '}
      </Text>
      {children ?? (
        <Text wrap="truncate-end" color={theme.muted}>
          {hints}
        </Text>
      )}
    </Box>
  );
}
