// Three lines on top: where we are connected (and DEMO), counts per status with the API
// filters in force, and how polling is going with the age of the data on screen.
import React from 'react';
import { Box, Text } from 'ink';
import type { Clock } from '../../clock.js';
import { INVOCATION_STATUSES } from '../../api/wire.js';
import type { PollState, Store, StoreFilters } from '../../store/types.js';
import { selectFilters, selectMemoryCut, selectPoll, selectRegions, selectStatusCounts } from '../../store/selectors.js';
import { sameFields } from '../../store/reducer.js';
import { useStoreSelector } from '../../store/useStore.js';
import { displayWidth, sanitizeInline } from '../../text/index.js';
import { formatCount } from '../format.js';
import { useTimeText } from '../hooks/useTimeText.js';
import { describeAge, describePoll, type PollTone } from '../pollStatus.js';
import { describeBudget } from '../budgetText.js';
import { invocationStatusColour, useTheme, type Theme } from '../theme.js';
import { describeRegionStates, regionCountsText, sameRegions } from '../regionStatus.js';
import { RegionStates } from './RegionStates.js';

export interface HeaderInfo {
  region: string;
  endpoint: string;
  profile?: string;
}

export interface HeaderProps {
  info: HeaderInfo;
  demo: boolean;
  store: Store;
  clock: Clock;
  width: number;
}

export const HEADER_HEIGHT = 3;

/** What the header draws from the poll state: a tick going out (inFlight) changes none of it. */
const POLL_SHOWN: readonly (keyof PollState)[] = ['phase', 'lastSuccessAt', 'lastError', 'failingSince', 'nextTickAt', 'calls', 'notice', 'budget'];
const samePollShown = (a: PollState, b: PollState) => sameFields(a, b, POLL_SHOWN);

/** "status=Running name=deploy": the API filters from the command line. */
export function describeFilters(f: StoreFilters): string {
  const parts: string[] = [];
  if (f.invokeId) parts.push(`invoke-id=${f.invokeId}`);
  if (f.commandId) parts.push(`command-id=${f.commandId}`);
  if (f.commandName) parts.push(`command-name=${f.commandName}`);
  if (f.commandType) parts.push(`command-type=${f.commandType}`);
  if (f.instanceId) parts.push(`instance-id=${f.instanceId}`);
  if (f.localStatus) parts.push(`status=${f.localStatus} (API ${f.invokeStatus ?? 'any'})`);
  else if (f.invokeStatus) parts.push(`status=${f.invokeStatus}`);
  if (f.timed !== undefined) parts.push(`timed=${f.timed}`);
  return sanitizeInline(parts.join(' '));
}

function toneColour(theme: Theme, tone: PollTone) {
  switch (tone) {
    case 'ok':
      return theme.status.success;
    case 'warn':
      return theme.warning;
    case 'error':
      return theme.error;
    case 'muted':
      return theme.muted;
  }
}

export function Header({ info, demo, store, clock, width }: HeaderProps) {
  const theme = useTheme();
  const poll = useStoreSelector(store, selectPoll, samePollShown);
  const counts = useStoreSelector(store, selectStatusCounts);
  const filters = useStoreSelector(store, selectFilters);
  const memoryCut = useStoreSelector(store, selectMemoryCut);
  // Several regions: each one's state on the third line, its count on the second.
  const regions = useStoreSelector(store, selectRegions, sameRegions);
  const times = useTimeText(clock, 'relative');
  const { text, tone } = describePoll(poll, times);
  const states = regions && describeRegionStates(regions, times);
  const status = states ? `● ${states.map((r) => `${r.regionId} ${r.text}`).join(' · ')}` : `● ${text}`;
  const nonZero = INVOCATION_STATUSES.filter((s) => counts[s] > 0);
  // The state stays whole (the error's words are the footer's); the age, then the calls, give way.
  let age = ` · ${describeAge(poll, times, nonZero.length > 0)}`;
  const pace = describeBudget(poll.budget);
  // Why polling is slower stays longest; then the budget, then the total calls.
  const slowed = pace?.slowed ? ` · ${pace.slowed}` : '';
  for (const part of [pace ? ` · ${pace.budget}` : '', ` · ${formatCount(poll.calls)} ${poll.calls === 1 ? 'call' : 'calls'}`]) {
    if (displayWidth(status + age + part + slowed) <= width) age += part;
  }
  if (displayWidth(status + age + slowed) > width) age = '';
  const filterText = describeFilters(filters);
  return (
    <Box flexDirection="column" height={HEADER_HEIGHT}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          catop
        </Text>
        {demo ? (
          <Text bold color={theme.warning}>
            {' DEMO'}
          </Text>
        ) : null}
        <Text color={theme.muted}>{regions ? ' · regions ' : ' · region '}</Text>
        {sanitizeInline(regions ? regions.map((r) => r.regionId).join(',') : info.region)}
        <Text color={theme.muted}> · </Text>
        {sanitizeInline(info.endpoint)}
        {info.profile ? (
          <>
            <Text color={theme.muted}> · profile </Text>
            {sanitizeInline(info.profile)}
          </>
        ) : null}
      </Text>
      <Text wrap="truncate-end">
        {nonZero.length === 0 ? <Text color={theme.muted}>no invocations loaded</Text> : null}
        {nonZero.map((s, i) => (
          <Text key={s}>
            {i > 0 ? <Text color={theme.muted}> · </Text> : null}
            <Text color={invocationStatusColour(theme, s)}>{s}</Text> {formatCount(counts[s])}
          </Text>
        ))}
        {regions ? <Text color={theme.muted}>{`  by region: ${regionCountsText(regions)}`}</Text> : null}
        {memoryCut > 0 ? <Text color={theme.warning}>{`  history cut for memory: ${formatCount(memoryCut)} oldest dropped`}</Text> : null}
        {filterText ? <Text color={theme.muted}>{`  API filters: ${filterText}`}</Text> : null}
      </Text>
      <Text wrap="truncate-end">
        {states ? <RegionStates states={states} colour={toneColour} /> : <Text color={toneColour(theme, tone)}>{status}</Text>}
        <Text color={theme.muted}>{age}</Text>
        {slowed ? <Text color={theme.warning}>{slowed}</Text> : null}
      </Text>
    </Box>
  );
}
