// regions. Four regions in one process against one region. The emulator serves cn-hangzhou,
// cn-shanghai, cn-beijing and cn-shenzhen, each a fleet of its own with 1,000 final invocations
// and 20 scheduled ones that stay Running.
//   calls: the real regions poller on a FakeClock; after history has loaded, 20 ticks by
//          `tickOnce()`; each region's calls (counted at its client) per tick, against the same
//          poller watching cn-hangzhou alone.
//   RSS and idle bytes: the built CLI in a 120x40 pty with `--region` of one and of four regions
//          (every invocation final, the emulator's clock standing still: nothing changes, as in
//          row 7); after the first frame and a
//          settling period, VmRSS from /proc and the bytes written over 60 s (`--quick`: 10 s).
import { existsSync, readFileSync } from 'node:fs';
import type { EcsClient } from '../src/api/client.js';
import type { RunningEmulator } from '../src/emulator/index.js';
import { NotReady, ensureBuilt, fmtBytes, importApp, mean, sleep, type Benchmark, type Row } from './harness.js';
import { clientFor } from './fixtures.js';
import { ALT_SCREEN_ON, CLI, INVOKE_ID, spawnPty } from './pty.js';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'];
const HELD = 1_000;
const ACTIVE = 20;
const INTERVAL_MS = 2_000;
const RSS_RATIO = 1.3;
const BYTES_TARGET = 100;

async function fourRegionEmulator(clock: import('../src/clock.js').FakeClock, active: number): Promise<RunningEmulator> {
  const { startEmulator } = await importApp<typeof import('../src/emulator/index.js')>('src/emulator/index.js', 'startEmulator');
  const emu = await startEmulator({ port: 0, seed: 7, fleet: 50, clock, preset: 'empty', arrivals: false, moreRegions: REGIONS.slice(1) });
  const now = clock.now();
  for (const region of REGIONS) {
    const sim = emu.simFor(region)!;
    sim.seedHistory(HELD, { instancesPerInvocation: [1, 3] });
    const linux = sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
    for (let i = 0; i < active; i++) {
      sim.runCommandAt({ commandContent: 'check-health', instanceIds: [linux[i % linux.length]], timed: true, frequency: 'rate(5m)', outcome: 'Success', durationMs: 2_000 }, now - 3_600_000 - i * 60_000);
    }
  }
  return emu;
}

/** Calls per steady tick of each region watched, the poller loading history first. */
async function callsPerTick(regions: readonly string[], ticks: number): Promise<number[]> {
  const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');
  const { createRegionsPoller } = await importApp<typeof import('../src/poller/regions.js')>('src/poller/regions.js', 'createRegionsPoller');
  const clock = new FakeClock();
  const emu = await fourRegionEmulator(clock, ACTIVE);
  try {
    const clients = new Map<string, EcsClient>();
    for (const r of regions) clients.set(r, await clientFor({ ...emu, regionId: r }));
    const poller = createRegionsPoller({ regions, apiFor: (r) => clients.get(r)!, filters: {}, clock, intervalMs: INTERVAL_MS, history: HELD + ACTIVE, maxRps: 100_000 });
    await poller.tickOnce();
    while (!poller.parts().every((p) => p.store.getState().historyComplete)) {
      clock.advance(INTERVAL_MS);
      await poller.tickOnce();
    }
    for (let i = 0; i < 2; i++) {
      clock.advance(INTERVAL_MS);
      await poller.tickOnce();
    }
    const before = regions.map((r) => clients.get(r)!.calls);
    for (let k = 0; k < ticks; k++) {
      clock.advance(INTERVAL_MS);
      await poller.tickOnce();
    }
    poller.stop();
    return regions.map((r, i) => (clients.get(r)!.calls - before[i]) / ticks);
  } finally {
    await emu.stop();
  }
}

function rssOf(pid: number): number | undefined {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return undefined;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(path, 'utf8'));
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The CLI watching `regions`: its RSS once settled, and the bytes a second it writes while nothing changes. */
async function cliFigures(regions: readonly string[], seconds: number, settleMs: number): Promise<{ rss?: number; bytesPerSecond: number }> {
  const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');
  const clock = new FakeClock(Date.now() - 3_600_000);
  const emu = await fourRegionEmulator(clock, 0);
  clock.advance(3_600_000);
  const p = spawnPty([CLI, '--endpoint', emu.endpoint, '--region', regions.join(','), '--no-names'], {
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
  });
  try {
    await p.until((out) => out.indexOf(ALT_SCREEN_ON) >= 0 && INVOKE_ID.test(out.slice(out.indexOf(ALT_SCREEN_ON))), 30_000, 'frame with an InvokeId');
    await sleep(settleMs);
    const rss = rssOf(p.pty.pid);
    const bytes0 = p.bytes();
    const t0 = Date.now();
    await sleep(seconds * 1000);
    return { rss, bytesPerSecond: (p.bytes() - bytes0) / ((Date.now() - t0) / 1000) };
  } finally {
    await p.kill();
    await emu.stop();
  }
}

export const regions: Benchmark = {
  id: 'regions',
  metric: 'four regions in one process vs one',
  target: 'calls/tick/region = one region; RSS <= 1.3x; idle bytes unchanged',
  async run({ quick }): Promise<Row[]> {
    const ticks = quick ? 10 : 20;
    const [single] = await callsPerTick(REGIONS.slice(0, 1), ticks);
    const four = await callsPerTick(REGIONS, ticks);
    const callsRow: Row = {
      id: 'regions',
      metric: 'API calls per steady tick per region (4 regions)',
      ours: four.map((c) => c.toFixed(2)).join(' / '),
      baseline: `${single.toFixed(2)} (1 region)`,
      ratio: `${(mean(four) / single).toFixed(2)}x`,
      target: '= the one-region run',
      pass: four.every((c) => c === single),
      note: `${ticks} ticks after history (${HELD} final + ${ACTIVE} scheduled Running a region); per region ${REGIONS.join(', ')}`,
      values: { single, ...Object.fromEntries(REGIONS.map((r, i) => [r, four[i]])) },
    };

    const built = ensureBuilt();
    if (!built.ok) throw new NotReady(built.reason ?? 'no build');
    if (!existsSync(CLI)) throw new NotReady('dist/cli.js missing');
    const seconds = quick ? 10 : 60;
    const settle = quick ? 3_000 : 8_000;
    const one = await cliFigures(REGIONS.slice(0, 1), seconds, settle);
    const all = await cliFigures(REGIONS, seconds, settle);
    const ratio = one.rss && all.rss ? all.rss / one.rss : undefined;
    const rssRow: Row = {
      id: 'regions',
      metric: 'RSS of the CLI, 4 regions vs 1',
      ours: all.rss ? fmtBytes(all.rss) : 'n/a (no /proc)',
      baseline: one.rss ? `${fmtBytes(one.rss)} (1 region)` : '-',
      ratio: ratio ? `${ratio.toFixed(2)}x` : '-',
      target: `<= ${RSS_RATIO}x`,
      pass: ratio === undefined ? null : ratio <= RSS_RATIO,
      note: `VmRSS after the first frame and ${settle / 1000} s; ${HELD} final invocations a region, --history 500`,
      values: { rssOne: one.rss ?? null, rssFour: all.rss ?? null },
    };
    const bytesRow: Row = {
      id: 'regions',
      metric: 'bytes/s while nothing changes, 4 regions vs 1',
      ours: `${all.bytesPerSecond.toFixed(1)} B/s`,
      baseline: `${one.bytesPerSecond.toFixed(1)} B/s (1 region)`,
      ratio: '-',
      target: `<= ${BYTES_TARGET} B/s, as one region`,
      pass: all.bytesPerSecond <= BYTES_TARGET && one.bytesPerSecond <= BYTES_TARGET,
      note: `${seconds} s each`,
      values: { bytesOne: one.bytesPerSecond, bytesFour: all.bytesPerSecond },
    };
    return [callsRow, rssRow, bytesRow];
  },
};
