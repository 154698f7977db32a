// A window over display lines (output, command content, help): only the visible rows render.
// Lines arrive already safe (from src/text); search matches are highlighted here.
import React from 'react';
import { Box, Text } from 'ink';
import { truncateToWidth } from '../../text/index.js';
import { useTheme } from '../theme.js';

export interface PagerLine {
  text: string;
  /** Index of the source line this visual row belongs to (wrapping makes several rows). */
  source: number;
  /** First visual row of its source line. */
  first: boolean;
  /** The line was overwritten by a carriage return (progress bars): marked in the gutter. */
  overwritten: boolean;
  /** Not text but a note about it (where the service cut it): drawn apart. */
  note?: boolean;
}

export interface PagerProps {
  lines: readonly PagerLine[];
  top: number;
  height: number;
  width: number;
  query?: string;
  /** Source line of the current search match. */
  currentSource?: number;
  lineNumbers?: boolean;
  /** Shown when there are no lines. */
  emptyText?: string;
}

/** Splits `text` around case-insensitive occurrences of `query`. Pure; exported for tests. */
export function splitMatches(text: string, query: string): { text: string; match: boolean }[] {
  if (!query) return [{ text, match: false }];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  // Lower-casing changed lengths (rare scripts): show the line unhighlighted rather than misplaced.
  if (hay.length !== text.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) break;
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

export function Pager({ lines, top, height, width, query, currentSource, lineNumbers = false, emptyText }: PagerProps) {
  const theme = useTheme();
  const visible = lines.slice(top, top + height);
  const numberWidth = lineNumbers ? String((lines[lines.length - 1]?.source ?? 0) + 1).length + 1 : 0;
  const textWidth = Math.max(1, width - 2 - numberWidth);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {visible.length === 0 && emptyText ? (
        <Text color={theme.muted} wrap="truncate-end">
          {emptyText}
        </Text>
      ) : null}
      {visible.map((line, i) => {
        const isCurrent = currentSource !== undefined && line.source === currentSource;
        // The CR mark wins over the match mark (which the accent colour still shows): it warns.
        const mark = line.overwritten && line.first ? '↺' : isCurrent && line.first ? '▸' : ' ';
        const num = lineNumbers ? (line.first ? String(line.source + 1) : '').padStart(numberWidth - 1) + ' ' : '';
        const shown = truncateToWidth(line.text, textWidth);
        return (
          <Text key={top + i} wrap="truncate-end">
            <Text color={isCurrent ? theme.accent : theme.muted}>{mark + ' ' + num}</Text>
            {line.note ? (
              <Text color={theme.warning}>{shown}</Text>
            ) : query
              ? splitMatches(shown, query).map((part, k) =>
                  part.match ? (
                    <Text key={k} inverse color={theme.match} bold>
                      {part.text}
                    </Text>
                  ) : (
                    <Text key={k}>{part.text}</Text>
                  ),
                )
              : shown}
          </Text>
        );
      })}
    </Box>
  );
}
