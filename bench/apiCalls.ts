// 1. API calls per steady-state tick. The emulator holds 100,000 invocations; the real poller loads
// its history into the real store, then 20 invocations are active, spread over the history (15
// scheduled ones that stay Running, 5 long one-time runs that finish one by one during the run),
// and a few short ones arrive and finish. Each tick is driven by `tickOnce()` on a FakeClock shared
// with the emulator, and counted at the emulator (every HTTP request it received).
// Baseline: a naive monitor re-pages the whole list each tick: ceil(TotalCount / 50) calls, timed on
// a real sample of that paging.
import type { Invocation } from '../src/api/model.js';
import type { MutableStore } from '../src/store/index.js';
import { fmtMs, importApp, max, mean, now, type Benchmark, type Row } from './harness.js';
import { PAGE_SIZE, clientFor, startBenchEmulator } from './fixtures.js';

const HELD = 100_000;
const ACTIVE = 20;
const INTERVAL_MS = 2_000;
const SPAN_MS = 3 * 86_400_000;

interface TickFigure {
  calls: number;
  active: number;
  finished: number;
  bound: number;
  ms: number;
}

export const apiCalls: Benchmark = {
  id: '1',
  metric: 'API calls per steady-state tick',
  target: '<= 1+ceil(active/50)+finished; >= 500x fewer',
  async run({ quick }): Promise<Row> {
    const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');
    const { createStore } = await importApp<typeof import('../src/store/index.js')>('src/store/index.js', 'createStore');
    const { createPoller } = await importApp<typeof import('../src/poller/index.js')>('src/poller/index.js', 'createPoller');
    const { ACTIVE_INVOCATION } = await importApp<typeof import('../src/api/status.js')>('src/api/status.js', 'ACTIVE_INVOCATION');

    const clock = new FakeClock();
    const emu = await startBenchEmulator({ invocations: HELD, clock, spanMs: SPAN_MS });
    try {
      const client = await clientFor(emu);
      const sim = emu.sim;
      const t1 = clock.now();
      const ticks = 20;

      // Baseline: what re-paging the whole list costs, from TotalCount, timed on a real sample.
      const first = await client.describeInvocations({ pageNumber: 1, pageSize: PAGE_SIZE });
      const totalCount = first.totalCount ?? HELD;
      const naiveCalls = Math.ceil(totalCount / PAGE_SIZE);
      const sample = quick ? 20 : 100;
      const t0 = now();
      for (let i = 0; i < sample; i++) {
        await client.describeInvocations({ pageNumber: 1 + Math.floor((i * naiveCalls) / sample), pageSize: PAGE_SIZE });
      }
      const naiveTickMs = ((now() - t0) / sample) * naiveCalls;

      // 20 active invocations spread over the history, there before the monitor starts. The clock
      // stands still while history loads, so the one-time runs finish during the measured ticks.
      const linux = sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
      for (let i = 0; i < ACTIVE; i++) {
        const createdAt = Math.floor(t1 - 120_000 - ((i + 0.5) * SPAN_MS) / ACTIVE);
        const instanceIds = [linux[i % linux.length], linux[(i + 7) % linux.length]];
        if (i % 4 === 0) {
          // A long one-time run that finishes at steady tick 1, 5, 9, 13 or 17.
          const finishAt = t1 + (3 + i) * INTERVAL_MS - 500;
          sim.runCommandAt(
            { commandContent: 'backup --full /data', instanceIds, timeout: 14 * 86_400, outcome: 'Success', pendingMs: 1_000, durationMs: finishAt - createdAt - 1_000 },
            createdAt,
          );
        } else {
          sim.runCommandAt(
            { commandContent: 'check-health', instanceIds, timed: true, frequency: 'rate(5m)', outcome: 'Success', durationMs: 2_000 },
            createdAt,
          );
        }
      }

      // Our side: the real poller loads history into the real store.
      const history = quick ? 1_000 : HELD;
      const store: MutableStore = createStore();
      // A budget large enough that loading never waits on the (standing) clock; it only gates calls,
      // it does not change which calls a tick plans.
      const poller = createPoller({ api: client, store, clock, intervalMs: INTERVAL_MS, pageSize: PAGE_SIZE, history, maxRps: 100_000 });
      await poller.tickOnce();
      const loadStart = now();
      while (!store.getState().historyComplete && store.getState().order.length < totalCount) {
        if (history >= totalCount) {
          // The whole list: one page at a time, as scrolling to the end asks for it.
          poller.demand({ kind: 'history' });
          await poller.idle();
        } else {
          // Up to --history: one background page per tick.
          await poller.tickOnce();
        }
        if (now() - loadStart > 600_000) throw new Error('history did not load within 10 minutes');
      }
      const loadMs = now() - loadStart;
      const loaded = store.getState().invocations.size;

      const isActive = (inv: Invocation | undefined) => inv !== undefined && ACTIVE_INVOCATION.has(inv.invocationStatus);
      const activeIds = () => [...store.getState().invocations.values()].filter(isActive).map((i) => i.invokeId);

      // Two ticks to learn the new active set; then the steady state.
      for (let i = 0; i < 2; i++) {
        clock.advance(INTERVAL_MS);
        await poller.tickOnce();
      }
      const figures: TickFigure[] = [];
      for (let k = 0; k < ticks; k++) {
        if (k % 5 === 2) {
          // A short one-time run arrives: discovered on page 1, finished a tick or two later.
          sim.runCommand({ commandContent: 'uptime', instanceIds: [linux[k % linux.length]], outcome: 'Success', pendingMs: 500, durationMs: 2_500 });
        }
        clock.advance(INTERVAL_MS);
        const before = activeIds();
        const c0 = emu.requestCount();
        const tStart = now();
        await poller.tickOnce();
        const ms = now() - tStart;
        const calls = emu.requestCount() - c0;
        const held = store.getState().invocations;
        const finished = before.filter((id) => !isActive(held.get(id))).length;
        figures.push({ calls, active: before.length, finished, ms, bound: 1 + Math.ceil(before.length / 50) + finished });
      }

      const perTick = mean(figures.map((f) => f.calls));
      const over = figures.filter((f) => f.calls > f.bound);
      const ratio = naiveCalls / perTick;
      const pass = over.length === 0 && ratio >= 500;
      const worst = max(figures.map((f) => f.calls - f.bound));
      const finishedTotal = figures.reduce((a, f) => a + f.finished, 0);
      const notes = [
        `${ticks} ticks, ${mean(figures.map((f) => f.active)).toFixed(1)} active on average, ${finishedTotal} finished; ` +
          `max ${max(figures.map((f) => f.calls))} calls in a tick; tick ${fmtMs(mean(figures.map((f) => f.ms)))} vs naive ${fmtMs(naiveTickMs)}`,
        `store held ${loaded} invocations (history loaded in ${fmtMs(loadMs)})`,
      ];
      if (over.length) notes.push(`${over.length} ticks over their bound (worst by ${worst} calls)`);
      if (ratio < 500) notes.push(`only ${ratio.toFixed(0)}x fewer than naive (needs 500x: <= ${(naiveCalls / 500).toFixed(1)} calls a tick)`);
      return {
        id: this.id,
        metric: this.metric,
        ours: perTick.toFixed(2),
        baseline: `${naiveCalls} (${fmtMs(naiveTickMs)})`,
        ratio: `${Math.round(ratio)}x fewer`,
        target: this.target,
        pass,
        note: notes.join('; '),
        values: {
          callsPerTick: perTick,
          naiveCallsPerTick: naiveCalls,
          naiveTickMs,
          ticksOverBound: over.length,
          worstExcess: worst,
          storeSize: loaded,
          historyLoadMs: loadMs,
          perTick: figures.map((f) => `${f.calls}/${f.bound}`).join(' '),
        },
      };
    } finally {
      await emu.stop();
    }
  },
};
