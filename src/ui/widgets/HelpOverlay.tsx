// `?`: every binding of the keymap table, generated from it, scrollable when the terminal is short.
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { fitToWidth } from '../../text/index.js';
import { useUiView } from '../context.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { helpRows } from '../keymap.js';
import { useTheme } from '../theme.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
  onQuit: () => void;
}

const KEYS_WIDTH = 26;

export function HelpOverlay({ width, height, active, onClose, onQuit }: HelpOverlayProps) {
  const theme = useTheme();
  const { readOnly } = useUiView();
  const rows = useMemo(() => helpRows({ readOnly }), [readOnly]);
  const bodyHeight = Math.max(1, height - 2);
  const maxTop = Math.max(0, rows.length - bodyHeight);
  const [top, setTop] = useState(0);
  const scroll = (to: number) => setTop(() => Math.min(Math.max(0, to), maxTop));
  useKeymap(
    'help',
    (action) => {
      switch (action) {
        case 'down':
          setTop((t) => Math.min(maxTop, t + 1));
          return;
        case 'up':
          setTop((t) => Math.max(0, t - 1));
          return;
        case 'pageDown':
          setTop((t) => Math.min(maxTop, t + bodyHeight));
          return;
        case 'pageUp':
          setTop((t) => Math.max(0, t - bodyHeight));
          return;
        case 'first':
          scroll(0);
          return;
        case 'last':
          scroll(maxTop);
          return;
        case 'quit':
          onQuit();
          return true;
        default:
          onClose();
          return true;
      }
    },
    { isActive: active },
  );
  const shownTop = Math.min(top, maxTop);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Keys{rows.length > bodyHeight ? `  (${shownTop + 1}-${Math.min(rows.length, shownTop + bodyHeight)} of ${rows.length}, j/k scroll)` : ''}
      </Text>
      {rows.slice(shownTop, shownTop + bodyHeight).map((row, i) => (
        <Text key={shownTop + i} wrap="truncate-end">
          <Text bold>{fitToWidth(row.keys, KEYS_WIDTH)}</Text>
          {'  '}
          {row.description}
          <Text color={theme.muted}>{`  [${row.where}]`}</Text>
        </Text>
      ))}
      <Text color={theme.muted} wrap="truncate-end">
        Esc or ? closes · q quits
      </Text>
    </Box>
  );
}
