// One group's sample output against the reference group's (lowest exit code, then the largest
// group, then the first InstanceId), as a unified diff: `-` the reference's lines, `+` this
// group's, readable without colour and coloured through the theme. Every line is sanitised.
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { diffSamples, referenceGroup, type DiffLine, type Group } from '../../group/index.js';
import { sanitizeInline } from '../../text/index.js';
import { handleSharedAction, useUiActions } from '../context.js';
import { formatCount } from '../format.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useTheme, type Theme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';

export interface GroupDiffProps {
  group: Group;
  groups: readonly Group[];
  trail: string[];
  active: boolean;
  width: number;
  height: number;
  onClose(): void;
}

/** A line longer than this is cut before it is sanitised (the screen shows one row of it). */
const LINE_CHARS = 2_000;

function colourOf(theme: Theme, mark: DiffLine['mark']): string | undefined {
  if (mark === '+') return theme.status.success;
  if (mark === '-') return theme.status.failed;
  if (mark === '@') return theme.accent;
  return undefined;
}

/** What the pane says: the diff's lines, or why there is none. */
export function diffRows(group: Group, groups: readonly Group[]): { lines: DiffLine[]; note: string } {
  const ref = referenceGroup(groups);
  if (group.sample === undefined) return { lines: [], note: 'this group has no output fetched yet' };
  if (!ref || ref.sample === undefined) return { lines: [], note: 'no reference group yet' };
  const name = `reference: ${formatCount(ref.count)} × ${ref.status} exit ${ref.exitCode ?? '-'}`;
  if (ref.key === group.key) return { lines: [], note: `${name} (this group is the reference)` };
  const diff = diffSamples(ref.sample, group.sample);
  const cut = group.sampleCut || ref.sampleCut ? ' · samples cut to their first lines' : '';
  if (diff.lines.length === 0) return { lines: [], note: `${name} · the same output${cut}` };
  return { lines: diff.lines, note: `${name} · +${diff.added} -${diff.removed}${diff.whole ? ' (too different to align)' : ''}${cut}` };
}

export function GroupDiff({ group, groups, trail, active, width, height, onClose }: GroupDiffProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { lines, note } = useMemo(() => diffRows(group, groups), [group, groups]);
  const [top, setTop] = useState(0);
  const rows = Math.max(1, height - 2);
  const maxTop = Math.max(0, lines.length - rows);

  useKeymap(
    'diff',
    (action) => {
      const move = (to: number) => setTop(Math.min(maxTop, Math.max(0, to)));
      switch (action) {
        case 'down':
          return void move(top + 1);
        case 'up':
          return void move(top - 1);
        case 'pageDown':
          return void move(top + rows);
        case 'pageUp':
          return void move(top - rows);
        case 'first':
          return void move(0);
        case 'last':
          return void move(maxTop);
        case 'back':
          onClose();
          return true;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active },
  );

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={[...trail, `diff of ${formatCount(group.count)}`]} note={note} width={width} />
      {lines.slice(top, top + rows).map((l, i) => (
        <Text key={top + i} wrap="truncate-end" color={colourOf(theme, l.mark)}>
          {l.mark === '@' ? sanitizeInline(l.text.slice(0, LINE_CHARS)) : `${l.mark}${sanitizeInline(l.text.slice(0, LINE_CHARS))}`}
        </Text>
      ))}
    </Box>
  );
}
