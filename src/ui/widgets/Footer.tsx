// At the bottom: the current message or error, wrapped to as many lines as it needs (up to a
// share of the screen), and the key hints of the screen, or the filter/search prompt while it
// is open. `? help` and `q quit` are the last hints to go when the terminal is narrow.
import React from 'react';
import { Box, Text } from 'ink';
import { displayWidth } from '../../text/index.js';
import { wrapLines } from '../errorText.js';
import { useTheme } from '../theme.js';

export interface FooterMessage {
  text: string;
  tone: 'info' | 'error';
}

/** The message's lines at this size: the App sizes the body with them. */
export function footerMessageLines(message: FooterMessage | undefined, width: number, rows: number): string[] {
  if (!message) return [' '];
  return wrapLines(message.text, width, Math.max(1, Math.floor(rows / 4)));
}

/** Hints that fit in `width`, dropping from the end of those before the last `keep` (help, quit). */
export function fitHints(hints: readonly string[], width: number, keep = 2): string {
  const tail = hints.slice(Math.max(0, hints.length - keep));
  const head = hints.slice(0, Math.max(0, hints.length - keep));
  while (head.length > 0 && displayWidth([...head, ...tail].join('  ')) > width) head.pop();
  return [...head, ...tail].join('  ');
}

export interface FooterProps {
  width: number;
  /** From footerMessageLines. */
  lines: readonly string[];
  tone?: FooterMessage['tone'];
  hints: readonly string[];
  /** Replaces the hints (the open prompt). */
  children?: React.ReactNode;
}

export function Footer({ width, lines, tone, hints, children }: FooterProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={lines.length + 1}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end" color={tone === 'error' ? theme.error : theme.accent}>
          {line}
        </Text>
      ))}
      {children ?? (
        <Text wrap="truncate-end" color={theme.muted}>
          {fitHints(hints, width)}
        </Text>
      )}
    </Box>
  );
}
