// Where we are: "Invocations › t-hz0abc › i-bp1xyz", then what narrows the view.
import React from 'react';
import { Text } from 'ink';
import { sanitizeInline } from '../../text/index.js';
import { useTheme } from '../theme.js';

export interface BreadcrumbProps {
  trail: readonly string[];
  /** Filters and counts of the current view, shown after the trail. */
  note?: string;
  width?: number;
}

export function Breadcrumb({ trail, note }: BreadcrumbProps) {
  const theme = useTheme();
  const last = trail.length - 1;
  return (
    <Text wrap="truncate-end">
      {trail.map((part, i) => (
        <Text key={i} bold={i === last} color={i === last ? theme.accent : theme.muted}>
          {(i > 0 ? ' › ' : '') + sanitizeInline(part)}
        </Text>
      ))}
      {note ? <Text color={theme.muted}>{'  ' + sanitizeInline(note)}</Text> : null}
    </Text>
  );
}
