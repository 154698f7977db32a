// The split's output pane: the output of the instance under the list's cursor, through the same
// pager as the output screen (useTextPager + TextPagerView) and with its keys when it has the
// focus. Its header names the instance, its status, exit code and error, where the service cut
// the output, and its agent's state once known (`a`, or an agent error: the split takes the place
// of the invocation screen's pane, which says it without the split). The search stays when the
// cursor moves on, so "which of these printed ERROR" is j, j, j.
import React from 'react';
import { Box, Text } from 'ink';
import { isFinalInstance } from '../../../api/status.js';
import type { Store } from '../../../store/types.js';
import { selectAgent } from '../../../store/names.js';
import { selectFleet, selectInstance, selectOutput } from '../../../store/selectors.js';
import { useStoreSelector } from '../../../store/useStore.js';
import { droppedMarker, sanitizeInline, SERVICE_OUTPUT_LIMIT } from '../../../text/index.js';
import { useUiActions } from '../../context.js';
import { handleOutputAction } from '../../outputActions.js';
import { useKeymap } from '../../hooks/useKeymap.js';
import { useTextPager } from '../../hooks/useTextPager.js';
import { useViewTimes } from '../../hooks/useViewTimes.js';
import { agentLine, idWithName } from '../../instanceNames.js';
import { describeError } from '../../instanceText.js';
import type { UiPoller } from '../../intents.js';
import { keyFor } from '../../keymap.js';
import { useTheme } from '../../theme.js';
import { outputNote } from '../../widgets/outputNote.js';
import { StatusBadge } from '../../widgets/StatusBadge.js';
import { TextPagerView } from '../../widgets/TextPagerView.js';
import { PANE_HEADER_LINES } from './layout.js';
import { useSplit } from './splitState.js';
import { useRestingDemand } from './useRestingDemand.js';

export interface OutputPaneProps {
  store: Store;
  poller: UiPoller;
  invokeId: string;
  /** The instance under the list's cursor. */
  instanceId: string | undefined;
  /** The screen is on top and takes keys. */
  active: boolean;
  width: number;
  height: number;
  /** J/K with the keys in the pane: the list's cursor one row on or back (absent: the groups view). */
  onStep?: (delta: 1 | -1) => void;
}

/** The focused pane's title mark; the other's is blank, so titles stay in place. */
export const FOCUS_MARK = '▶ ';

export function PaneTitle({ focused, children }: { focused: boolean; children: React.ReactNode }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" bold={focused} color={focused ? theme.accent : theme.muted}>
      {focused ? FOCUS_MARK : '  '}
      {children}
    </Text>
  );
}

export function OutputPane({ store, poller, invokeId, instanceId, active, width, height, onStep }: OutputPaneProps) {
  const theme = useTheme();
  const ui = useUiActions();
  const { clock, times } = useViewTimes();
  const split = useSplit();
  const id = instanceId ?? '';
  const instance = useStoreSelector(store, (s) => selectInstance(s, invokeId, id));
  const output = useStoreSelector(store, (s) => selectOutput(s, invokeId, id));
  const fleet = useStoreSelector(store, selectFleet);
  const running = instance ? !isFinalInstance(instance.invocationStatus) : false;
  const growing = output ? !output.complete : running;
  const focused = active && split.focus === 'output';
  const pagerHeight = Math.max(1, height - PANE_HEADER_LINES);
  const endNote = droppedMarker(output?.dropped ?? 0);
  const pager = useTextPager(output?.text, Math.max(1, width - 2), pagerHeight, { follow: running, endNote, source: instanceId });

  useRestingDemand(poller, clock, invokeId, instanceId, true);

  useKeymap(
    'output',
    (action) => {
      if (pager.handle(action)) return;
      switch (action) {
        case 'back':
        case 'focusPane':
          split.setFocus('list');
          return true;
        case 'splitLayout':
          return void split.cycleMode();
        case 'nextInstance':
        case 'prevInstance':
          return void onStep?.(action === 'nextInstance' ? 1 : -1);
        default:
          return handleOutputAction(action, ui, pager, { invokeId, instanceId, text: output?.text, running });
      }
    },
    { isActive: focused },
  );

  const error = instance ? describeError(instance) : '';
  const cut = output && output.dropped > 0 ? `cut: the service kept the first ${SERVICE_OUTPUT_LIMIT} (${keyFor('last', 'output')} shows the mark)` : '';
  const head = outputNote(pager, pagerHeight, { growing, fetched: output !== undefined }).join(' · ');
  const agent = instance ? agentLine(fleet, instance, times) : '';
  const agentState = instanceId ? selectAgent(fleet, instanceId) : undefined;
  const agentDown = agentState?.running === false || agentState?.missing === true;
  // A stopped agent and how to start it first, where the line is cut at the pane's width.
  const agentPart = { text: agent, colour: agentDown ? theme.warning : theme.muted };
  const parts = [
    ...(agentDown ? [agentPart] : []),
    { text: head, colour: theme.muted },
    { text: cut, colour: theme.warning },
    ...(agentDown ? [] : [agentPart]),
  ].filter((p) => p.text);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle focused={focused}>
        {instanceId ? sanitizeInline(idWithName(fleet, instanceId)) : 'output'}
        {instance ? (
          <Text bold={false}>
            {' · '}
            <StatusBadge status={instance.invocationStatus} value={instance.statusValue} instance />
            {` · exit ${instance.exitCode ?? '-'}`}
            {error ? <Text color={theme.error}>{` · ${error}`}</Text> : null}
          </Text>
        ) : null}
      </PaneTitle>
      <Text wrap="truncate-end" color={theme.muted}>
        {'  '}
        {parts.map((p, k) => (
          <Text key={k} color={p.colour}>
            {k > 0 ? ' · ' : ''}
            {p.text}
          </Text>
        ))}
      </Text>
      <TextPagerView
        pager={pager}
        height={pagerHeight}
        width={width}
        emptyText={instanceId === undefined ? 'no instance selected' : output ? '(no output)' : 'loading output…'}
      />
    </Box>
  );
}
