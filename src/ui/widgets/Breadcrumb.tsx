// Where we are: "Invocations › t-hz0abc › i-bp1xyz", then what narrows the view. When the line
// is too narrow the trail gives way (the root first, then the ids before the last), never the
// note: it holds the state of the view (follow, filter, counts).
import React from 'react';
import { Text } from 'ink';
import { displayWidth, sanitizeInline, truncateToWidth } from '../../text/index.js';
import { useTheme } from '../theme.js';

export interface BreadcrumbProps {
  trail: readonly string[];
  /** Filters and counts of the current view, shown after the trail. */
  note?: string;
  width?: number;
}

const SEP = ' › ';

/**
 * The trail's parts shortened to fit `room` cells: the root goes, then the parts before the last
 * are cut, then they go, and last the current part itself is cut (to 8 cells at least).
 */
export function fitTrail(trail: readonly string[], room: number): string[] {
  let parts = [...trail];
  const width = (p: readonly string[]) => displayWidth(p.join(SEP));
  const cut = (i: number, min: number) => {
    const over = width(parts) - room;
    if (over > 0) parts[i] = truncateToWidth(parts[i], Math.max(min, displayWidth(parts[i]) - over));
  };
  if (parts.length > 1 && width(parts) > room) parts = ['…', ...parts.slice(1)];
  for (let i = 1; i < parts.length - 1; i++) cut(i, 4);
  if (parts.length > 2 && width(parts) > room) parts = ['…', parts[parts.length - 1]];
  cut(parts.length - 1, 8);
  return parts;
}

export function Breadcrumb({ trail, note, width }: BreadcrumbProps) {
  const theme = useTheme();
  const safe = trail.map(sanitizeInline);
  const noteText = note ? '  ' + sanitizeInline(note) : '';
  const parts = width === undefined ? safe : fitTrail(safe, Math.max(8, width - displayWidth(noteText)));
  const last = parts.length - 1;
  return (
    <Text wrap="truncate-end">
      {parts.map((part, i) => (
        <Text key={i} bold={i === last} color={i === last ? theme.accent : theme.muted}>
          {(i > 0 ? SEP : '') + part}
        </Text>
      ))}
      {noteText ? <Text color={theme.muted}>{noteText}</Text> : null}
    </Text>
  );
}
