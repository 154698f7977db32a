// Several regions in one view: each region's polling state in the header's words
// ("cn-shanghai endpoint unreachable, retrying in 8 s · cn-hangzhou, cn-beijing live") and its count.
import type { RegionSummary } from '../store/types.js';
import { sanitizeInline } from '../text/index.js';
import { formatCount } from './format.js';
import type { TimeText } from './hooks/useTimeText.js';
import { describePoll, type PollDescription, type PollTone } from './pollStatus.js';

export interface RegionState extends PollDescription {
  /** The regions in this state, comma-separated ("cn-hangzhou, cn-shanghai"). */
  regionId: string;
}

/** Regions in trouble first: the header's line is cut at the terminal's width. */
const TONE_ORDER: Record<PollTone, number> = { error: 0, warn: 1, muted: 2, ok: 3 };

/**
 * The regions' states: regions in the same state named together ("cn-hangzhou, cn-shanghai
 * live"), trouble first, each state's regions in their order; the clock time a failure began is
 * left to the footer (one line holds them all).
 */
export function describeRegionStates(regions: readonly RegionSummary[], times: TimeText): RegionState[] {
  const byState = new Map<string, { ids: string[]; text: string; tone: PollTone }>();
  for (const r of regions) {
    const { text, tone } = describePoll(r.poll, times);
    const shown = text.replace(/ since \d{2}:\d{2}:\d{2}Z?/, '');
    const key = `${tone} ${shown}`;
    const state = byState.get(key) ?? { ids: [], text: shown, tone };
    state.ids.push(sanitizeInline(r.regionId));
    byState.set(key, state);
  }
  return [...byState.values()]
    .sort((a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone])
    .map(({ ids, text, tone }) => ({ regionId: ids.join(', '), text, tone }));
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
