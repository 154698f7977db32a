// A local Cloud Assistant: an HTTP server on loopback that pop-core and Alibaba's generated SDKs
// cannot tell from ECS, over a deterministic fleet simulation. Used by `catop --demo`,
// `catop emulator`, the integration tests and the benchmarks.
import type { AddressInfo } from 'node:net';
import { realClock, type Clock } from '../clock.js';
import { seedDemo, startArrivals, DEMO_FLEET } from './demo.js';
import { FaultInjector, type FaultSpec } from './faults.js';
import { Prng, hash32 } from './prng.js';
import { createEmulatorServer } from './server.js';
import { Simulation } from './sim.js';

export { parseFaults, type FaultSpec, type RegionFaultSpec } from './faults.js';
export { Simulation } from './sim.js';
export type { InstanceState, InvocationFilter, InvocationRecord, OutcomeInput, OutcomeSpec, RepeatMode, RunCommandSpec, SeedOptions, SimInstance, Outcome, Os } from './sim.js';
export { CJK_OUTPUT, HOSTILE_OUTPUT, OUTPUT_LIMIT_BYTES, logTail } from './output.js';
export { MAX_RECORDS, RETENTION_MS } from './sim.js';

export interface EmulatorOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1; another address only when asked. */
  host?: string;
  /** Default 1. */
  seed?: number;
  /** Number of instances (default: 40 for the demo preset, 5 otherwise). */
  fleet?: number;
  /** Default realClock; with a FakeClock nothing moves until the test advances it. */
  clock?: Clock;
  faults?: FaultSpec;
  /** 'demo': the lively fleet of `npm start`; 'empty' (default): a fleet with no history. */
  preset?: 'demo' | 'empty';
  /** Past invocations to seed (default: 300 for the demo preset, 0 otherwise). */
  invocations?: number;
  /** The demo preset's run on 800 instances (and the instances it needs): `catop --demo` asks for it. */
  fleetRun?: boolean;
  /** New invocations every few seconds on the clock (default: true for the demo preset). */
  arrivals?: boolean;
  /** Default: a key pair derived from the seed. */
  accessKeyId?: string;
  accessKeySecret?: string;
  /** STS: when set, every request must carry this SecurityToken. */
  securityToken?: string;
  /** Default cn-hangzhou. */
  regionId?: string;
  /**
   * More regions to serve, each with a fleet of its own (same size and preset, its own seed):
   * RegionId selects one, DescribeRegions lists them all.
   */
  moreRegions?: readonly string[];
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:PORT` */
  endpoint: string;
  host: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  regionId: string;
  /** The fleet of `regionId`. */
  sim: Simulation;
  /** Every region served, `regionId` first, and the fleet of each. */
  regions: string[];
  simFor(regionId: string): Simulation | undefined;
  setFaults(faults: FaultSpec): void;
  /** HTTP requests received so far (including faulted ones). */
  requestCount(): number;
  stop(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = (opts.seed ?? 1) >>> 0;
  const clock = opts.clock ?? realClock;
  const regionId = opts.regionId ?? 'cn-hangzhou';
  const host = opts.host ?? '127.0.0.1';
  const demo = opts.preset === 'demo';
  const keys = new Prng((seed ^ 0x00ac_ce55) >>> 0);
  const accessKeyId = opts.accessKeyId ?? `LTAI5t${keys.chars(18, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789')}`;
  const accessKeySecret = opts.accessKeySecret ?? keys.chars(30, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');

  const regions = [...new Set([regionId, ...(opts.moreRegions ?? [])])];
  const sims = new Map<string, Simulation>();
  const stops: (() => void)[] = [];
  for (const region of regions) {
    // The first region keeps the seed itself, so a single-region fleet is what it always was.
    const regionSeed = region === regionId ? seed : (seed ^ hash32(region)) >>> 0;
    const sim = new Simulation(clock, regionSeed, region);
    sim.addInstances(opts.fleet ?? (demo ? DEMO_FLEET : 5));
    if (demo) seedDemo(sim, opts.invocations ?? 300, { fleetRun: opts.fleetRun });
    else if (opts.invocations) sim.seedHistory(opts.invocations);
    if (opts.arrivals ?? demo) stops.push(startArrivals(sim, clock, regionSeed));
    sims.set(region, sim);
  }
  const sim = sims.get(regionId) as Simulation;

  const faults = new FaultInjector(seed, opts.faults);
  const { server, requestCount } = createEmulatorServer({
    sims,
    faults,
    accessKeyId,
    accessKeySecret,
    securityToken: opts.securityToken,
    regionId,
    seed,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${urlHost}:${port}`,
    host,
    port,
    accessKeyId,
    accessKeySecret,
    securityToken: opts.securityToken,
    regionId,
    sim,
    regions,
    simFor: (region) => sims.get(region),
    setFaults(f) {
      faults.spec = { ...f };
    },
    requestCount,
    async stop() {
      for (const stop of stops) stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
