// A failing network (issue 5): the emulator's fault modes, a stopped endpoint, final errors.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/api/errors.js';
import { backoffDelay } from '../../src/poller/backoff.js';
import { NARROW_STEPS } from '../../src/poller/pace.js';
import { startEmulator } from '../../src/emulator/index.js';
import { recordedRandom, startHarness, type CallRecord, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const INTERVAL = 2_000;
const IDLE = 10_000;
const CAP = 60_000;

async function startedHarness(extra: Parameters<typeof startHarness>[0] = {}) {
  const random = recordedRandom(1234);
  const harness = await startHarness({
    emulator: { invocations: 60 },
    ...extra,
    poller: { intervalMs: INTERVAL, idleIntervalMs: IDLE, backoffCapMs: CAP, history: 50, random, ...extra.poller },
  });
  harness.poller.start();
  await harness.settle();
  expect(harness.store.getState().poll.phase).toBe('ok');
  return { harness, random };
}

describe('poller: retryable failures', () => {
  it('under constant throttling calls no more often than full-jitter backoff allows, keeps the data, and recovers', async () => {
    const started = await startedHarness();
    h = started.harness;
    const { random } = started;
    const before = h.store.getState();
    const entities = before.order.map((id) => before.invocations.get(id));
    const randomUsed = random.values.length;

    h.emu.setFaults({ throttle: 1 });
    const mark = h.api.log.length;
    const faultAt = h.clock.now();
    await h.runFor(10 * 60_000);
    const failing = h.api.since(mark);
    expect(failing.length).toBeGreaterThan(3);
    for (const c of failing) expect(c.error?.code).toMatch(/^Throttling/);

    // Each retry waits at least random() * min(cap, interval * 2^attempt), and never less than x-acs-retry-after.
    const draws = random.values.slice(randomUsed);
    for (let k = 0; k + 1 < failing.length; k++) {
      const allowed = backoffDelay(k, INTERVAL, CAP, () => draws[k], failing[k].error?.retryAfterMs);
      expect(failing[k + 1].at - failing[k].at).toBeGreaterThanOrEqual(allowed);
    }
    // Far fewer calls than the 300 a fixed 2 s interval would make.
    expect(failing.length).toBeLessThan(60);

    const s = h.store.getState();
    expect(s.poll.phase).toBe('retrying');
    expect(s.poll.lastError?.code).toMatch(/^Throttling/);
    expect(s.poll.failingSince).toBeGreaterThanOrEqual(faultAt);
    expect(s.poll.failingSince).toBeLessThanOrEqual(failing[0].at + IDLE);
    expect(s.poll.nextTickAt).toBeGreaterThan(h.clock.now() - 1);
    expect(s.poll.lastSuccessAt).toBeLessThanOrEqual(faultAt);
    // The last good data stays, entity for entity.
    expect(s.order).toEqual(before.order);
    expect(s.order.map((id) => s.invocations.get(id))).toEqual(entities);

    h.emu.setFaults({});
    const clean = h.api.log.length;
    await h.runFor(20 * 60_000);
    const after = h.store.getState();
    expect(after.poll.phase).toBe('ok');
    expect(after.poll.lastError).toBeUndefined();
    expect(after.poll.failingSince).toBeUndefined();
    // Backoff reset; the interval throttling widened narrows, each clean tick adding an eighth of
    // the --interval rate back (src/poller/pace.ts), to the idle interval.
    const discovery = (c: CallRecord) => {
      const p = c.params as { pageNumber?: number; invokeStatus?: string };
      return p.pageNumber === 1 && p.invokeStatus === undefined;
    };
    const ticks = h.api.since(clean).filter(discovery);
    expect(ticks.every((c) => !c.error)).toBe(true);
    const gaps = ticks.slice(1).map((c, k) => c.at - ticks[k].at);
    expect(gaps.at(-1)).toBe(IDLE);
    const narrowing = gaps.slice(0, gaps.indexOf(IDLE));
    // Widened for a tick or two (60 s, then 12.6 s), then the idle interval again.
    expect(narrowing.length).toBeGreaterThan(0);
    expect(narrowing.every((gap) => gap > IDLE)).toBe(true);
    expect(gaps.slice(narrowing.length)).toEqual(gaps.slice(narrowing.length).map(() => IDLE));
    narrowing.slice(1).forEach((gap, k) => expect(Math.abs(1 / gap - 1 / narrowing[k] - 1 / (NARROW_STEPS * INTERVAL))).toBeLessThan(1e-6));
    expect(h.api.maxInFlight).toBe(1);
  });

  it.each([
    ['InternalError.Dispatch 500', { error500: 1 }, /^InternalError/],
    ['an HTML 502 from a gateway', { badGateway: 1 }, /./],
    ['dropped connections', { reset: 1 }, /./],
  ] as const)('%s: retrying with the error shown, data kept, recovered after', async (_name, faults, code) => {
    const started = await startedHarness();
    h = started.harness;
    const kept = h.store.getState().order;
    h.emu.setFaults(faults);
    await h.runFor(3 * 60_000);
    const s = h.store.getState();
    expect(s.poll.phase).toBe('retrying');
    expect(s.poll.lastError?.retryable).toBe(true);
    expect(s.poll.lastError?.code).toMatch(code);
    expect(s.order).toBe(kept);
    h.emu.setFaults({});
    await h.runFor(CAP + IDLE);
    expect(h.store.getState().poll.phase).toBe('ok');
    expect(h.api.maxInFlight).toBe(1);
  });

  it('a request slower than the client timeout is cut and retried; ticks never overlap', async () => {
    const started = await startedHarness({ timeoutMs: 300 });
    h = started.harness;
    h.emu.setFaults({ latencyMs: [900, 900] });
    // Ask for ticks while one hangs: they queue behind it instead of running beside it.
    h.poller.refreshNow();
    h.poller.refreshNow();
    h.poller.refreshNow();
    await h.settle();
    const s = h.store.getState();
    expect(s.poll.phase).toBe('retrying');
    expect(s.poll.lastError?.retryable).toBe(true);
    expect(h.api.maxInFlight).toBe(1);
    h.emu.setFaults({});
    await h.runFor(CAP + IDLE);
    expect(h.store.getState().poll.phase).toBe('ok');
  });

  it('the emulator stopped and restarted on the same port: retrying with data kept, then recovered', async () => {
    const started = await startedHarness();
    h = started.harness;
    const kept = h.store.getState().order;
    expect(kept.length).toBeGreaterThan(0);
    const { port, accessKeyId, accessKeySecret } = h.emu;
    await h.emu.stop();
    await h.runFor(2 * 60_000);
    let s = h.store.getState();
    expect(s.poll.phase).toBe('retrying');
    expect(s.poll.lastError?.kind).toBe('network');
    expect(s.order).toBe(kept);

    const again = await startEmulator({ port, clock: h.clock, seed: 8, fleet: 12, invocations: 30, accessKeyId, accessKeySecret });
    h.emu = again;
    const fresh: string[] = [];
    again.sim.scan({}, (rec) => (fresh.push(rec.invokeId), true));
    await h.runFor(CAP + IDLE);
    s = h.store.getState();
    expect(s.poll.phase).toBe('ok');
    for (const id of fresh) expect(s.invocations.has(id)).toBe(true);
    // What we had before the outage is still there too.
    for (const id of kept) expect(s.invocations.has(id)).toBe(true);
  });
});

describe('poller: final failures', () => {
  it('bad credentials stop polling (no timer, no calls) until refreshNow', async () => {
    const emu = await startEmulator({ seed: 3, fleet: 4, invocations: 20 });
    let secret = 'not-the-secret';
    const credentials = { getCredentials: async () => ({ accessKeyId: emu.accessKeyId, accessKeySecret: secret }) };
    const { port } = emu;
    await emu.stop();
    const random = recordedRandom(5);
    h = await startHarness({
      emulator: { port, seed: 3, fleet: 4, invocations: 20 },
      credentials,
      poller: { intervalMs: INTERVAL, idleIntervalMs: IDLE, backoffCapMs: CAP, random },
    });
    h.poller.start();
    await h.settle();
    let s = h.store.getState();
    expect(s.poll.phase).toBe('failed');
    const err = s.poll.lastError as ApiError;
    expect(err.retryable).toBe(false);
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.requestId).toBeTruthy();
    expect(err.message).not.toContain('not-the-secret');
    expect(s.poll.nextTickAt).toBeUndefined();

    const calls = h.api.log.length;
    await h.runFor(30 * 60_000);
    expect(h.api.log.length).toBe(calls);

    secret = h.emu.accessKeySecret;
    h.poller.refreshNow();
    await h.settle();
    s = h.store.getState();
    expect(s.poll.phase).toBe('ok');
    expect(s.order.length).toBe(20);
    await h.runFor(3 * IDLE);
    expect(h.api.log.length).toBeGreaterThan(calls + 3);
  });

  it('a store listener that throws does not stop the poller, and is a render error, not a polling error', async () => {
    const heard: unknown[] = [];
    const started = await startedHarness({ poller: { onListenerError: (e) => heard.push(e) } });
    h = started.harness;
    let thrown = 0;
    const errors: unknown[] = [];
    const off = h.store.subscribe(() => {
      errors.push(h!.store.getState().poll.lastError);
      thrown++;
      throw new Error('render failed');
    });
    await h.runFor(3 * IDLE);
    off();
    expect(thrown).toBeGreaterThan(0);
    // Every throw reached the UI's error path, and none became the poller's error.
    expect(heard).toHaveLength(thrown);
    expect(heard.every((e) => e instanceof Error && e.message === 'render failed')).toBe(true);
    expect(errors.every((e) => e === undefined)).toBe(true);
    expect(h.store.getState().poll.lastError).toBeUndefined();
    const calls = h.api.log.length;
    await h.runFor(3 * IDLE);
    expect(h.api.log.length).toBeGreaterThan(calls);
    expect(h.store.getState().poll.phase).toBe('ok');
  });
});
