// The run grid of a scheduled invocation: one row per instance, one column per run (newest on
// the right, scrolling left into the past), each cell a glyph and a colour; a failure after a
// success is marked and counted in the title. Enter shows that run: times, exit, error, output.
import React, { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { Store } from '../../store/types.js';
import { newlyFailing, selectRuns, type RunRecord } from '../../store/runs.js';
import { selectInvocation } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { sanitizeInline } from '../../text/index.js';
import { handleSharedAction, useUiActions } from '../context.js';
import { clockTime, formatDuration } from '../format.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { contentPagerHints, useContentPagerKeys } from '../hooks/useContentPagerKeys.js';
import { useTextPager } from '../hooks/useTextPager.js';
import type { TimeText } from '../hooks/useTimeText.js';
import { useViewTimes } from '../hooks/useViewTimes.js';
import type { UiPoller } from '../intents.js';
import { nextRunAt } from '../nextRun.js';
import { buildGrid, cellGlyph, GRID_LEGEND, type CellTone } from '../runGrid.js';
import { repeatMode, scheduleText } from '../schedule.js';
import { instanceStatusColour, useTheme, type Theme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { TextPagerView } from '../widgets/TextPagerView.js';

export interface RunsScreenProps {
  store: Store;
  poller: UiPoller;
  invokeId: string;
  active: boolean;
  width: number;
  height: number;
}

const CELL = 2;

function toneColour(theme: Theme, tone: CellTone, run: RunRecord | undefined) {
  if (tone === 'none' || !run) return theme.muted;
  return tone === 'failed' ? theme.error : instanceStatusColour(theme, run.status);
}

/**
 * One run in words: `Failed · started 02:20:00Z · finished 02:20:02Z (2s) · exit 3 ·
 * ExitCodeNonzero`; `short` leaves out the finish time (the duration stays) and the instance.
 */
export function describeRun(run: RunRecord, times: TimeText, short = false): string {
  const parts = short ? [run.status] : [sanitizeInline(run.instanceId), run.status];
  const took = run.finishTime !== undefined && run.startTime !== undefined ? ` (${formatDuration(run.finishTime - run.startTime)})` : '';
  if (run.startTime !== undefined) parts.push(`started ${times.time(run.startTime)}${short ? took : ''}`);
  if (run.finishTime !== undefined && !short) parts.push(`finished ${times.time(run.finishTime)}${took}`);
  parts.push(run.exitCode === null ? 'no exit code' : `exit ${run.exitCode}`);
  if (run.errorCode) parts.push(sanitizeInline(run.errorCode));
  if (run.errorInfo) parts.push(sanitizeInline(run.errorInfo));
  return parts.join(' · ');
}

function RunDetail({ run, invokeId, width, height, active, onClose, times }: {
  run: RunRecord;
  invokeId: string;
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
  times: TimeText;
}) {
  const theme = useTheme();
  const pagerHeight = Math.max(1, height - 3);
  const pager = useTextPager(run.output, Math.max(1, width - 2), pagerHeight);
  useContentPagerKeys(pager, onClose, active);
  const at = run.startTime !== undefined ? clockTime(run.startTime) : `run ${run.repeats}`;
  const note = run.dropped ? `the service cut ${run.dropped} bytes` : run.output === undefined ? 'output not kept' : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId, 'runs', at]} note={note} width={width} />
      <Text wrap="truncate-end" color={run.errorCode || (run.exitCode ?? 0) !== 0 ? theme.error : undefined}>
        {describeRun(run, times)}
      </Text>
      <TextPagerView pager={pager} height={pagerHeight} width={width} emptyText="(no output)" />
      <Text color={theme.muted} wrap="truncate-end">
        {contentPagerHints('back to the grid')}
      </Text>
    </Box>
  );
}

export function RunsScreen({ store, poller, invokeId, active, width, height }: RunsScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { times } = useViewTimes();
  const inv = useStoreSelector(store, (s) => selectInvocation(s, invokeId));
  const history = useStoreSelector(store, (s) => selectRuns(s, invokeId));
  // In the commit that shows the grid, so the next tick already reads for it.
  useLayoutEffect(() => poller.demand({ kind: 'runs', invokeId }), [poller, invokeId]);
  useLayoutEffect(() => poller.demand({ kind: 'invocation', invokeId }), [poller, invokeId]);
  const order = useMemo(() => inv?.instances.map((i) => i.instanceId), [inv]);
  const grid = useMemo(() => buildGrid(history, order), [history, order]);
  const failing = useMemo(() => newlyFailing(history), [history]);
  const [row, setRow] = useState(0);
  /** The selected column, counted from the newest (0). */
  const [back, setBack] = useState(0);
  const [detail, setDetail] = useState<RunRecord | null>(null);

  const labelWidth = Math.min(24, Math.max(8, ...grid.instances.map((i) => i.length))) + 1;
  const visible = Math.max(1, Math.floor((width - labelWidth) / CELL));
  const rowsHeight = Math.max(1, height - 6);
  const n = grid.columns.length;
  const selRow = Math.min(row, Math.max(0, grid.instances.length - 1));
  const selBack = Math.min(back, Math.max(0, n - 1));
  const col = n - 1 - selBack;
  const end = n - 1 - Math.max(0, selBack - (visible - 1));
  const start = Math.max(0, end - visible + 1);
  const top = selRow >= rowsHeight ? selRow - rowsHeight + 1 : 0;
  const cell = grid.cells[selRow]?.[col];
  const pos = useRef({ row: selRow, back: selBack });
  pos.current = { row: selRow, back: selBack };

  useKeymap(
    'runs',
    (action) => {
      // Keys typed fast arrive in one chunk, before a render: move from what the last key left.
      const at = pos.current;
      const rows = grid.instances.length;
      const move = (r: number, b: number) => {
        pos.current = { row: Math.max(0, Math.min(rows - 1, r)), back: Math.max(0, Math.min(n - 1, b)) };
        setRow(pos.current.row);
        setBack(pos.current.back);
      };
      switch (action) {
        case 'down':
          return void move(at.row + 1, at.back);
        case 'up':
          return void move(at.row - 1, at.back);
        case 'pageDown':
          return void move(at.row + rowsHeight, at.back);
        case 'pageUp':
          return void move(at.row - rowsHeight, at.back);
        case 'older':
          return void move(at.row, at.back + 1);
        case 'newer':
          return void move(at.row, at.back - 1);
        case 'first':
          return void move(at.row, n - 1);
        case 'last':
          return void move(at.row, 0);
        case 'open': {
          const c = grid.cells[at.row]?.[n - 1 - at.back];
          if (!c) return void ui.flash('no run there');
          setDetail(c.run);
          return true;
        }
        case 'back':
          ui.back();
          return true;
        default:
          return handleSharedAction(action, ui);
      }
    },
    { isActive: active && !detail },
  );

  if (detail) {
    return <RunDetail run={detail} invokeId={invokeId} width={width} height={height} active={active} onClose={() => setDetail(null)} times={times} />;
  }

  const title = !history
    ? 'reading runs…'
    : failing.instances.length > 0
      ? `${failing.instances.length} instance${failing.instances.length === 1 ? '' : 's'} newly failing${failing.since !== undefined ? ` since ${clockTime(failing.since).slice(0, 5)}Z` : ''}`
      : `${grid.instances.length} instances · ${n} runs${history.complete ? '' : ' (reading more…)'}`;
  const next = inv ? nextRunAt(inv.frequency, inv.creationTime, times.now) : undefined;
  if (next !== undefined) times.wakeAt(next);
  const schedule = inv ? [repeatMode(inv), sanitizeInline(scheduleText(inv)), next !== undefined ? `next run ${clockTime(next)}` : ''].filter(Boolean).join(' · ') : '';
  const span = n > 0 ? `${start > 0 ? '← older · ' : ''}${times.time(grid.columns[start])} … ${times.time(grid.columns[end])}` : '';

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId, 'runs']} note={title} width={width} />
      <Text wrap="truncate-end" color={theme.muted}>{schedule}</Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {'INSTANCE'.padEnd(labelWidth)}
        {span}
      </Text>
      <Box flexDirection="column" height={rowsHeight}>
        {grid.instances.length === 0 ? (
          <Text color={theme.muted}>{history ? 'no runs yet' : 'reading runs…'}</Text>
        ) : (
          grid.instances.slice(top, top + rowsHeight).map((id, i) => {
            const r = top + i;
            return (
              <Text key={id} wrap="truncate-end">
                <Text inverse={r === selRow}>{sanitizeInline(id).slice(0, labelWidth - 1).padEnd(labelWidth - 1)}</Text>{' '}
                {grid.cells[r].slice(start, end + 1).map((c, j) => {
                  const { text, tone } = cellGlyph(c);
                  const here = r === selRow && start + j === col;
                  return (
                    <Text key={j} color={toneColour(theme, tone, c?.run)} inverse={here} bold={c?.newlyFailing}>
                      {text}
                    </Text>
                  );
                })}
              </Text>
            );
          })
        )}
      </Box>
      <Text wrap="truncate-end" color={cell && cellGlyph(cell).tone === 'failed' ? theme.error : undefined}>
        {cell ? `${cell.newlyFailing ? 'newly failing (the run before succeeded) · ' : ''}${describeRun(cell.run, times, true)}` : grid.instances.length ? 'no run of this instance at that time' : ''}
      </Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {GRID_LEGEND}
      </Text>
    </Box>
  );
}
