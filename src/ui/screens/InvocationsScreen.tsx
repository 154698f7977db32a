// The first screen: every loaded invocation, newest first, windowed, with the cursor kept on
// the row being read while new invocations arrive on top.
import React, { useMemo, useState } from 'react';
import { Box } from 'ink';
import type { Invocation } from '../../api/model.js';
import type { Store } from '../../store/types.js';
import { instanceCounts } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { handleSharedAction, useUiActions, useUiView } from '../context.js';
import { formatCount } from '../format.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useTimeText } from '../hooks/useTimeText.js';
import { useSelection, applyListMove } from '../hooks/useSelection.js';
import type { UiPoller } from '../intents.js';
import { filterInvocationIds, instanceCountsLabel, nextStatusFilter, type StatusFilter } from '../rowFilters.js';
import { invocationStatusColour, useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { Table, type TableColumn } from '../widgets/Table.js';

export interface InvocationsScreenProps {
  store: Store;
  poller: UiPoller;
  active: boolean;
  width: number;
  height: number;
}

const selectDataVersion = (s: { dataVersion: number }) => s.dataVersion;

/** "Shell", "PowerShell", "Bat": the list's TYPE column; the invocation screen names the full CommandType. */
export function shortCommandType(type: string | undefined): string {
  if (!type) return '-';
  return /^Run(Shell|PowerShell|Bat)Script$/.exec(type)?.[1] ?? type;
}

export function maxRepeats(inv: Invocation): number {
  let max = 0;
  for (const i of inv.instances) if (i.repeats > max) max = i.repeats;
  return max;
}

export function InvocationsScreen({ store, poller, active, width, height }: InvocationsScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { clock, timeMode } = useUiView();
  const times = useTimeText(clock, timeMode);
  const dataVersion = useStoreSelector(store, selectDataVersion);
  const phase = useStoreSelector(store, (s) => s.poll.phase);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [text, setText] = useState('');

  const state = store.getState();
  const { invocations } = state;
  // The entity map is updated in place: dataVersion says when its contents changed.
  const rows = useMemo(
    () => filterInvocationIds(store.getState().order, store.getState().invocations, statusFilter, text),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, dataVersion, statusFilter, text],
  );

  const tableHeight = Math.max(2, height - 1);
  // A one-off: served with the next history page, so nothing is left to release.
  const selection = useSelection(rows, tableHeight - 1, () => void poller.demand({ kind: 'history' }));

  useKeymap(
    'invocations',
    (action) => {
      if (applyListMove(selection, action)) return;
      const selected = selection.current();
      switch (action) {
        case 'open':
          if (!selected) return;
          ui.open({ screen: 'invocation', invokeId: selected });
          return true;
        case 'filter':
          ui.prompt({ label: 'filter', initial: text, onChange: setText });
          return true;
        case 'statusFilter':
          return void setStatusFilter(nextStatusFilter);
        case 'content':
          if (!selected) return;
          ui.showContent(selected);
          return true;
        case 'stop':
          if (!selected) return;
          ui.stop(selected);
          return true;
        case 'back':
          // Nothing to go back to: Esc clears what narrows the list.
          setText('');
          setStatusFilter('all');
          return;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active },
  );

  const columns = useMemo<TableColumn<string>[]>(() => {
    const get = (id: string) => invocations.get(id);
    return [
      {
        key: 'status',
        header: 'STATUS',
        width: 13,
        cell: (id) => get(id)?.invocationStatus ?? '?',
        colour: (id) => {
          const inv = get(id);
          return inv ? invocationStatusColour(theme, inv.invocationStatus) : undefined;
        },
      },
      { key: 'invokeId', header: 'INVOKE ID', width: 18, cell: (id) => id },
      { key: 'name', header: 'COMMAND NAME', width: 12, flex: true, cell: (id) => get(id)?.commandName ?? '-' },
      { key: 'type', header: 'TYPE', width: 10, priority: 3, cell: (id) => shortCommandType(get(id)?.commandType) },
      {
        key: 'instances',
        header: 'INSTANCES',
        width: 12,
        priority: 1,
        cell: (id) => {
          const inv = get(id);
          return inv ? instanceCountsLabel(instanceCounts(inv)) : '-';
        },
      },
      {
        key: 'created',
        header: 'CREATED',
        width: timeMode === 'absolute' ? 19 : 15,
        priority: 2,
        cell: (id) => times.time(get(id)?.creationTime),
      },
      {
        key: 'timed',
        header: 'TIMED',
        width: 12,
        priority: 4,
        cell: (id) => {
          const inv = get(id);
          if (!inv) return '-';
          return inv.timed ? inv.frequency || 'timed' : 'once';
        },
      },
      {
        key: 'repeats',
        header: 'REPEATS',
        width: 7,
        align: 'right',
        priority: 5,
        cell: (id) => {
          const inv = get(id);
          return inv ? String(maxRepeats(inv)) : '-';
        },
      },
    ];
    // dataVersion: cells read the in-place entity map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invocations, theme, times, timeMode, dataVersion]);

  const notes: string[] = [];
  if (statusFilter !== 'all') notes.push(`status: ${statusFilter}`);
  if (text) notes.push(`filter: "${text}"`);
  const loaded = state.order.length;
  const shown = rows === state.order ? loaded : rows.length;
  notes.push(
    shown === loaded ? `${formatCount(loaded)} loaded` : `${formatCount(shown)} of ${formatCount(loaded)} loaded`,
  );
  if (state.totalCount !== undefined && state.totalCount > loaded) notes.push(`${formatCount(state.totalCount)} in the account`);

  const empty =
    phase === 'starting'
      ? 'loading invocations…'
      : loaded === 0
        ? 'no invocations (for these API filters)'
        : 'no invocation matches the filter (Esc clears)';

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations']} note={notes.join(' · ')} width={width} />
      <Table
        data={rows}
        columns={columns}
        width={width}
        height={tableHeight}
        top={selection.top}
        selectedIndex={selection.index}
        emptyText={empty}
      />
    </Box>
  );
}
