// The invocation's instances as groups by result (InvocationStatus, ExitCode, ErrorCode, output
// fingerprint), worst first. Statuses group at once; outputs are asked for (an outputs demand)
// and refine the groups as they arrive, with the progress in the title. Enter opens a group's
// instances (the instance list, filtered to it); `d` diffs its sample against the reference group.
import React, { useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Box } from 'ink';
import type { Invocation } from '../../api/model.js';
import { statusLabel } from '../../api/status.js';
import { createGroupBook, GROUP_MODES, sampleFirstLine, type Group, type GroupBook, type GroupMode } from '../../group/index.js';
import { handleSharedAction, useUiActions } from '../context.js';
import { formatCount } from '../format.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { applyListMove, useSelection } from '../hooks/useSelection.js';
import { describeError } from '../instanceText.js';
import type { UiPoller } from '../intents.js';
import { instanceStatusColour, useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { Table, type TableColumn } from '../widgets/Table.js';
import type { ActionId } from '../keymap.js';
import { GroupDiff } from './GroupDiff.js';

export interface GroupsScreenProps {
  poller: UiPoller;
  inv: Invocation;
  active: boolean;
  width: number;
  height: number;
  /** Enter: the instance list, filtered to this group. */
  onOpen(group: Group): void;
  /** `b` or Esc: back to the rows. */
  onClose(): void;
  /** The instance list's marks: space marks a group's instances, `u` clears, `x` stops the marked. */
  marks: { count: number; mark(group: Group): void; clear(): void; stop(): boolean; act(action: 'rerun' | 'copyIds', group?: Group): boolean };
  /** In the split's list pane: its keys (Tab, p), whether the list has the focus, and the group under the cursor. */
  split?: {
    handleKey(action: ActionId): boolean | undefined;
    listFocused: boolean;
    onCursor(group: Group | undefined): void;
    /** The pane's title, drawn under the breadcrumb (the groups' own line comes first). */
    title?: ReactNode;
  };
}


/** A poller without grouping (a test's stand-in): groups by status only, from a book of our own. */
const fallbackBook = createGroupBook();

/** The book's groups of one invocation in one mode, re-read when the book changes. */
function useGroups(book: GroupBook, invokeId: string, mode: GroupMode): readonly Group[] {
  const version = useSyncExternalStore(book.subscribe, book.version);
  return useMemo(() => book.groups(invokeId, mode), [book, invokeId, mode, version]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** The sample's first line (as `--groups` prints it), and ` …` where more lines follow. */
function sampleText(g: Group): string {
  const more = g.firstLine !== undefined && (g.sample?.length ?? 0) > g.firstLine.length + 1 ? ' …' : '';
  return sampleFirstLine(g) + more;
}

/** The title's note: mode, groups, and `outputs N/M` while outputs load. */
export function groupsNote(groups: readonly Group[], mode: GroupMode, progress: { fetched: number; total: number; done: boolean } | undefined): string {
  const parts = [`${groups.length} group${groups.length === 1 ? '' : 's'}`, mode];
  if (progress && !progress.done) parts.push(`outputs ${formatCount(progress.fetched)}/${formatCount(progress.total)}`);
  return parts.join(' · ');
}

export function GroupsScreen({ poller, inv, active, width, height, onOpen, onClose, marks, split }: GroupsScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const book = poller.groups ?? fallbackBook;
  const { invokeId } = inv;
  const [mode, setMode] = useState<GroupMode>('masked');
  const [diffOf, setDiffOf] = useState<string | undefined>();

  // Statuses group at once, from what the store holds; outputs come through the demand.
  useLayoutEffect(() => book.sync(invokeId, inv.instances), [book, invokeId, inv]);
  useLayoutEffect(() => poller.demand({ kind: 'outputs', invokeId }), [poller, invokeId]);

  const groups = useGroups(book, invokeId, mode);
  const progress = book.progress(invokeId);
  const keys = useMemo(() => groups.map((g) => g.key), [groups]);
  const selection = useSelection(keys, height - 2);
  const diffGroup = diffOf === undefined ? undefined : groups.find((g) => g.key === diffOf);

  useKeymap(
    'groups',
    (action) => {
      const splitKey = split?.handleKey(action);
      if (splitKey !== undefined) return splitKey;
      if (applyListMove(selection, action)) return;
      const selected = groups.find((g) => g.key === selection.current());
      switch (action) {
        case 'open':
          if (selected) onOpen(selected);
          return true;
        case 'groups':
        case 'back':
          onClose();
          return true;
        case 'groupMode':
          return void setMode((m) => GROUP_MODES[(GROUP_MODES.indexOf(m) + 1) % GROUP_MODES.length]);
        case 'mark':
          if (selected) marks.mark(selected);
          return;
        case 'clearMarks':
          return void marks.clear();
        case 'stop':
          if (marks.count > 0) return marks.stop();
          ui.stop(invokeId);
          return true;
        case 'rerun':
        case 'copyIds':
          // The marked instances, else the selected group's.
          if (marks.count === 0 && !selected) return;
          return marks.act(action, marks.count > 0 ? undefined : selected);
        case 'diff':
          if (!selected) return;
          setDiffOf(selected.key);
          return true;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active && diffGroup === undefined && (split?.listFocused ?? true) },
  );
  const cursor = groups.find((g) => g.key === selection.selectedId);
  const onCursor = split?.onCursor;
  useLayoutEffect(() => onCursor?.(cursor), [onCursor, cursor]);

  const columns = useMemo<TableColumn<Group>[]>(
    () => [
      { key: 'count', header: 'COUNT', width: 6, align: 'right', cell: (g) => formatCount(g.count) },
      {
        key: 'status',
        header: 'STATUS',
        width: 10,
        cell: (g) => statusLabel(g.status),
        colour: (g) => instanceStatusColour(theme, g.status),
      },
      { key: 'exit', header: 'EXIT', width: 4, align: 'right', cell: (g) => (g.exitCode === null ? '-' : String(g.exitCode)) },
      {
        key: 'error',
        header: 'ERROR',
        width: 14,
        priority: 1,
        cell: (g) => (g.errorCode ? describeError({ errorCode: g.errorCode, exitCode: g.exitCode } as Parameters<typeof describeError>[0]) : '-'),
      },
      { key: 'sample', header: 'SAMPLE OUTPUT (first line)', width: 20, flex: true, cell: sampleText },
    ],
    [theme],
  );

  const trail = ['Invocations', invokeId, 'groups'];
  if (diffGroup) {
    return (
      <GroupDiff
        group={diffGroup}
        groups={groups}
        trail={trail}
        active={active}
        width={width}
        height={height}
        onClose={() => setDiffOf(undefined)}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={trail} note={groupsNote(groups, mode, progress) + (marks.count ? ` · ${marks.count} marked` : '')} width={width} />
      {split?.title}
      <Table
        data={groups}
        columns={columns}
        width={width}
        height={Math.max(2, height - 1 - (split?.title ? 1 : 0))}
        top={selection.top}
        selectedIndex={selection.index}
        emptyText="no instances yet"
      />
    </Box>
  );
}
