// The two panes in place: the list (its title marked when it has the keys) and the output pane,
// side by side with a rule between, or stacked. Rows keep their lines as the cursor moves, so
// Ink's incremental renderer rewrites only what changed in each pane.
import React, { type ReactNode } from 'react';
import { Box } from 'ink';
import { useTheme } from '../../theme.js';
import type { SplitGeometry } from './layout.js';
import { PaneTitle } from './OutputPane.js';

export function SplitBody({ geometry, listFocused, listTitle, list, output }: {
  geometry: SplitGeometry;
  listFocused: boolean;
  /** Undefined: the list draws its title itself (the groups view, under its breadcrumb). */
  listTitle?: string;
  list: ReactNode;
  output: ReactNode;
}) {
  const theme = useTheme();
  const side = geometry.kind === 'side';
  return (
    <Box flexDirection={side ? 'row' : 'column'}>
      <Box flexDirection="column" width={geometry.list.width} height={geometry.list.height}>
        {listTitle === undefined ? null : <PaneTitle focused={listFocused}>{listTitle}</PaneTitle>}
        {list}
      </Box>
      {side ? (
        // Its own element: Ink keeps a border it drew when the prop turns off on a resize.
        <Box
          key="side"
          width={geometry.output.width + 1}
          height={geometry.output.height}
          borderStyle="single"
          borderColor={theme.muted}
          borderTop={false}
          borderBottom={false}
          borderRight={false}
        >
          {output}
        </Box>
      ) : (
        <Box key="stacked" width={geometry.output.width} height={geometry.output.height}>
          {output}
        </Box>
      )}
    </Box>
  );
}
