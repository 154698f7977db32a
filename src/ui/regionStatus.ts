// Several regions in one view: each region's polling state in the header's words
// ("cn-hangzhou live · cn-shanghai endpoint unreachable, retrying in 8 s") and its count.
import type { RegionSummary } from '../store/types.js';
import { sanitizeInline } from '../text/index.js';
import { formatCount } from './format.js';
import type { TimeText } from './hooks/useTimeText.js';
import { describePoll, type PollDescription } from './pollStatus.js';

export interface RegionState extends PollDescription {
  regionId: string;
}

/** Each region's state; the clock time a failure began is left to the footer (one line holds them all). */
export function describeRegionStates(regions: readonly RegionSummary[], times: TimeText): RegionState[] {
  return regions.map((r) => {
    const { text, tone } = describePoll(r.poll, times);
    return { regionId: sanitizeInline(r.regionId), text: text.replace(/ since \d{2}:\d{2}:\d{2}Z?/, ''), tone };
  });
}

/**
 * "cn-hangzhou 120 (api 84/min) · cn-shanghai 80 (api 3/min)": invocations listed per region and
 * each region's calls in the last minute (`--budget` is each region's; the ECS limits are too).
 */
export function regionCountsText(regions: readonly RegionSummary[]): string {
  return regions
    .map((r) => {
      const calls = r.poll.budget ? ` (api ${formatCount(r.poll.budget.callsLastMinute)}/min)` : '';
      return `${sanitizeInline(r.regionId)} ${formatCount(r.loaded)}${calls}`;
    })
    .join(' · ');
}

/** Two summaries show the same: the header redraws only when a region's state or count changed. */
export function sameRegions(a: readonly RegionSummary[] | undefined, b: readonly RegionSummary[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((r, i) => r.regionId === b[i].regionId && r.loaded === b[i].loaded && r.poll === b[i].poll);
}
