// The soak (issue 5): the poller and the store for a long stretch of simulated time against the
// emulator with faults on, a stream of new invocations and growing outputs, the user focusing
// instances and stopping things now and then. Used by test/poller/soak.test.ts (a shortened run)
// and runnable for a full simulated day (see the test file).
import type { FaultSpec } from '../../src/emulator/index.js';
import { CATALOG, catalogByName } from '../../src/emulator/catalog.js';
import { Prng } from '../../src/emulator/prng.js';
import { isFinalInvocation } from '../../src/api/status.js';
import { startHarness, recordedRandom } from './harness.js';

export interface SoakOptions {
  durationMs: number;
  seed?: number;
  /** Faults while soaking (cleared for the final check). */
  faults?: FaultSpec;
  /** Time between new invocations, ms. */
  arrivalEveryMs?: readonly [number, number];
  /** Past invocations the emulator starts with. */
  seeded?: number;
  maxInvocations?: number;
  outputByteCap?: number;
  history?: number;
  /** Poller interval while anything is active (the idle interval is five times it). */
  intervalMs?: number;
  /** Called every sampled stretch (progress for long runs). */
  onSample?: (simulatedMs: number, report: SoakReport) => void;
}

export interface SoakReport {
  simulatedMs: number;
  calls: number;
  failedCalls: number;
  arrivals: number;
  focusChanges: number;
  stops: number;
  /** Largest store size and output bytes seen at any sample. */
  maxInvocationsSeen: number;
  maxOutputBytesSeen: number;
  maxOutputEntriesSeen: number;
  maxTransitionsSeen: number;
  /** Output entries that grew between fetches of the same instance. */
  outputGrowths: number;
  /** Distinct instance outputs fetched during the run (more than the LRU holds: it evicted). */
  distinctOutputs: number;
  phasesSeen: string[];
  /** At the end, with faults off: invocations in the emulator's newest `history` missing from the store. */
  missing: string[];
  /** ... and those final in the emulator but with another status in the store. */
  mismatched: string[];
  emulatorSize: number;
  storeSize: number;
  heapUsedMb: number;
}

/** The simulated user changes what they look at once a minute. */
const STEP_MS = 60_000;

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const seed = opts.seed ?? 11;
  const history = opts.history ?? 500;
  const maxInvocations = opts.maxInvocations ?? 3_000;
  const outputByteCap = opts.outputByteCap ?? 256 * 1024;
  const h = await startHarness({
    emulator: { seed, fleet: 30, invocations: opts.seeded ?? 2_000 },
    store: { maxInvocations, outputByteCap, maxTransitions: 500 },
    poller: {
      history,
      maxRps: 10,
      intervalMs: opts.intervalMs ?? 2_000,
      idleIntervalMs: 5 * (opts.intervalMs ?? 2_000),
      backoffCapMs: 60_000,
      random: recordedRandom(seed),
    },
  });
  const { clock, emu, store, poller, api } = h;
  const rng = new Prng(seed ^ 0x50a4);
  const report: SoakReport = {
    simulatedMs: 0,
    calls: 0,
    failedCalls: 0,
    arrivals: 0,
    focusChanges: 0,
    stops: 0,
    maxInvocationsSeen: 0,
    maxOutputBytesSeen: 0,
    maxOutputEntriesSeen: 0,
    maxTransitionsSeen: 0,
    outputGrowths: 0,
    distinctOutputs: 0,
    phasesSeen: [],
    missing: [],
    mismatched: [],
    emulatorSize: 0,
    storeSize: 0,
    heapUsedMb: 0,
  };

  // New invocations on the clock: catalog commands (some with outputs past 24 KB) on 1-8 instances.
  const [minEvery, maxEvery] = opts.arrivalEveryMs ?? [20_000, 60_000];
  const linux = emu.sim.fleet.filter((i) => i.os === 'linux');
  const windows = emu.sim.fleet.filter((i) => i.os === 'windows');
  let arriving = true;
  const arrive = () => {
    if (!arriving) return;
    const c = catalogByName(rng.pick(['tail-app-log', 'yum-update-security', 'disk-usage-check', 'deploy-release', 'collect-diagnostics', 'windows-update-scan'])) ?? CATALOG[0];
    const pool = c.os === 'windows' && windows.length > 0 ? windows : linux;
    const k = Math.min(pool.length, rng.int(1, 8));
    const first = rng.int(0, pool.length - 1);
    emu.sim.runCommand({
      catalog: c.name,
      commandContent: c.content,
      instanceIds: Array.from({ length: k }, (_, j) => pool[(first + j) % pool.length].instanceId),
      durationMs: rng.int(10_000, 600_000),
      timeout: 3_600,
    });
    report.arrivals++;
    clock.setTimeout(arrive, rng.int(minEvery, maxEvery));
  };
  clock.setTimeout(arrive, rng.int(minEvery, maxEvery));
  // One scheduled invocation that runs all day.
  const health = catalogByName('health-check');
  if (health) {
    emu.sim.runCommand({ catalog: health.name, commandContent: health.content, instanceIds: linux.slice(0, 3).map((i) => i.instanceId), timed: true, frequency: health.frequency });
  }

  const lastLength = new Map<string, number>();
  const sample = () => {
    const s = store.getState();
    report.maxInvocationsSeen = Math.max(report.maxInvocationsSeen, s.invocations.size);
    report.maxOutputBytesSeen = Math.max(report.maxOutputBytesSeen, store.outputBytes());
    report.maxOutputEntriesSeen = Math.max(report.maxOutputEntriesSeen, s.outputs.size);
    report.maxTransitionsSeen = Math.max(report.maxTransitionsSeen, s.transitions.length);
    if (!report.phasesSeen.includes(s.poll.phase)) report.phasesSeen.push(s.poll.phase);
    for (const [key, out] of s.outputs) {
      const before = lastLength.get(key);
      if (before !== undefined && out.text.length > before) report.outputGrowths++;
      lastLength.set(key, out.text.length);
    }
  };
  store.subscribe(() => {
    const s = store.getState();
    if (!report.phasesSeen.includes(s.poll.phase)) report.phasesSeen.push(s.poll.phase);
  });

  emu.setFaults(opts.faults ?? { throttle: 0.05, error500: 0.03, reset: 0.01, badGateway: 0.01 });
  poller.start();
  const start = clock.now();
  try {
    while (clock.now() - start < opts.durationMs) {
      // The user: look at a running instance (its output grows), sometimes stop something.
      const s = store.getState();
      const running = s.order.slice(0, 100).filter((id) => !isFinalInvocation(s.invocations.get(id)!.invocationStatus));
      if (running.length > 0) {
        const inv = s.invocations.get(running[rng.int(0, running.length - 1)])!;
        const inst = inv.instances[rng.int(0, inv.instances.length - 1)];
        poller.setFocus({ invokeId: inv.invokeId, instanceId: inst.instanceId });
        report.focusChanges++;
        if (rng.next() < 0.1 && !inv.timed) {
          // Not awaited: like the UI, the user keeps going while the call waits for the budget.
          void poller.stopInvocation(inv.invokeId).then(
            () => report.stops++,
            () => undefined, // a fault may refuse it; the UI shows that and the user tries again
          );
        }
      }
      const step = Math.min(STEP_MS, opts.durationMs - (clock.now() - start));
      // Sample a few times per step so the LRU is watched while outputs grow (whole ms: the
      // clock must move every time).
      for (let i = 0; i < 3; i++) {
        await h.runFor(Math.max(1, Math.ceil(step / 3)));
        sample();
      }
      report.simulatedMs = clock.now() - start;
      opts.onSample?.(report.simulatedMs, report);
    }

    // The check: faults off, no new arrivals, one-time runs settle; then compare with the emulator.
    arriving = false;
    emu.setFaults({});
    poller.setFocus(null);
    await h.runFor(15 * 60_000);
    await poller.tickOnce();
    sample();
    const st = store.getState();
    let seen = 0;
    emu.sim.scan({}, (rec) => {
      if (seen++ >= history) return false;
      const held = st.invocations.get(rec.invokeId);
      if (!held) report.missing.push(rec.invokeId);
      else {
        const status = emu.sim.overall(rec);
        if (isFinalInvocation(status) && held.invocationStatus !== status) report.mismatched.push(rec.invokeId);
      }
      return true;
    });
    report.emulatorSize = emu.sim.size();
    report.storeSize = st.invocations.size;
    report.distinctOutputs = lastLength.size;
    report.calls = api.log.length;
    report.failedCalls = api.log.filter((c) => c.error).length;
    report.heapUsedMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    if (api.maxInFlight !== 1) throw new Error(`ticks overlapped: ${api.maxInFlight} requests in flight at once`);
    return report;
  } finally {
    arriving = false;
    await h.close();
  }
}
