// The first screen: every loaded invocation, newest first, windowed, with the cursor kept on
// the row being read while new invocations arrive on top.
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Invocation } from '../../api/model.js';
import type { Store } from '../../store/types.js';
import {
  instanceCounts,
  selectFilters,
  selectFleet,
  selectInvocationLookup,
  selectLoadedCount,
  selectOrder,
  selectPollPhase,
  selectRegionOf,
  selectTotalCount,
  selectWatched,
} from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { handleSharedAction, useUiActions } from '../context.js';
import { wrapLines } from '../errorText.js';
import { ABSOLUTE_TIME_WIDTH, formatCount } from '../format.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { keyFor } from '../keymap.js';
import { usePollError } from '../hooks/usePollError.js';
import { useViewTimes } from '../hooks/useViewTimes.js';
import { useSelection, applyListMove } from '../hooks/useSelection.js';
import { useWatch } from '../hooks/useWatch.js';
import type { UiPoller } from '../intents.js';
import { filterInvocationIds, instanceCountsLabel, nextStatusFilter, type StatusFilter } from '../rowFilters.js';
import { invocationStatusColour, useTheme } from '../theme.js';
import { statusLabel } from '../../api/status.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { describeFilters } from '../widgets/Header.js';
import { Table, type TableColumn } from '../widgets/Table.js';
import { scheduleText } from '../schedule.js';

export interface InvocationsScreenProps {
  store: Store;
  poller: UiPoller;
  active: boolean;
  width: number;
  height: number;
}

/** Rows measured for column widths: the newest, where the reader is (bounded work per update). */
const MEASURED_ROWS = 2000;

/** The longest text of `cell` over the first rows (in UTF-16 units, cheap), kept between `min` and `max`. */
function widest(rows: readonly string[], cell: (id: string) => string | undefined, min: number, max: number): number {
  let w = min;
  for (let i = 0; i < rows.length && i < MEASURED_ROWS; i++) {
    const n = cell(rows[i])?.length ?? 0;
    if (n > w) w = n >= max ? max : n;
    if (w === max) break;
  }
  return w;
}

/** "Shell", "PowerShell", "Bat": the list's TYPE column; the invocation screen names the full CommandType. */
export function shortCommandType(type: string | undefined): string {
  if (!type) return '-';
  return /^Run(Shell|PowerShell|Bat)Script$/.exec(type)?.[1] ?? type;
}

/** The schedule of a timed invocation in words (the header adds the expression); empty for a one-time run. */
export function timedText(inv: Invocation | undefined): string {
  return inv ? scheduleText(inv, false) : '';
}

export function maxRepeats(inv: Invocation): number {
  let max = 0;
  for (const i of inv.instances) if (i.repeats > max) max = i.repeats;
  return max;
}

export function InvocationsScreen({ store, poller, active, width, height }: InvocationsScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { timeMode, times } = useViewTimes();
  const phase = useStoreSelector(store, selectPollPhase);
  const pollError = usePollError(store);
  const apiFilters = describeFilters(useStoreSelector(store, selectFilters));
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [text, setText] = useState('');

  const order = useStoreSelector(store, selectOrder);
  // A new lookup whenever the data changed: the memos over it recompute exactly then.
  const get = useStoreSelector(store, selectInvocationLookup);
  const fleet = useStoreSelector(store, selectFleet);
  const regionOf = useStoreSelector(store, selectRegionOf);
  const loaded = useStoreSelector(store, selectLoadedCount);
  const totalCount = useStoreSelector(store, selectTotalCount);
  const rows = useMemo(() => filterInvocationIds(order, { get }, statusFilter, text, fleet), [order, get, statusFilter, text, fleet]);
  const watched = useStoreSelector(store, selectWatched);
  const toggleWatch = useWatch(store, poller);

  const tableHeight = Math.max(2, height - 1);
  // A one-off: served with the next history page, so nothing is left to release. New API filters
  // (the `:` prompt) re-land the cursor too: on the same row if it still matches.
  const scope = `${statusFilter}\u0000${text}\u0000${apiFilters}`;
  const selection = useSelection(rows, tableHeight - 1, () => void poller.demand({ kind: 'history' }), scope);

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
        case 'watch':
          if (selected) toggleWatch(selected);
          return;
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

  const [idWidth, nameWidth, timedWidth] = useMemo(() => {
    return [
      widest(rows, (id) => id, 16, 24),
      widest(rows, (id) => get(id)?.commandName, 12, 24),
      widest(rows, (id) => timedText(get(id)), 5, 40),
    ];
  }, [rows, get]);

  const columns = useMemo<TableColumn<string>[]>(() => {
    return [
      {
        key: 'status',
        header: 'STATUS',
        width: 13,
        cell: (id) => {
          const inv = get(id);
          return inv ? statusLabel(inv.invocationStatus, inv.statusValue) : '?';
        },
        colour: (id) => {
          const inv = get(id);
          return inv ? invocationStatusColour(theme, inv.invocationStatus) : undefined;
        },
      },
      { key: 'invokeId', header: 'INVOKE ID', width: idWidth, cell: (id) => id },
      // The name gives way last: other columns go before it is cut below its longest (up to 24).
      { key: 'name', header: 'COMMAND NAME', width: nameWidth, flex: true, cell: (id) => get(id)?.commandName ?? '-' },
      // Several regions only; at narrow widths it gives way after TIMED and TYPE, before REPEATS.
      ...(regionOf ? [{ key: 'region', header: 'REGION', width: 14, priority: 3.5, cell: (id: string) => regionOf(id) ?? '-' }] : []),
      { key: 'type', header: 'TYPE', width: 10, priority: 4, cell: (id) => shortCommandType(get(id)?.commandType) },
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
        // "10 minutes ago", "59 seconds ago": 14 at most.
        width: timeMode === 'absolute' ? ABSOLUTE_TIME_WIDTH : 14,
        priority: 2,
        cell: (id) => times.time(get(id)?.creationTime),
      },
      {
        key: 'timed',
        header: 'TIMED',
        // As wide as the longest schedule (a cron is not cut), or dropped first when that does not fit.
        width: timedWidth,
        priority: 5,
        cell: (id) => timedText(get(id)),
      },
      {
        key: 'repeats',
        header: 'REPEATS',
        width: 7,
        align: 'right',
        priority: 3,
        cell: (id) => {
          const inv = get(id);
          return inv ? String(maxRepeats(inv)) : '-';
        },
      },
      // `W` watches the row for alerts; last, as the invocation screen's marks.
      ...(watched.size > 0 ? [{ key: 'watch', header: '', width: 1, cell: (id: string) => (watched.has(id) ? 'W' : '') }] : []),
    ];
  }, [get, theme, times, timeMode, idWidth, nameWidth, timedWidth, watched, regionOf]);

  const notes: string[] = [];
  if (selection.newAbove > 0) notes.push(`↑ ${formatCount(selection.newAbove)} new`);
  if (statusFilter !== 'all') notes.push(`status: ${statusFilter}`);
  if (text) notes.push(`filter: "${text}"`);
  if (watched.size > 0) notes.push(`${formatCount(watched.size)} watched`);
  const shown = rows.length;
  notes.push(
    shown === loaded ? `${formatCount(loaded)} loaded` : `${formatCount(shown)} of ${formatCount(loaded)} loaded`,
  );
  if (totalCount !== undefined && totalCount > loaded) notes.push(`${formatCount(totalCount)} in the account`);

  const empty =
    phase === 'starting'
      ? 'loading invocations…'
      : loaded === 0
        ? apiFilters
          ? 'no invocations (for these API filters)'
          : 'no invocations'
        : `no invocation matches the filter (${keyFor('back', 'invocations')} clears)`;
  // Nothing loaded because the API failed: say so, with what to check, instead of an empty list.
  const failure =
    loaded === 0 && pollError !== undefined
      ? [
          ...wrapLines(`could not load invocations: ${pollError}`, width - 2, Math.max(1, tableHeight - 2)),
          phase === 'failed'
            ? `polling stopped: press ${keyFor('refresh', 'invocations')} to retry`
            : `retrying on its own (${keyFor('refresh', 'invocations')} retries now)`,
        ]
      : undefined;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations']} note={notes.join(' · ')} width={width} />
      {failure ? (
        <Box flexDirection="column" height={tableHeight}>
          {failure.map((line, i) => (
            <Text key={i} wrap="truncate-end" color={i < failure.length - 1 ? theme.error : theme.muted}>
              {'  ' + line}
            </Text>
          ))}
        </Box>
      ) : (
        <Table
          data={rows}
          columns={columns}
          width={width}
          height={tableHeight}
          top={selection.top}
          selectedIndex={selection.index}
          emptyText={empty}
        />
      )}
    </Box>
  );
}
