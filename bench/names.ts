// Names for a fleet of 5,000: the real poller's names job, on a FakeClock, against the emulator
// through the real client, with one names demand holding every instance. Counted at the client:
// DescribeInstances calls until every instance is named (target exactly ceil(5,000/100)), then
// over the next 10 minutes of ticks (target none), then once stale (ceil(5,000/100) again).
import { importApp, type Benchmark, type Row } from './harness.js';
import { clientFor, startBenchEmulator } from './fixtures.js';

const FLEET = 5_000;
const BATCH = 100;

export const names: Benchmark = {
  id: '10',
  metric: 'DescribeInstances calls naming 5,000 instances',
  target: `${Math.ceil(FLEET / BATCH)} first, 0 for 10 min`,
  async run({ quick }): Promise<Row> {
    const size = quick ? 1_000 : FLEET;
    const want = Math.ceil(size / BATCH);
    const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');
    const { createPoller } = await importApp<typeof import('../src/poller/index.js')>('src/poller/index.js', 'createPoller');
    const { createStore } = await importApp<typeof import('../src/store/index.js')>('src/store/index.js', 'createStore');
    const { NAMES_TTL_MS } = await importApp<typeof import('../src/store/names.js')>('src/store/names.js', 'NAMES_TTL_MS');
    const clock = new FakeClock(Date.UTC(2026, 10, 28, 9));
    const emu = await startBenchEmulator({ invocations: 0, fleet: size, clock });
    try {
      const client = await clientFor(emu);
      let calls = 0;
      const api = Object.assign(Object.create(client) as typeof client, {
        describeInstances: (ids: readonly string[]) => (calls++, client.describeInstances(ids)),
      });
      const store = createStore();
      const poller = createPoller({ api, store, clock, maxRps: 10 });
      const ids = emu.sim.fleet.map((i) => i.instanceId);
      poller.demand({ kind: 'names', instanceIds: ids });
      let ticks = 0;
      while (store.getState().fleet.names.size < size && ticks < 10 * want) {
        await poller.tickOnce();
        clock.advance(1_000);
        ticks++;
      }
      const first = calls;
      const named = store.getState().fleet.names.size;
      // Ticks every 2 s until just short of the TTL.
      const start = calls;
      for (let t = ticks * 1_000; t < NAMES_TTL_MS - 2_000; t += 2_000) {
        await poller.tickOnce();
        clock.advance(2_000);
      }
      const within = calls - start;
      clock.advance(2_000);
      const before = calls;
      for (let i = 0; i < 10 * want && calls - before < want; i++) {
        await poller.tickOnce();
        clock.advance(1_000);
      }
      const stale = calls - before;
      poller.stop();
      const pass = first === want && within === 0 && named === size && stale === want;
      return {
        id: this.id,
        metric: quick ? `DescribeInstances calls naming ${size.toLocaleString('en-US')} instances` : this.metric,
        ours: `${first} first, ${within} within 10 min`,
        baseline: `${size} (one call per instance)`,
        ratio: `${(first / size).toFixed(3)}x`,
        target: `${want} first, 0 for 10 min`,
        pass,
        note: `${named} of ${size} named in ${ticks} ticks of 1 s at --max-rps 10 (5 calls a tick at most); ${stale} calls once stale`,
        values: { first, within, stale, named, ticks, size },
      };
    } finally {
      await emu.stop();
    }
  },
};
