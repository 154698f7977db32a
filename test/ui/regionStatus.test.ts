// The header's words for several regions: each region's count and its calls in the last minute.
import { describe, expect, it } from 'vitest';
import type { PollState, RegionSummary } from '../../src/store/types.js';
import { regionCountsText } from '../../src/ui/regionStatus.js';

const poll = (callsLastMinute?: number): PollState => ({
  phase: 'ok',
  inFlight: false,
  calls: 0,
  ...(callsLastMinute === undefined ? {} : { budget: { callsLastMinute, perMinute: 1000, throttledLastMinute: 0, intervalMs: 2000 } }),
});

describe('regionCountsText', () => {
  it('counts each region and names its calls in the last minute once it has ticked', () => {
    const regions: RegionSummary[] = [
      { regionId: 'cn-hangzhou', loaded: 1200, poll: poll(84) },
      { regionId: 'cn-shanghai', loaded: 0, poll: poll() },
    ];
    expect(regionCountsText(regions)).toBe('cn-hangzhou 1,200 (api 84/min) · cn-shanghai 0');
  });

  it('shows a region id from the network only as sanitised text', () => {
    expect(regionCountsText([{ regionId: 'cn-\u001b[31mx', loaded: 1, poll: poll(2) }])).not.toContain('\u001b');
  });
});
