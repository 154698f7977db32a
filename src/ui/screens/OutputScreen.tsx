// One instance's output: decoded and sanitised, windowed, with follow while it runs, wrap,
// raw view, search, and markers when the service cut it or it is still growing. J/K show the
// next and previous instance in the list's order, in the same modes.
import React, { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { isFinalInstance } from '../../api/status.js';
import type { Store } from '../../store/types.js';
import { selectFleet, selectInstance, selectInvocation, selectOutput } from '../../store/selectors.js';
import { useStoreSelector } from '../../store/useStore.js';
import { droppedMarker, sanitizeInline, SERVICE_OUTPUT_LIMIT } from '../../text/index.js';
import { useUiActions, useUiView } from '../context.js';
import { handleOutputAction } from '../outputActions.js';
import type { InstanceResult, Invocation } from '../../api/model.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useViewTimes } from '../hooks/useViewTimes.js';
import { useTextPager } from '../hooks/useTextPager.js';
import type { UiPoller } from '../intents.js';
import { useTheme } from '../theme.js';
import { Breadcrumb } from '../widgets/Breadcrumb.js';
import { TextPagerView } from '../widgets/TextPagerView.js';
import { outputNote } from '../widgets/outputNote.js';
import { StatusBadge } from '../widgets/StatusBadge.js';
import { describeError, finishOrRunning } from './InvocationScreen.js';
import { wrapLines } from '../errorText.js';
import { idWithName, namesLine } from '../instanceNames.js';
import { DEFAULT_ORDER, orderInstances, orderPosition, stepInOrder, type InstanceOrder } from '../instanceOrder.js';

export interface OutputScreenProps {
  store: Store;
  poller: UiPoller;
  invokeId: string;
  instanceId: string;
  /** The list's order it was opened from, which J/K step through. */
  order?: InstanceOrder;
  /** Told of each instance J/K show (the list moves its cursor there). */
  onShown?: (instanceId: string) => void;
  active: boolean;
  width: number;
  height: number;
}

const INFO_HEIGHT = 2;

export function OutputScreen({ store, poller, invokeId, instanceId: opened, order = DEFAULT_ORDER, onShown, active, width, height }: OutputScreenProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { clock } = useUiView();
  const [instanceId, setInstanceId] = useState(opened);
  // Current as of the last key, so `JJ` in one chunk goes two instances on.
  const shown = useRef(opened);
  const instance = useStoreSelector(store, (s) => selectInstance(s, invokeId, instanceId));
  const output = useStoreSelector(store, (s) => selectOutput(s, invokeId, instanceId));
  const fleet = useStoreSelector(store, selectFleet);
  const inv = useStoreSelector(store, (s) => selectInvocation(s, invokeId));
  const ids = useMemo(() => orderInstances(inv?.instances ?? [], order, clock.now(), fleet).map((i) => i.instanceId), [inv, order, clock, fleet]);
  // Where the shown instance was last seen in the order, should it leave it.
  const seenAt = useRef(0);
  const at = ids.indexOf(instanceId);
  if (at >= 0) seenAt.current = at;
  const running = instance ? !isFinalInstance(instance.invocationStatus) : false;
  const growing = output ? !output.complete : running;
  // The instance's error in full (code, meaning, ErrorInfo) under its status line.
  const error = instance ? describeError(instance) : '';
  const errorLines = error ? wrapLines(error, width, 3) : [];
  const pagerHeight = Math.max(1, height - 1 - INFO_HEIGHT - errorLines.length);
  // The service keeps the head: the marker goes after the last line, where the text was cut.
  const endNote = droppedMarker(output?.dropped ?? 0);
  const pager = useTextPager(output?.text, Math.max(1, width - 2), pagerHeight, { follow: running, endNote, source: instanceId });

  // In the commit that shows the screen, so the next tick already fetches for it.
  useLayoutEffect(() => poller.demand({ kind: 'output', invokeId, instanceId }), [poller, invokeId, instanceId]);
  useLayoutEffect(() => poller.demand({ kind: 'names', instanceIds: [instanceId] }), [poller, instanceId]);

  useKeymap(
    'output',
    (action) => {
      if (pager.handle(action)) return;
      switch (action) {
        case 'nextInstance':
        case 'prevInstance': {
          const step = stepInOrder(ids, shown.current, action === 'nextInstance' ? 1 : -1, seenAt.current);
          if ('end' in step) return void ui.flash(`${sanitizeInline(idWithName(fleet, shown.current))} is the ${step.end} of ${ids.length} in the list's order`);
          seenAt.current = step.index;
          shown.current = step.instanceId;
          onShown?.(step.instanceId);
          return void setInstanceId(step.instanceId);
        }
        default:
          return handleOutputAction(action, ui, pager, { invokeId, instanceId, text: output?.text, running });
      }
    },
    { isActive: active },
  );

  const note = outputNote(pager, pagerHeight, { growing, fetched: output !== undefined });

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Breadcrumb trail={['Invocations', invokeId, idWithName(fleet, instanceId)]} note={[orderPosition(ids, instanceId), ...note].filter(Boolean).join(' · ')} width={width} />
      <Box flexDirection="column" height={INFO_HEIGHT + errorLines.length}>
        <InstanceLine instance={instance} invocation={inv} names={namesLine(fleet, instanceId)} />
        {errorLines.map((line, i) => (
          <Text key={i} wrap="truncate-end" color={theme.error}>
            {line}
          </Text>
        ))}
        <Text wrap="truncate-end" color={theme.warning}>
          {output && output.dropped > 0
            ? `the service kept the first ${SERVICE_OUTPUT_LIMIT}; the cut is marked at the end (G)`
            : growing
              ? '… output still growing'
              : ' '}
        </Text>
      </Box>
      <TextPagerView pager={pager} height={pagerHeight} width={width} emptyText={output ? '(no output)' : 'loading output…'} />
    </Box>
  );
}

/** Status, exit code and times: its own component, so a running duration ticks without redrawing the pager. */
function InstanceLine({ instance, invocation, names }: { instance: InstanceResult | undefined; invocation?: Invocation; names: string }) {
  const theme = useTheme();
  const { times } = useViewTimes();
  const running = instance ? !isFinalInstance(instance.invocationStatus) : false;
  return (
    <Text wrap="truncate-end">
      {instance ? <StatusBadge status={instance.invocationStatus} value={instance.statusValue} instance /> : <Text color={theme.muted}>?</Text>}
      <Text color={theme.muted}> · exit </Text>
      {instance?.exitCode ?? '-'}
      <Text color={theme.muted}> · started </Text>
      {times.time(instance?.startTime)}
      <Text color={theme.muted}>{running ? ' · ' : ' · finished '}</Text>
      {instance ? finishOrRunning(instance, times, invocation) : '-'}
      <Text color={theme.muted}> · repeats </Text>
      {instance?.repeats ?? '-'}
      {names ? <Text color={theme.muted}> · {sanitizeInline(names)}</Text> : null}
    </Text>
  );
}
