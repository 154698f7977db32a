// `c`: the invocation's command content, decoded and sanitised, in a scrollable pager.
import React from 'react';
import { Box, Text } from 'ink';
import type { Store } from '../../store/types.js';
import { selectInvocation } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { handleSharedAction, useUiActions } from '../context.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { keyFor } from '../keymap.js';
import { useTextPager } from '../hooks/useTextPager.js';
import { useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { Pager } from '../widgets/Pager.js';

export interface ContentOverlayProps {
  store: Store;
  invokeId: string;
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
}

export function ContentOverlay({ store, invokeId, width, height, active, onClose }: ContentOverlayProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const inv = useStoreSelector(store, (s) => selectInvocation(s, invokeId));
  const pagerHeight = Math.max(1, height - 2);
  const pager = useTextPager(inv?.commandContent, Math.max(1, width - 2), pagerHeight, { lineNumbers: true });

  useKeymap(
    'content',
    (action) => {
      if (pager.handle(action)) return;
      switch (action) {
        case 'back':
          onClose();
          return true;
        case 'search':
          ui.prompt({ label: 'search', initial: pager.query, onChange: pager.setQuery });
          return true;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active },
  );

  const flags = [pager.wrap ? 'wrap' : '', pager.raw ? 'raw' : '', pager.query ? `"${pager.query}" ${pager.matches.length} matches` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId, 'command content']} note={flags} width={width} />
      <Pager
        lines={pager.rows}
        top={pager.top}
        height={pagerHeight}
        width={width}
        query={pager.query}
        currentSource={pager.match >= 0 ? pager.matches[pager.match] : undefined}
        lineNumbers={pager.lineNumbers}
        emptyText="(no command content)"
      />
      <Text color={theme.muted} wrap="truncate-end">
        {`${keyFor('back', 'content')} closes · ${keyFor('wrap', 'content')} wrap · ${keyFor('raw', 'content')} raw · ${keyFor('lineNumbers', 'content')} line numbers · ${keyFor('search', 'content')} search`}
      </Text>
    </Box>
  );
}
