// Faults on demand, observed at the HTTP level through pop-core and plain fetch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { parseFaults, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { call, callError, client } from './helpers.js';

let emu: RunningEmulator;

beforeEach(async () => {
  emu = await startEmulator({ port: 0, seed: 5, fleet: 2, clock: new FakeClock() });
});

afterEach(async () => {
  await emu.stop();
});

/** Outcome of one pop-core call, as a short label. */
async function outcome(target: RunningEmulator): Promise<string> {
  try {
    await call(target, 'DescribeInvocations');
    return 'ok';
  } catch (err) {
    const e = err as { code?: string; name?: string };
    return e.code ?? e.name ?? 'thrown';
  }
}

describe('fault kinds', () => {
  it('throttle: HTTP 400 Throttling.User, some with x-acs-retry-after (ms)', async () => {
    emu.setFaults({ throttle: 1 });
    const errors = await Promise.all(Array.from({ length: 12 }, () => callError(emu, 'DescribeInvocations')));
    for (const err of errors) {
      expect([err.status, err.code]).toEqual([400, 'Throttling.User']);
      expect(err.data?.Message).toBe('Request was denied due to user flow control.');
    }
    const after = errors.map((e) => e.headers['x-acs-retry-after']).filter((h) => h !== undefined);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(errors.length);
    for (const ms of after) expect(Number(ms)).toBeGreaterThanOrEqual(100);
  });

  it('error500: HTTP 500 InternalError.Dispatch', async () => {
    emu.setFaults({ error500: 1 });
    const err = await callError(emu, 'DescribeInvocations');
    expect([err.status, err.code]).toEqual([500, 'InternalError.Dispatch']);
    expect(err.data?.Message).toBe('An error occurred when you dispatched the request.');
  });

  it('reset: the connection is destroyed without an answer', async () => {
    emu.setFaults({ reset: 1 });
    const before = emu.requestCount();
    const err = await callError(emu, 'DescribeInvocations');
    expect(err.status).toBeUndefined();
    expect(err.message).toMatch(/socket hang up|ECONNRESET/);
    await expect(fetch(`${emu.endpoint}/`)).rejects.toThrow();
    expect(emu.requestCount()).toBe(before + 2);
  });

  it('badGateway: HTTP 502 with an HTML body (pop-core fails to parse it)', async () => {
    emu.setFaults({ badGateway: 1 });
    const res = await fetch(`${emu.endpoint}/`, { method: 'POST' });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('<h1>502 Bad Gateway</h1>');
    let thrown: unknown;
    try {
      await call(emu, 'DescribeInvocations');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeDefined();
    expect(thrown instanceof Error).toBe(false); // json-bigint throws a plain object
  });

  it('latency: answers are delayed by at least the minimum', async () => {
    emu.setFaults({ latencyMs: [200, 200] });
    const start = Date.now();
    expect(await outcome(emu)).toBe('ok');
    expect(Date.now() - start).toBeGreaterThanOrEqual(200);
    // A client deadline shorter than the latency times out.
    const err = await (async () => {
      try {
        await client(emu).request('DescribeInvocations', { RegionId: emu.regionId }, { method: 'POST', timeout: 50 });
        return undefined;
      } catch (e) {
        return e as { name?: string; message?: string };
      }
    })();
    expect(`${err?.name} ${err?.message}`).toMatch(/Timeout/i);
  });

  it('setFaults({}) turns faults off; authentication comes before service faults', async () => {
    emu.setFaults({ throttle: 1 });
    const unsigned = await callError(emu, 'DescribeInvocations', {}, { accessKeySecret: 'wrong' });
    expect(unsigned.code).toBe('SignatureDoesNotMatch');
    emu.setFaults({});
    expect(await outcome(emu)).toBe('ok');
  });
});

describe('determinism', () => {
  it('the same seed gives the same fault sequence; rates apply', async () => {
    const spec = parseFaults('throttle=0.3,error500=0.2');
    const a = await startEmulator({ port: 0, seed: 99, fleet: 1, clock: new FakeClock(), faults: spec });
    const b = await startEmulator({ port: 0, seed: 99, fleet: 1, clock: new FakeClock(), faults: spec });
    try {
      const seqA: string[] = [];
      const seqB: string[] = [];
      for (let i = 0; i < 40; i++) {
        seqA.push(await outcome(a));
        seqB.push(await outcome(b));
      }
      expect(seqA).toEqual(seqB);
      expect(seqA).toContain('ok');
      expect(seqA).toContain('Throttling.User');
      expect(seqA).toContain('InternalError.Dispatch');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('parseFaults', () => {
  it('reads every key', () => {
    expect(parseFaults('throttle=0.1,error500=0.05,latency=20-300,reset=0.01,badgateway=0.02')).toEqual({
      throttle: 0.1,
      error500: 0.05,
      latencyMs: [20, 300],
      reset: 0.01,
      badGateway: 0.02,
    });
    expect(parseFaults('latency=50')).toEqual({ latencyMs: [50, 50] });
    expect(parseFaults('')).toEqual({});
  });

  it.each([
    ['bogus=1', /unknown fault "bogus"/],
    ['throttle=2', /throttle=2 is not a rate/],
    ['throttle=abc', /throttle=abc is not a rate/],
    ['throttle', /needs a value/],
    ['latency=300-20', /MIN must not exceed MAX/],
    ['latency=fast', /latency=fast is not a range/],
  ])('%s -> a one-line error', (text, message) => {
    expect(() => parseFaults(text)).toThrow(message);
    try {
      parseFaults(text);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
