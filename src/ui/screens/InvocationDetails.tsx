// The invocation screen's details above its instance list: status, command, schedule, counts,
// the results line (per exit code or error code), parameters and the content's first line.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { Invocation } from '../../api/model.js';
import { isFinalInvocation } from '../../api/status.js';
import { instanceCounts } from '../../store/selectors.js';
import { sanitizeInline, toDisplayLines } from '../../text/index.js';
import { clockTime } from '../format.js';
import type { TimeText } from '../hooks/useTimeText.js';
import { keyFor } from '../keymap.js';
import { nextRunAt } from '../nextRun.js';
import { countResults, resultsText } from '../resultCounts.js';
import { instanceCountsLabel } from '../rowFilters.js';
import { hasRunHistory, lastRunSummary, repeatMode, scheduleText } from '../schedule.js';
import { useTheme } from '../theme.js';
import { StatusBadge } from '../widgets/StatusBadge.js';

/** Lines of details; the results line is the first to give way on a short terminal. */
export const DETAILS_HEIGHT = 5;
function firstLine(text: string | undefined): string {
  if (!text) return '';
  const lines = toDisplayLines(text.length > 4096 ? text.slice(0, 4096) : text);
  return (lines[0]?.text ?? '') + (lines.length > 1 ? ' …' : '');
}

export function Details({ inv, times, width, results: withResults }: { inv: Invocation; times: TimeText; width: number; results: boolean }) {
  const theme = useTheme();
  const results = useMemo(() => countResults(inv.instances), [inv]);
  // Once per change of the invocation, not per keypress (a pass over every instance).
  const repeats = useMemo(() => inv.instances.reduce((m, i) => Math.max(m, i.repeats), 0), [inv]);
  // A schedule that is still on (not stopped or ended) runs next at:
  const next = inv.timed && !isFinalInvocation(inv.invocationStatus) ? nextRunAt(inv.frequency, inv.creationTime, times.now) : undefined;
  if (next !== undefined) times.wakeAt(next);
  const last = useMemo(() => (inv.timed || hasRunHistory(inv) ? lastRunSummary(inv) : undefined), [inv]);
  return (
    <Box flexDirection="column" height={DETAILS_HEIGHT - (withResults ? 0 : 1)}>
      <Text wrap="truncate-end">
        <StatusBadge status={inv.invocationStatus} value={inv.statusValue} /> <Text bold>{sanitizeInline(inv.commandName ?? '-')}</Text>
        <Text color={theme.muted}>
          {' '}
          ({sanitizeInline(inv.commandId ?? '-')}) · {sanitizeInline(inv.commandType ?? '-')} · created{' '}
          {times.time(inv.creationTime)}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        {repeatMode(inv)}
        {scheduleText(inv) ? ` · ${sanitizeInline(scheduleText(inv))}` : null}
        {next !== undefined ? <Text color={theme.muted}> · next run {clockTime(next)}</Text> : null}
        {last ? <Text color={last.failed ? theme.error : theme.muted}> · last run {last.at !== undefined ? `${times.time(last.at)} ` : ''}{last.text}</Text> : null}
        <Text color={theme.muted}> · repeats </Text>
        {repeats}
        <Text color={theme.muted}> · instances </Text>
        {inv.instances.length} ({instanceCountsLabel(instanceCounts(inv))})
        {inv.username ? <Text color={theme.muted}> · user {sanitizeInline(inv.username)}</Text> : null}
      </Text>
      {withResults ? (
        <Text wrap="truncate-end">
          <Text color={theme.muted}>results </Text>
          {resultsText(results, width - 'results '.length) || '-'}
        </Text>
      ) : null}
      <Text wrap="truncate-end">
        <Text color={theme.muted}>parameters </Text>
        {sanitizeInline(inv.parameters) || '-'}
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.muted}>content </Text>
        {firstLine(inv.commandContent) || '-'}
        <Text color={theme.muted}> ({keyFor('content', 'invocation')} shows all)</Text>
      </Text>
    </Box>
  );
}
