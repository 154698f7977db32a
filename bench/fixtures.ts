// The emulator and the real client as the benchmarks use them: an emulator on loopback holding a
// seeded history, the EcsClient pointed at it, and whole-list paging (the naive way, and the way
// benchmarks that need a full store fill it).
import type { Clock } from '../src/clock.js';
import type { Invocation } from '../src/api/model.js';
import type { EcsClient } from '../src/api/client.js';
import type { RunningEmulator } from '../src/emulator/index.js';
import { importApp } from './harness.js';

export const PAGE_SIZE = 50;

export interface BenchEmulatorOptions {
  /** Past invocations the service holds. */
  invocations: number;
  /** Instances per invocation: a number or [min, max] (the service default spread is [1, 3]). */
  instancesPerInvocation?: number | [number, number];
  clock?: Clock;
  seed?: number;
  fleet?: number;
  /** Spread of creation times (default 3 days). */
  spanMs?: number;
}

export async function startBenchEmulator(opts: BenchEmulatorOptions): Promise<RunningEmulator> {
  const { startEmulator } = await importApp<typeof import('../src/emulator/index.js')>(
    'src/emulator/index.js',
    'startEmulator',
  );
  const emu = await startEmulator({
    port: 0,
    seed: opts.seed ?? 7,
    fleet: opts.fleet ?? 50,
    clock: opts.clock,
    preset: 'empty',
    arrivals: false,
  });
  if (opts.invocations > 0) {
    emu.sim.seedHistory(opts.invocations, {
      instancesPerInvocation: opts.instancesPerInvocation ?? [1, 3],
      spanMs: opts.spanMs,
    });
  }
  return emu;
}

export async function clientFor(emu: Pick<RunningEmulator, 'endpoint' | 'regionId' | 'accessKeyId' | 'accessKeySecret'>): Promise<EcsClient> {
  const { EcsClient } = await importApp<typeof import('../src/api/client.js')>('src/api/client.js', 'EcsClient');
  return new EcsClient({
    regionId: emu.regionId,
    endpoint: emu.endpoint,
    credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    timeoutMs: 60_000,
  });
}

/**
 * Page through the whole list at PageSize 50, `concurrency` requests at a time: what a naive monitor
 * does every tick. Returns the invocations (newest first) and the number of calls it took.
 */
export async function pageAll(
  client: EcsClient,
  opts: { concurrency?: number; maxPages?: number } = {},
): Promise<{ invocations: Invocation[]; calls: number; totalCount: number; pages: number }> {
  const first = await client.describeInvocations({ pageNumber: 1, pageSize: PAGE_SIZE });
  const totalCount = first.totalCount ?? first.invocations.length;
  const pages = Math.min(opts.maxPages ?? Infinity, Math.max(1, Math.ceil(totalCount / PAGE_SIZE)));
  const byPage: Invocation[][] = [first.invocations];
  let next = 2;
  let calls = 1;
  const worker = async () => {
    while (next <= pages) {
      const n = next++;
      const page = await client.describeInvocations({ pageNumber: n, pageSize: PAGE_SIZE });
      calls++;
      byPage[n - 1] = page.invocations;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  return { invocations: byPage.flat(), calls, totalCount, pages };
}

const loaded = new Map<number, Promise<Invocation[]>>();

/**
 * `n` invocations (1 to 3 instances each) as the client returns them from an emulator, loaded once
 * per run and shared by the UI benchmarks that need a full store.
 */
export function invocationsFromEmulator(n: number): Promise<Invocation[]> {
  let p = loaded.get(n);
  if (!p) {
    p = (async () => {
      const emu = await startBenchEmulator({ invocations: n });
      try {
        const client = await clientFor(emu);
        return (await pageAll(client, { concurrency: 4 })).invocations;
      } finally {
        await emu.stop();
      }
    })();
    loaded.set(n, p);
  }
  return p;
}

/** One instance's result in a fleet run: `failed` ones exit 1 with ExitCodeNonzero. */
export interface FleetOutcome {
  failed: boolean;
  output: string;
}

/**
 * A fake clock, an emulator fleet of `size`, and one run over the whole fleet that finished a
 * minute ago (`outcome` per instance id and index): what the screen and grouping rows measure.
 */
export async function startFleetRun(
  size: number,
  run: { name: string; commandContent: string; outcome: (instanceId: string, k: number) => FleetOutcome },
) {
  const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');
  const clock = new FakeClock(Date.UTC(2026, 10, 28, 9));
  const emu = await startBenchEmulator({ invocations: 0, fleet: size, clock });
  const ids = emu.sim.fleet.map((i) => i.instanceId);
  const invokeId = emu.sim.runCommandAt(
    {
      name: run.name,
      commandContent: run.commandContent,
      instanceIds: ids,
      outcome: ids.map((id, k) => {
        const { failed, output } = run.outcome(id, k);
        return failed ? { status: 'Failed', exitCode: 1, errorCode: 'ExitCodeNonzero', output } : { status: 'Success', output };
      }),
      pendingMs: 500,
      durationMs: 4_000,
    },
    clock.now() - 60_000,
  );
  return { clock, emu, ids, invokeId };
}
