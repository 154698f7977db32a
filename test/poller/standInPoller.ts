// The poller against the loopback stand-in through the real client, on a fake clock: for
// endpoints our emulator would never be (old records, lying pages, hostile headers).
import { afterEach } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { FakeClock } from '../../src/clock.js';
import { createPoller, type Poller, type PollerOptions } from '../../src/poller/index.js';
import { createStore, type MutableStore } from '../../src/store/index.js';
import type { TimeText } from '../../src/ui/hooks/useTimeText.js';
import { closeStandIns, standIn, type StandIn, type StandInHandler } from '../helpers/standIn.js';

export interface OnStandIn<C extends FakeClock> {
  s: StandIn;
  store: MutableStore;
  poller: Poller;
  clock: C;
  endpoint: string;
}

const started = new Set<Poller>();

/** For a file of such tests: after each, stop the pollers it started and close the stand-ins. */
export function stopPollersAfterEach(): void {
  afterEach(async () => {
    for (const p of started) {
      p.stop();
      await p.idle();
    }
    started.clear();
    await closeStandIns();
  });
}

export async function pollerOnStandIn<C extends FakeClock = FakeClock>(
  handler: StandInHandler,
  opts: Partial<Omit<PollerOptions, 'clock'>> & { clock?: C } = {},
): Promise<OnStandIn<C>> {
  const clock = opts.clock ?? (new FakeClock() as C);
  const s = await standIn(handler);
  const api = new EcsClient({
    regionId: 'cn-hangzhou',
    endpoint: s.endpoint,
    credentials: { accessKeyId: 'LTAI5tSTANDIN', accessKeySecret: 'standin-secret' },
  });
  const store = createStore();
  const poller = createPoller({ intervalMs: 2_000, idleIntervalMs: 10_000, history: 500, maxRps: 10_000, ...opts, api, store, clock });
  started.add(poller);
  return { s, store, poller, clock, endpoint: s.endpoint };
}

/** Times for describePoll at `now` (the texts it asks for are not under test). */
export const timesAt = (now: number): TimeText => ({ now, mode: 'relative', time: () => '', since: () => '', wakeAt: () => undefined });
