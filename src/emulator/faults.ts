// Faults on demand, deterministic by seed: the same seed and the same request sequence give the
// same throttles, 500s, resets and 502s. A region can have faults of its own (drawn from its own
// stream), so one region can be down while another keeps working.
import { Prng, hash32 } from './prng.js';

export interface RegionFaultSpec {
  /** Rate (0..1) of `Throttling.User` HTTP 400 answers (half of them carry `x-acs-retry-after`). */
  throttle?: number;
  /** Rate of `InternalError.Dispatch` HTTP 500 answers. */
  error500?: number;
  /** Added latency per request, uniformly in [min, max] ms (real time, whatever the simulation clock). */
  latencyMs?: readonly [number, number];
  /** Rate of connections destroyed without an answer. */
  reset?: number;
  /** Rate of HTML `502 Bad Gateway` answers (not JSON). */
  badGateway?: number;
}

export interface FaultSpec extends RegionFaultSpec {
  /** Per RegionId, over the faults above (`cn-shanghai:throttle=0.5`). */
  regions?: Record<string, RegionFaultSpec>;
}

export type Fault = 'reset' | 'badGateway' | 'throttle' | 'error500';

export interface FaultDraw {
  latencyMs: number;
  /** Gateway-level fault (before authentication), if any. */
  gateway?: 'reset' | 'badGateway';
  /** Service-level fault (after authentication), if any. */
  service?: 'throttle' | 'error500';
  /** For throttles: the `x-acs-retry-after` value in ms, when sent. */
  retryAfterMs?: number;
}

const RATE_KEYS: Record<string, keyof FaultSpec> = {
  throttle: 'throttle',
  error500: 'error500',
  reset: 'reset',
  badgateway: 'badGateway',
};

const REGION = /^([a-z]{2,}(?:-[a-z0-9]+)+):(.*)$/;

/**
 * `throttle=0.1,error500=0.05,latency=20-300,reset=0.01,badgateway=0.02` -> FaultSpec; a key
 * prefixed with a region (`cn-shanghai:throttle=0.5`) applies to that region only. Throws a
 * one-line Error on bad input.
 */
export function parseFaults(text: string): FaultSpec {
  const spec: FaultSpec = {};
  const allowed = 'throttle, error500, latency, reset, badgateway';
  for (const part of text.split(',')) {
    let item = part.trim();
    if (item === '') continue;
    let target: RegionFaultSpec = spec;
    const scoped = REGION.exec(item);
    if (scoped) {
      spec.regions ??= {};
      target = spec.regions[scoped[1]] ??= {};
      item = scoped[2].trim();
    }
    const eq = item.indexOf('=');
    if (eq < 0) throw new Error(`fault "${part.trim()}" needs a value: use key=value with key one of ${allowed}`);
    const key = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    if (key === 'latency') {
      const m = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!m) throw new Error(`fault latency=${value} is not a range: use latency=MIN-MAX in ms, e.g. latency=20-300`);
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      if (max < min) throw new Error(`fault latency=${value}: MIN must not exceed MAX`);
      target.latencyMs = [min, max];
      continue;
    }
    const field = RATE_KEYS[key];
    if (!field) throw new Error(`unknown fault "${key}": use one of ${allowed}`);
    const rate = Number(value);
    if (value === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new Error(`fault ${key}=${value} is not a rate: use a number from 0 to 1, e.g. ${key}=0.1`);
    }
    (target as Record<string, number>)[field] = rate;
  }
  return spec;
}

/** Draws the fault of each request from its own PRNG stream (the simulation's stays untouched). */
export class FaultInjector {
  private readonly rng: Prng;
  private readonly regionRngs = new Map<string, Prng>();
  spec: FaultSpec;

  constructor(
    private readonly seed: number,
    spec: FaultSpec = {},
  ) {
    this.rng = new Prng((seed ^ 0x5eed_fa17) >>> 0);
    this.spec = { ...spec };
  }

  /**
   * Every request draws the same number of values, so one fault kind's rate does not shift another's
   * sequence. A request to a region with faults of its own draws from that region's stream.
   */
  draw(regionId?: string): FaultDraw {
    const own = regionId !== undefined ? this.spec.regions?.[regionId] : undefined;
    const s: RegionFaultSpec = own ? { ...this.spec, ...own } : this.spec;
    let rng = this.rng;
    if (own && regionId !== undefined) {
      rng = this.regionRngs.get(regionId) ?? new Prng((this.seed ^ 0x5eed_fa17 ^ hash32(regionId)) >>> 0);
      this.regionRngs.set(regionId, rng);
    }
    const [rLatency, rReset, rBad, rThrottle, r500, rAfter, rAfterMs] = [0, 0, 0, 0, 0, 0, 0].map(() => rng.next());
    const draw: FaultDraw = { latencyMs: 0 };
    if (s.latencyMs) {
      const [min, max] = s.latencyMs;
      draw.latencyMs = Math.round(min + rLatency * (max - min));
    }
    if (s.reset && rReset < s.reset) draw.gateway = 'reset';
    else if (s.badGateway && rBad < s.badGateway) draw.gateway = 'badGateway';
    if (s.throttle && rThrottle < s.throttle) {
      draw.service = 'throttle';
      if (rAfter < 0.5) draw.retryAfterMs = 100 + Math.round(rAfterMs * 1_900);
    } else if (s.error500 && r500 < s.error500) draw.service = 'error500';
    return draw;
  }
}
