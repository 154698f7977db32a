// The store's bounds by bytes and count, its protection of what is on screen, and its local
// status filter (`--status Scheduled` sends InvokeStatus=Running and keeps only Scheduled).
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { createStore } from '../../src/store/index.js';
import { invocationBytes } from '../../src/store/bounds.js';
import { closeStandIns, invocationsPage, sendJson, standIn, wireInvocation } from '../helpers/standIn.js';
import { invocation } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const KB = 1024;

afterEach(closeStandIns);

describe('store: bounded by bytes', () => {
  it('keeps its byte estimate under the cap against an endpoint of 64 KB unique contents, and keeps active and protected ones', async () => {
    // Each request brings five new final invocations with 64 KB of unique CommandContent, plus
    // one that stays Running and, on the first request only, an old one the screen holds.
    let served = 0;
    const content = (n: number) => Buffer.from(`#${n}\n`.padEnd(64 * KB, String.fromCharCode(97 + (n % 26)))).toString('base64');
    const at = (n: number) => new Date(T0 + n * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const s = await standIn((_req, res, n) => {
      const fresh = Array.from({ length: 5 }, () => {
        served++;
        return wireInvocation({ InvokeId: `t-big${String(served).padStart(5, '0')}`, CreationTime: at(served), CommandContent: content(served) });
      });
      const running = wireInvocation({ InvokeId: 't-running', CreationTime: at(0), InvocationStatus: 'Running', CommandContent: content(0) });
      const held = wireInvocation({ InvokeId: 't-held', CreationTime: at(-1), CommandContent: content(1) });
      sendJson(res, 200, invocationsPage(n === 1 ? [...fresh, running, held] : [...fresh, running]));
    });
    const api = new EcsClient({ regionId: 'cn-hangzhou', endpoint: s.endpoint, credentials: { accessKeyId: 'AK', accessKeySecret: 'secret' } });
    const cap = 2 * 1024 * KB;
    const store = createStore({ invocationByteCap: cap });
    let release: (() => void) | undefined;
    let peak = 0;
    for (let tick = 0; tick < 40; tick++) {
      const page = await api.describeInvocations({ pageNumber: 1, pageSize: 50 });
      store.upsertInvocations(page.invocations, T0 + tick * 2000);
      release ??= store.protect('t-held');
      peak = Math.max(peak, store.invocationBytes());
    }
    const state = store.getState();
    expect(served).toBe(200);
    // Without the bound: 200 x 64 KB of content as UTF-16, about 25 MB.
    expect(peak).toBeLessThanOrEqual(cap);
    expect(state.invocations.size).toBeLessThan(30);
    expect(state.invocations.has('t-running')).toBe(true);
    expect(state.invocations.has('t-held')).toBe(true);
    // The newest survive, the oldest final ones went; the header is told history was cut.
    expect(state.order[0]).toBe('t-big00200');
    expect(state.invocations.has('t-big00001')).toBe(false);
    expect(state.evictedForMemory).toBe(200 + 2 - state.invocations.size);
    expect(state.order).toHaveLength(state.invocations.size);
    // Released, the held one is the oldest final: the next write that is over the bound drops it.
    release!();
    store.upsertInvocations((await api.describeInvocations({ pageNumber: 1, pageSize: 50 })).invocations, T0 + 100_000);
    expect(store.getState().invocations.has('t-held')).toBe(false);
    expect(store.getState().invocations.has('t-running')).toBe(true);
  });

  it('estimates an invocation by its strings, CommandContent first', () => {
    const small = invocation('t-a', T0);
    const big = invocation('t-a', T0, ['Success'], { commandContent: 'x'.repeat(100_000) });
    expect(invocationBytes(big) - invocationBytes(small)).toBe(200_000);
    expect(invocationBytes(small)).toBeGreaterThan(0);
  });

  it('keeps active and protected invocations through the count bound too, however old', () => {
    const store = createStore({ maxInvocations: 3 });
    store.upsertInvocations([invocation('t-old-running', T0, ['Running']), invocation('t-old-held', T0 + 1)], T0);
    const release = store.protect('t-old-held');
    store.upsertInvocations([2, 3, 4, 5].map((k) => invocation(`t-${k}`, T0 + k)), T0);
    const { order } = store.getState();
    expect(order).toEqual(['t-5', 't-old-held', 't-old-running']);
    expect(store.getState().evictedForMemory).toBe(0);
    release();
    store.upsertInvocations([invocation('t-6', T0 + 6)], T0);
    expect(store.getState().order).toEqual(['t-6', 't-5', 't-old-running']);
  });

  it('counts protection: an id stays protected until every holder released it', () => {
    const store = createStore({ maxInvocations: 1 });
    store.upsertInvocations([invocation('t-held', T0)], T0);
    const a = store.protect('t-held');
    const b = store.protect('t-held');
    a();
    a(); // a second call of the same release does nothing
    store.upsertInvocations([invocation('t-1', T0 + 1)], T0);
    expect(store.getState().invocations.has('t-held')).toBe(true);
    b();
    store.upsertInvocations([invocation('t-2', T0 + 2)], T0);
    expect(store.getState().invocations.has('t-held')).toBe(false);
  });
});

describe('store: local status filter', () => {
  const filters = { invokeStatus: 'Running' as const, localStatus: 'Scheduled' as const };

  it('keeps only the status asked for, and drops one that leaves it', () => {
    const store = createStore({ filters });
    store.upsertInvocations([invocation('t-s', T0, ['Scheduled']), invocation('t-r', T0 + 1, ['Running']), invocation('t-p', T0 + 2, ['Pending'])], T0);
    expect(store.getState().order).toEqual(['t-s']);
    expect(store.getState().invocations.has('t-r')).toBe(false);
    // The same listing again changes nothing.
    const before = store.getState();
    store.upsertInvocations([invocation('t-r', T0 + 1, ['Running'])], T0 + 1);
    expect(store.getState()).toBe(before);
    store.upsertInvocations([invocation('t-s', T0, ['Running'])], T0 + 2);
    expect(store.getState().order).toEqual([]);
    expect(store.getState().invocations.size).toBe(0);
    expect(store.getState().filters).toEqual(filters);
  });

  it('keeps one that leaves the status while it is on screen (out of the list), and drops it on release', () => {
    const store = createStore({ filters });
    store.upsertInvocations([invocation('t-s', T0, ['Scheduled']), invocation('t-t', T0 + 1, ['Scheduled'])], T0);
    const release = store.protect('t-s');
    store.upsertInvocations([invocation('t-s', T0, ['Running'])], T0 + 1);
    expect(store.getState().order).toEqual(['t-t']);
    expect(store.getState().invocations.get('t-s')?.invocationStatus).toBe('Running');
    // Back in the status asked for: back in the list.
    store.upsertInvocations([invocation('t-s', T0, ['Scheduled'])], T0 + 2);
    expect(store.getState().order).toEqual(['t-t', 't-s']);
    store.upsertInvocations([invocation('t-s', T0, ['Running'])], T0 + 3);
    release();
    expect(store.getState().invocations.has('t-s')).toBe(false);
    expect(store.getState().order).toEqual(['t-t']);
  });

  it('does not keep the API TotalCount, which counts the wider InvokeStatus', () => {
    const store = createStore({ filters });
    store.setTotalCount(40, false);
    expect(store.getState().totalCount).toBeUndefined();
    const plain = createStore({ filters: { invokeStatus: 'Running' } });
    plain.setTotalCount(40, false);
    expect(plain.getState().totalCount).toBe(40);
  });
});
