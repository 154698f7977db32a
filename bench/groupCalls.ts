// Calls to group a 5,000-instance invocation by output: the real poller's outputs job, on a
// FakeClock, against the emulator through the real client, with one outputs demand held (the
// groups view). Counted at the client: DescribeInvocationResults calls until every output is in
// (target exactly ceil(5,000/50)), and the most calls of any kind in one second of the fake
// clock (target <= --max-rps).
import { importApp, type Benchmark, type Row } from './harness.js';
import { clientFor, startFleetRun } from './fixtures.js';

const FLEET = 5_000;
const PAGE = 50;
const MAX_RPS = 5;

export const groupCalls: Benchmark = {
  id: 'gcalls',
  metric: 'DescribeInvocationResults calls grouping 5,000 instances by output',
  target: `exactly ${Math.ceil(FLEET / PAGE)}; <= ${MAX_RPS} calls a second`,
  async run({ quick }): Promise<Row> {
    const size = quick ? 1_000 : FLEET;
    const want = Math.ceil(size / PAGE);
    const { createPoller } = await importApp<typeof import('../src/poller/index.js')>('src/poller/index.js', 'createPoller');
    const { createStore } = await importApp<typeof import('../src/store/index.js')>('src/store/index.js', 'createStore');
    const { clock, emu, invokeId } = await startFleetRun(size, {
      name: 'nginx-config-test',
      commandContent: 'nginx -t',
      outcome: (_, k) => (k % 37 === 3 ? { failed: true, output: 'error\n' } : { failed: false, output: `ok at ${k}ms\n` }),
    });
    try {
      const client = await clientFor(emu);
      const at: number[] = [];
      let results = 0;
      const count = <A extends unknown[], R>(f: (...a: A) => Promise<R>, isResults = false) =>
        (...a: A) => {
          at.push(clock.now());
          if (isResults) results++;
          return f(...a);
        };
      const api = Object.assign(Object.create(client) as typeof client, {
        describeInvocations: count(client.describeInvocations.bind(client)),
        describeInvocationResults: count(client.describeInvocationResults.bind(client), true),
      });
      const store = createStore();
      const poller = createPoller({ api, store, clock, maxRps: MAX_RPS, history: 0 });
      poller.demand({ kind: 'outputs', invokeId });
      let ticks = 0;
      while (!poller.groups.progress(invokeId)?.done && ticks < 10 * want) {
        await poller.tickOnce();
        clock.advance(1_000);
        ticks++;
      }
      const fetched = poller.groups.progress(invokeId)?.fetched ?? 0;
      poller.stop();
      let busiest = 0;
      for (const t of at) busiest = Math.max(busiest, at.filter((o) => o >= t && o < t + 1_000).length);
      const groups = poller.groups.groups(invokeId, 'masked').length;
      return {
        id: this.id,
        metric: quick ? `DescribeInvocationResults calls grouping ${size.toLocaleString('en-US')} instances by output` : this.metric,
        ours: `${results} calls; ${busiest} in the busiest second`,
        baseline: `${size} (one call per instance)`,
        ratio: `${(results / size).toFixed(3)}x`,
        target: `exactly ${want}; <= ${MAX_RPS} a second`,
        pass: results === want && busiest <= MAX_RPS && fetched === size,
        note: `${fetched} of ${size} outputs in ${ticks} ticks of 1 s at --max-rps ${MAX_RPS}, ${at.length - results} other calls among them; ${groups} groups`,
        values: { results, busiest, ticks, fetched, size, groups },
      };
    } finally {
      await emu.stop();
    }
  },
};
