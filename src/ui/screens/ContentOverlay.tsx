// `c`: the invocation's command content, decoded and sanitised, in a scrollable pager.
import React from 'react';
import { Box, Text } from 'ink';
import type { Store } from '../../store/types.js';
import { selectInvocation } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { contentPagerHints, useContentPagerKeys } from '../hooks/useContentPagerKeys.js';
import { useTextPager } from '../hooks/useTextPager.js';
import { useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { TextPagerView } from '../widgets/TextPagerView.js';

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
  const inv = useStoreSelector(store, (s) => selectInvocation(s, invokeId));
  const pagerHeight = Math.max(1, height - 2);
  const pager = useTextPager(inv?.commandContent, Math.max(1, width - 2), pagerHeight, { lineNumbers: true });

  useContentPagerKeys(pager, onClose, active);

  const flags = [pager.wrap ? 'wrap' : '', pager.raw ? 'raw' : '', pager.query ? `"${pager.query}" ${pager.matches.length} matches` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId, 'command content']} note={flags} width={width} />
      <TextPagerView pager={pager} height={pagerHeight} width={width} emptyText="(no command content)" />
      <Text color={theme.muted} wrap="truncate-end">
        {contentPagerHints('closes')}
      </Text>
    </Box>
  );
}
