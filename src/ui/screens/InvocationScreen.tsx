// One invocation: its details and one row per instance (status, exit code, error with its
// meaning, times, repeats, dropped bytes). Enter opens the instance's output.
import React, { useLayoutEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { InstanceResult, Invocation } from '../../api/model.js';
import { isFinalInstance } from '../../api/status.js';
import { ERROR_INFO } from '../../api/wire.js';
import type { Store } from '../../store/types.js';
import { instanceCounts } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { sanitizeInline, toDisplayLines } from '../../text/index.js';
import { handleSharedAction, useUiActions, useUiView } from '../context.js';
import { formatCount, formatDuration } from '../format.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useTimeText, type TimeText } from '../hooks/useTimeText.js';
import { useSelection, applyListMove } from '../hooks/useSelection.js';
import type { UiPoller } from '../intents.js';
import { filterInstances, instanceCountsLabel, nextStatusFilter, type StatusFilter } from '../rowFilters.js';
import { instanceStatusColour, useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { StatusBadge } from '../widgets/StatusBadge.js';
import { Table, type TableColumn } from '../widgets/Table.js';

export interface InvocationScreenProps {
  store: Store;
  poller: UiPoller;
  invokeId: string;
  active: boolean;
  width: number;
  height: number;
}

const DETAILS_HEIGHT = 4;

/** "ExitCodeNonzero: the command execution exit code is not zero", with the API's own text when it says more. */
export function describeError(inst: InstanceResult): string {
  if (!inst.errorCode && !inst.errorInfo) return '';
  const meaning = inst.errorCode ? ERROR_INFO[inst.errorCode] : undefined;
  const fromApi = inst.errorInfo && inst.errorInfo !== meaning ? inst.errorInfo : undefined;
  const text = [meaning, fromApi].filter(Boolean).join(' — ');
  return inst.errorCode ? (text ? `${inst.errorCode}: ${text}` : inst.errorCode) : text;
}

/** Finish time, or how long it has been running. */
export function finishOrRunning(inst: InstanceResult, times: TimeText): string {
  if (!isFinalInstance(inst.invocationStatus)) {
    return inst.startTime !== undefined ? `running ${times.since(inst.startTime)}` : inst.invocationStatus.toLowerCase();
  }
  const end = inst.finishTime ?? inst.stopTime;
  if (end === undefined) return '-';
  const took = inst.startTime !== undefined ? ` (${formatDuration(end - inst.startTime)})` : '';
  return times.time(end) + (times.mode === 'relative' ? took : '');
}

function firstLine(text: string | undefined): string {
  if (!text) return '';
  const lines = toDisplayLines(text.length > 4096 ? text.slice(0, 4096) : text);
  return (lines[0]?.text ?? '') + (lines.length > 1 ? ' …' : '');
}

function Details({ inv, times }: { inv: Invocation; times: TimeText }) {
  const theme = useTheme();
  const repeats = inv.instances.reduce((m, i) => Math.max(m, i.repeats), 0);
  return (
    <Box flexDirection="column" height={DETAILS_HEIGHT}>
      <Text wrap="truncate-end">
        <StatusBadge status={inv.invocationStatus} /> <Text bold>{sanitizeInline(inv.commandName ?? '-')}</Text>
        <Text color={theme.muted}>
          {' '}
          ({sanitizeInline(inv.commandId ?? '-')}) · {sanitizeInline(inv.commandType ?? '-')} · created{' '}
          {times.time(inv.creationTime)}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        {inv.timed ? `timed: ${sanitizeInline(inv.frequency || 'yes')}` : 'once'}
        <Text color={theme.muted}> · repeats </Text>
        {repeats}
        <Text color={theme.muted}> · instances </Text>
        {inv.instances.length} ({instanceCountsLabel(instanceCounts(inv))})
        {inv.username ? <Text color={theme.muted}> · user {sanitizeInline(inv.username)}</Text> : null}
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.muted}>parameters </Text>
        {sanitizeInline(inv.parameters) || '-'}
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.muted}>content </Text>
        {firstLine(inv.commandContent) || '-'}
        <Text color={theme.muted}> (c shows all)</Text>
      </Text>
    </Box>
  );
}

export function InvocationScreen({ store, poller, invokeId, active, width, height }: InvocationScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { clock, timeMode } = useUiView();
  const times = useTimeText(clock, timeMode);
  const inv = useStoreSelector(store, (s) => s.invocations.get(invokeId));
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const instances = useMemo(() => filterInstances(inv?.instances ?? [], statusFilter, text), [inv, statusFilter, text]);
  const ids = useMemo(() => instances.map((i) => i.instanceId), [instances]);
  const tableHeight = Math.max(2, height - 1 - DETAILS_HEIGHT - 1);
  const selection = useSelection(ids, tableHeight - 1);

  // In the commit that shows the screen, so the next tick already fetches for it.
  useLayoutEffect(() => poller.demand({ kind: 'invocation', invokeId }), [poller, invokeId]);

  useKeymap(
    'invocation',
    (action) => {
      if (applyListMove(selection, action)) return;
      const selected = selection.current();
      switch (action) {
        case 'open':
          if (!selected) return;
          ui.open({ screen: 'output', invokeId, instanceId: selected });
          return true;
        case 'filter':
          ui.prompt({ label: 'filter instances', initial: text, onChange: setText });
          return true;
        case 'statusFilter':
          return void setStatusFilter(nextStatusFilter);
        case 'content':
          ui.showContent(invokeId);
          return true;
        case 'stop':
          ui.stop(invokeId);
          return true;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active },
  );

  const columns = useMemo<TableColumn<InstanceResult>[]>(
    () => [
      { key: 'instanceId', header: 'INSTANCE ID', width: 22, cell: (i) => i.instanceId },
      {
        key: 'status',
        header: 'STATUS',
        width: 10,
        cell: (i) => i.invocationStatus,
        colour: (i) => instanceStatusColour(theme, i.invocationStatus),
      },
      { key: 'exit', header: 'EXIT', width: 4, align: 'right', cell: (i) => (i.exitCode === null ? '-' : String(i.exitCode)) },
      { key: 'error', header: 'ERROR', width: 12, flex: true, priority: 1, cell: (i) => describeError(i) || '-' },
      {
        key: 'start',
        header: 'STARTED',
        width: timeMode === 'absolute' ? 19 : 14,
        priority: 3,
        cell: (i) => times.time(i.startTime),
      },
      {
        key: 'finish',
        header: 'FINISHED',
        width: timeMode === 'absolute' ? 19 : 20,
        priority: 2,
        cell: (i) => finishOrRunning(i, times),
      },
      { key: 'repeats', header: 'REPEATS', width: 7, align: 'right', priority: 4, cell: (i) => String(i.repeats) },
      {
        key: 'dropped',
        header: 'DROPPED',
        width: 7,
        align: 'right',
        priority: 5,
        cell: (i) => (i.dropped ? formatCount(i.dropped) : '-'),
      },
    ],
    [theme, times, timeMode],
  );

  const notes: string[] = [];
  if (statusFilter !== 'all') notes.push(`status: ${statusFilter}`);
  if (text) notes.push(`filter: "${text}"`);
  if (inv) notes.push(`${instances.length} of ${inv.instances.length} instances`);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId]} note={notes.join(' · ')} width={width} />
      {inv ? (
        <>
          <Details inv={inv} times={times} />
          <Text> </Text>
          <Table
            data={instances}
            columns={columns}
            width={width}
            height={tableHeight}
            top={selection.top}
            selectedIndex={selection.index}
            emptyText={inv.instances.length ? 'no instance matches the filter (Esc on the list clears)' : 'no instances yet'}
          />
        </>
      ) : (
        <Text color={theme.muted}>invocation {sanitizeInline(invokeId)} is not loaded (it may have been removed)</Text>
      )}
    </Box>
  );
}
