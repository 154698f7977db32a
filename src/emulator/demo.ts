// The demo preset: what `npm start` shows. Forty instances, a few hundred past invocations, the
// cases a monitor must handle (a long log tail, a failing script, a timed health check, hostile and
// CJK/emoji output, instances that cannot run commands, released instances) and new invocations
// every few seconds.
import type { Clock, ClockTimer } from '../clock.js';
import { CATALOG, ROUTINE, catalogByName } from './catalog.js';
import { seedFleetRun } from './demoFleetRun.js';
import { Prng } from './prng.js';
import type { Simulation } from './sim.js';

export const DEMO_FLEET = 40;

export function seedDemo(sim: Simulation, history: number, opts: { fleetRun?: boolean } = {}): void {
  const now = sim.now();
  const linux = sim.fleet.filter((i) => i.os === 'linux');
  const windows = sim.fleet.filter((i) => i.os === 'windows');
  // Two stopped instances and one with a dead agent: commands to them end Aborted.
  if (linux.length > 4) {
    sim.setInstanceState(linux[linux.length - 1].instanceId, { running: false });
    sim.setInstanceState(linux[linux.length - 2].instanceId, { agentRunning: false });
  }
  if (windows.length > 2) sim.setInstanceState(windows[windows.length - 1].instanceId, { running: false });
  // Two released since their last commands: their past invocations stay, DescribeInstances no longer knows them.
  if (linux.length > 5) sim.setInstanceState(linux[linux.length - 3].instanceId, { released: true });
  if (windows.length > 3) sim.setInstanceState(windows[windows.length - 2].instanceId, { released: true });

  sim.seedHistory(history, { spanMs: 3 * 86_400_000, instancesPerInvocation: [1, 6] });

  const ids = (list: typeof linux, n: number, from = 0) => list.slice(from, from + n).map((i) => i.instanceId);
  const cmd = (name: string) => {
    const c = catalogByName(name);
    if (!c) throw new Error(`no catalog command ${name}`);
    return c;
  };
  const health = cmd('health-check');
  const healthIds = ids(linux, 4);
  // Every minute for two days (about 2,880 runs); one instance began failing two or three runs ago.
  sim.runCommandAt(
    {
      catalog: health.name,
      commandContent: health.content,
      instanceIds: healthIds,
      timed: true,
      frequency: health.frequency,
      outcome: { [healthIds[1]]: { failsFromRun: 2_878, exitCode: 1 } },
    },
    now - 2 * 86_400_000,
  );
  const tail = cmd('tail-app-log');
  sim.runCommandAt({ catalog: tail.name, commandContent: tail.content, instanceIds: ids(linux, 2, 4), outcome: 'Success' }, now - 2 * 3_600_000);
  const backup = cmd('failing-backup');
  sim.runCommandAt(
    { catalog: backup.name, commandContent: backup.content, instanceIds: ids(linux, 3, 6), outcome: ['Failed', { status: 'Failed', exitCode: 2 }, 'Success'] },
    now - 45 * 60_000,
  );
  const hostile = cmd('suspicious-script');
  sim.runCommandAt({ catalog: hostile.name, commandContent: hostile.content, instanceIds: ids(linux, 1, 9), outcome: 'Success' }, now - 20 * 60_000);
  const banner = cmd('print-banner');
  sim.runCommandAt({ catalog: banner.name, commandContent: banner.content, instanceIds: ids(linux, 2, 10), outcome: 'Success' }, now - 10 * 60_000);
  // Something already in progress when the monitor opens.
  const update = cmd('yum-update-security');
  sim.runCommandAt({ catalog: update.name, commandContent: update.content, instanceIds: ids(linux, 8, 12), durationMs: 90_000 }, now - 20_000);
  sim.runCommandAt(
    { catalog: tail.name, commandContent: tail.content, instanceIds: ids(linux, 1, 20), outcome: 'Success', durationMs: 60_000 },
    now - 5_000,
  );
  if (windows.length > 0) {
    const scan = cmd('windows-update-scan');
    sim.runCommandAt({ catalog: scan.name, commandContent: scan.content, instanceIds: ids(windows, Math.min(4, windows.length)), durationMs: 45_000 }, now - 8_000);
  }
  // Last, so what came before is the same with or without it (and its 760 more instances).
  if (opts.fleetRun) seedFleetRun(sim, now - 3 * 3_600_000);
}

/** New invocations every few seconds on `clock` until the returned stop function is called. */
export function startArrivals(sim: Simulation, clock: Clock, seed: number, everyMs: readonly [number, number] = [2_000, 6_000]): () => void {
  const rng = new Prng((seed ^ 0xa771_7a15) >>> 0);
  let timer: ClockTimer | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = clock.setTimeout(arrive, rng.int(everyMs[0], everyMs[1]));
  };
  const arrive = () => {
    if (stopped) return;
    const c = catalogByName(rng.weighted(ROUTINE)) ?? CATALOG[0];
    const pool = sim.fleet.filter((i) => i.os === c.os && !i.released);
    if (pool.length > 0) {
      const k = Math.min(pool.length, rng.weighted([[1, 4], [2, 3], [4, 2], [8, 1]] as const));
      const first = rng.int(0, pool.length - 1);
      const instanceIds = Array.from({ length: k }, (_, j) => pool[(first + j) % pool.length].instanceId);
      sim.runCommand({ catalog: c.name, commandContent: c.content, instanceIds });
    }
    // Now and then someone stops a one-time run in progress (Stopping, then Stopped).
    if (rng.chance(0.05)) {
      const running: string[] = [];
      sim.scan({ invokeStatus: 'Running', timed: false }, (rec) => (running.push(rec.invokeId), true));
      if (running.length > 1) sim.stopInvocation(running[rng.int(0, running.length - 1)]);
    }
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clock.clearTimeout(timer);
  };
}
