// One invocation: its details and one row per instance (status, exit code, error with its
// meaning, times, repeats, dropped bytes). Enter opens the instance's output.
import React, { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { InstanceResult } from '../../api/model.js';
import type { Store } from '../../store/types.js';
import { selectFleet, selectInvocation, selectWatched } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { sanitizeInline } from '../../text/index.js';
import { handleSharedAction, useUiActions } from '../context.js';
import { wrapLines } from '../errorText.js';
import { ABSOLUTE_TIME_WIDTH, formatCount } from '../format.js';
import { hasRunHistory, repeatMode } from '../schedule.js';
import { statusLabel } from '../../api/status.js';
import { describeError, describeInstance, finishOrRunning } from '../instanceText.js';
import { agentLine, agentTrouble, namesLine, namesShown } from '../instanceNames.js';
import { instanceIp, instanceLabel } from '../../store/names.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { keyFor } from '../keymap.js';
import { useViewTimes } from '../hooks/useViewTimes.js';
import { useSelection, applyListMove } from '../hooks/useSelection.js';
import { useWatch } from '../hooks/useWatch.js';
import type { UiPoller } from '../intents.js';
import { nextStatusFilter, type StatusFilter } from '../rowFilters.js';
import { instanceStatusColour, useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { Table, type TableColumn } from '../widgets/Table.js';
import type { Group } from '../../group/index.js';
import { DEFAULT_SORT, nextSort, sortLabel, type InstanceSort } from '../instanceSort.js';
import { orderInstances, type InstanceOrder } from '../instanceOrder.js';
import { FAILED_FAMILY, isFinalInstance } from '../../api/status.js';
import { Details, DETAILS_HEIGHT } from './InvocationDetails.js';
import { GroupsScreen } from './GroupsScreen.js';
import { OutputPane, PaneTitle } from './split/OutputPane.js';
import { SplitBody } from './split/SplitBody.js';
import { useInvocationSplit } from './split/useInvocationSplit.js';

export interface InvocationScreenProps {
  store: Store;
  poller: UiPoller;
  invokeId: string;
  active: boolean;
  width: number;
  height: number;
}

/** Lines for the selected instance in full (its error text may be long). */
const PANE_LINES = 3;

// Where the output screen finds them.
export { describeError, finishOrRunning } from '../instanceText.js';

function toggled(marks: ReadonlySet<string>, ids: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(marks);
  for (const id of ids) if (on) next.add(id);
  else next.delete(id);
  return next;
}

export function InvocationScreen({ store, poller, invokeId, active, width, height }: InvocationScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { clock, timeMode, times } = useViewTimes();
  const inv = useStoreSelector(store, (s) => selectInvocation(s, invokeId));
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const fleet = useStoreSelector(store, selectFleet);
  const watched = useStoreSelector(store, selectWatched).has(invokeId);
  const toggleWatch = useWatch(store, poller);
  // `b`: the groups view; Enter on a group lists only its instances (`only`), Esc goes back to it.
  const [view, setView] = useState<'rows' | 'groups'>('rows');
  const [only, setOnly] = useState<Group | undefined>();
  const [sort, setSort] = useState<InstanceSort>(DEFAULT_SORT);
  // The output screen steps through the same order (J/K).
  const order = useMemo<InstanceOrder>(() => ({ sort, status: statusFilter, text, group: only?.instanceIds }), [sort, statusFilter, text, only]);
  const instances = useMemo(() => orderInstances(inv?.instances ?? [], order, clock.now(), fleet), [inv, order, clock, fleet]);
  // Marked instances (space; a whole group in the groups view): `x` then stops only those.
  const [marks, setMarks] = useState<ReadonlySet<string>>(new Set());
  const ids = useMemo(() => instances.map((i) => i.instanceId), [instances]);
  // The split: the list and the selected instance's output in panes of the area under the details.
  // The groups view draws no details: its panes take the whole screen.
  // The details keep the results line while the table keeps a header and two rows under them.
  const withResults = height - 1 - DETAILS_HEIGHT - 1 - 3 - 1 >= 0;
  const detailsHeight = DETAILS_HEIGHT - (withResults ? 0 : 1);
  const split = useInvocationSplit(view === 'groups' ? { width, height } : { width, height: height - 1 - detailsHeight - 1 }, inv !== undefined);
  const [groupCursor, setGroupCursor] = useState<Group | undefined>();
  // The selected instance in full under the table; the table keeps a header and two rows.
  const paneHeight = split.geometry ? 0 : Math.min(PANE_LINES, Math.max(1, height - 1 - detailsHeight - 1 - 3));
  const tableHeight = split.geometry ? Math.max(2, split.geometry.list.height - 1) : Math.max(2, height - 1 - detailsHeight - 1 - paneHeight);
  const selection = useSelection(ids, tableHeight - 1);
  // J/K on the output screen move the cursor along, so Esc comes back to the instance last shown.
  const idsNow = useRef(ids);
  idsNow.current = ids;
  const { moveTo } = selection;
  const shown = useCallback((id: string) => {
    const at = idsNow.current.indexOf(id);
    if (at >= 0) moveTo(at);
  }, [moveTo]);

  // In the commit that shows the screen, so the next tick already fetches for it.
  useLayoutEffect(() => poller.demand({ kind: 'invocation', invokeId }), [poller, invokeId]);
  // Names for every instance of it (`/` matches them too); agent states where the agent failed a run.
  const allIds = useMemo(() => (inv?.instances ?? []).map((i) => i.instanceId).join(' '), [inv]);
  // `a` adds the selected instance, whatever its error.
  const [asked, setAsked] = useState('');
  const troubled = useMemo(
    () => [...new Set([...(inv?.instances ?? []).filter(agentTrouble).map((i) => i.instanceId), ...(asked ? [asked] : [])])].join(' '),
    [inv, asked],
  );
  useLayoutEffect(() => (allIds ? poller.demand({ kind: 'names', instanceIds: allIds.split(' ') }) : undefined), [poller, allIds]);
  useLayoutEffect(() => (troubled ? poller.demand({ kind: 'agent', instanceIds: troubled.split(' ') }) : undefined), [poller, troubled]);
  // Open (or under its output): the store's bounds and local status filter keep it.
  useLayoutEffect(() => store.protect(invokeId), [store, invokeId]);

  function stopMarked(): boolean {
    const running = (inv?.instances ?? []).filter((i) => marks.has(i.instanceId) && !isFinalInstance(i.invocationStatus));
    if (running.length === 0) {
      ui.flash(`the ${marks.size} marked instances have all ended: nothing to stop`);
      return false;
    }
    ui.stop(invokeId, running.map((i) => i.instanceId));
    return true;
  }

  // `R` and `y`: the marked instances, else the group asked about (groups view), else the listed
  // rows (`R`: the failed ones among them).
  function actOn(action: 'rerun' | 'copyIds', group?: Group): boolean {
    const chosen =
      marks.size > 0
        ? (inv?.instances ?? []).map((i) => i.instanceId).filter((id) => marks.has(id))
        : group
          ? [...group.instanceIds]
          : action === 'rerun'
            ? instances.filter((i) => FAILED_FAMILY.has(i.invocationStatus)).map((i) => i.instanceId)
            : ids;
    if (action === 'copyIds') {
      ui.copyIds(invokeId, chosen);
      return false;
    }
    ui.rerun(invokeId, chosen);
    return true;
  }

  useKeymap(
    'invocation',
    (action) => {
      const splitKey = split.handleKey(action);
      if (splitKey !== undefined) return splitKey;
      if (applyListMove(selection, action)) return;
      const selected = selection.current();
      switch (action) {
        case 'open':
          if (!selected) return;
          ui.open({ screen: 'output', invokeId, instanceId: selected, order, shown });
          return true;
        case 'filter':
          ui.prompt({ label: 'filter instances', initial: text, onChange: setText });
          return true;
        case 'agent':
          if (selected) setAsked(selected);
          return true;
        case 'statusFilter':
          return void setStatusFilter(nextStatusFilter);
        case 'back':
          // A filtered list clears first, as the list of invocations does; then Esc goes back.
          if (text || statusFilter !== 'all') {
            setText('');
            setStatusFilter('all');
            return;
          }
          if (only) return void (setOnly(undefined), setView('groups'));
          ui.back();
          return true;
        case 'groups':
          setOnly(undefined);
          setView('groups');
          return true;
        case 'runs':
          if (inv && hasRunHistory(inv)) {
            ui.open({ screen: 'runs', invokeId });
            return true;
          }
          return void ui.flash(`no run history: RepeatMode ${inv ? repeatMode(inv) : 'unknown'} runs once (only Period and EveryReboot repeat)`);
        case 'content':
          ui.showContent(invokeId);
          return true;
        case 'watch':
          return void toggleWatch(invokeId);
        case 'stop':
          if (marks.size > 0) return stopMarked();
          ui.stop(invokeId);
          return true;
        case 'mark':
          if (!selected) return;
          setMarks((m) => toggled(m, [selected], !m.has(selected)));
          return void selection.moveBy(1);
        case 'clearMarks':
          return void setMarks(new Set());
        case 'sort':
          return void setSort(nextSort);
        case 'rerun':
        case 'copyIds':
          return actOn(action);
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active && view === 'rows' && split.listFocused },
  );

  // The columns appear with the first name known (ids only until then, or for good when refused).
  const named = useMemo(() => namesShown(fleet) && (inv?.instances ?? []).some((i) => instanceLabel(fleet, i.instanceId) !== undefined), [fleet, inv]);
  const columns = useMemo<TableColumn<InstanceResult>[]>(
    () => [
      // With names the id gives way before the name at narrow widths (after the IP).
      { key: 'instanceId', header: 'INSTANCE ID', width: 22, priority: named ? 2.5 : 0, cell: (i) => i.instanceId },
      ...(named
        ? [
            { key: 'name', header: 'NAME', width: 14, cell: (i: InstanceResult) => instanceLabel(fleet, i.instanceId) ?? '-' },
            { key: 'ip', header: 'IP', width: 15, priority: 2.6, cell: (i: InstanceResult) => instanceIp(fleet, i.instanceId) ?? '-' },
          ]
        : []),
      {
        key: 'status',
        header: 'STATUS',
        width: 10,
        cell: (i) => statusLabel(i.invocationStatus, i.statusValue),
        colour: (i) => instanceStatusColour(theme, i.invocationStatus),
      },
      { key: 'exit', header: 'EXIT', width: 4, align: 'right', cell: (i) => (i.exitCode === null ? '-' : String(i.exitCode)) },
      { key: 'error', header: 'ERROR', width: 12, flex: true, priority: 1, cell: (i) => describeError(i) || '-' },
      {
        key: 'start',
        header: 'STARTED',
        width: timeMode === 'absolute' ? ABSOLUTE_TIME_WIDTH : 14,
        priority: 3,
        cell: (i) => times.time(i.startTime),
      },
      {
        key: 'finish',
        header: 'FINISHED',
        width: timeMode === 'absolute' ? ABSOLUTE_TIME_WIDTH : 20,
        priority: 2,
        cell: (i) => finishOrRunning(i, times, inv),
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
      // Last, so the rows still begin with the instance id; never hidden.
      { key: 'mark', header: '', width: 1, cell: (i) => (marks.has(i.instanceId) ? '*' : '') },
    ],
    [theme, times, timeMode, inv, named, fleet, marks],
  );
  const selected = selection.index >= 0 ? instances[selection.index] : undefined;
  // The agent's state before the names: the table shows names, and without the split only this shows the agent (`a`).
  const paneText = selected
    ? [describeInstance(selected, inv, times), agentLine(fleet, selected, times), namesLine(fleet, selected.instanceId)].filter(Boolean).join(' · ')
    : '';
  const pane = selected && paneHeight > 0 ? wrapLines(paneText, width, paneHeight) : [];
  const table = (tableWidth: number) => (
    <Table
      data={instances}
      columns={columns}
      width={tableWidth}
      height={tableHeight}
      top={selection.top}
      selectedIndex={selection.index}
      emptyText={inv?.instances.length ? `no instance matches the filter (${keyFor('back', 'invocation')} clears)` : 'no instances yet'}
    />
  );

  const notes: string[] = [];
  if (watched) notes.push('watched');
  if (only) notes.push(`group of ${only.count}`);
  if (marks.size > 0) notes.push(`${marks.size} marked`);
  const sorted = sortLabel(sort);
  if (sorted) notes.push(sorted);
  if (statusFilter !== 'all') notes.push(`status: ${statusFilter}`);
  if (text) notes.push(`filter: "${text}"`);
  if (inv) notes.push(`${instances.length} of ${inv.instances.length} instances`);
  if (split.note) notes.push(split.note);

  if (view === 'groups' && inv) {
    const openGroup = (g: Group) => (setOnly(g), setView('rows'));
    const markGroup = (g: Group) => setMarks((m) => toggled(m, g.instanceIds, !g.instanceIds.every((id) => m.has(id))));
    const groupsScreen = (w: number, h: number, title?: ReactNode) => (
      <GroupsScreen
        poller={poller}
        inv={inv}
        active={active}
        width={w}
        height={h}
        onOpen={openGroup}
        onClose={() => setView('rows')}
        marks={{ count: marks.size, mark: markGroup, clear: () => setMarks(new Set()), stop: stopMarked, act: actOn }}
        split={{ handleKey: split.handleKey, listFocused: split.listFocused, onCursor: setGroupCursor, title }}
      />
    );
    if (!split.geometry) return groupsScreen(width, height);
    const sample = groupCursor && (groupCursor.instanceIds.find((id) => id === groupCursor.sampleInstanceId) ?? groupCursor.instanceIds[0]);
    return (
      <SplitBody
        geometry={split.geometry}
        listFocused={split.listFocused && active}
        list={groupsScreen(
          split.geometry.list.width,
          split.geometry.list.height,
          <PaneTitle focused={split.listFocused && active}>groups (the output of a member)</PaneTitle>,
        )}
        output={<OutputPane {...{ store, poller, invokeId, active }} instanceId={sample} {...split.geometry.output} />}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId]} note={notes.join(' · ')} width={width} />
      {inv ? (
        <>
          <Details inv={inv} times={times} width={width} results={withResults} />
          <Text> </Text>
          {split.geometry ? null : table(width)}
          {split.geometry ? (
            <SplitBody
              geometry={split.geometry}
              listFocused={split.listFocused && active}
              listTitle="instances"
              list={table(split.geometry.list.width)}
              output={
                <OutputPane
                  {...{ store, poller, invokeId, active }}
                  instanceId={selected?.instanceId}
                  {...split.geometry.output}
                  onStep={(delta) => selection.moveTo(Math.max(0, Math.min(ids.length - 1, selection.index + delta)))}
                />
              }
            />
          ) : null}
          <Box flexDirection="column" height={paneHeight}>
            {pane.map((line, i) => (
              <Text key={i} wrap="truncate-end" color={selected?.errorCode ? theme.error : undefined}>
                {line}
              </Text>
            ))}
          </Box>
        </>
      ) : (
        <Text color={theme.muted}>invocation {sanitizeInline(invokeId)} is not loaded (it may have been removed)</Text>
      )}
    </Box>
  );
}
