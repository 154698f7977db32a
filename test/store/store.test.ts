import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { instanceCounts, selectInvocation, selectOutput, selectStatusCounts } from '../../src/store/selectors.js';
import { instance, invocation } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

function counting(store = createStore()) {
  let notified = 0;
  store.subscribe(() => notified++);
  return { store, notified: () => notified };
}

describe('store: merging listings', () => {
  it('adds new invocations, newest CreationTime first, whatever order they arrive in', () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-b', T0 + 2), invocation('t-a', T0 + 1), invocation('t-c', T0 + 3)], T0);
    expect(store.getState().order).toEqual(['t-c', 't-b', 't-a']);
    store.upsertInvocations([invocation('t-mid', T0 + 2.5), invocation('t-old', T0), invocation('t-new', T0 + 9)], T0);
    expect(store.getState().order).toEqual(['t-new', 't-c', 't-mid', 't-b', 't-a', 't-old']);
  });

  it('breaks CreationTime ties by InvokeId so the order is stable', () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-2', T0), invocation('t-1', T0)], T0);
    store.upsertInvocations([invocation('t-0', T0)], T0);
    expect(store.getState().order).toEqual(['t-0', 't-1', 't-2']);
  });

  it('a poll that changes nothing keeps the snapshot, the version and the entity objects, and notifies nobody', () => {
    const { store, notified } = counting();
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0 + 1)], T0);
    const before = store.getState();
    const entity = selectInvocation(before, 't-a');
    const n = notified();
    // Fresh objects with equal content, as a new poll returns them.
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0 + 1)], T0 + 2000);
    expect(notified()).toBe(n);
    expect(store.getState()).toBe(before);
    expect(selectInvocation(store.getState(), 't-a')).toBe(entity);
  });

  it('replaces only the entity that changed, keeps order identity when membership did not change', () => {
    const { store, notified } = counting();
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0 + 1, ['Running'])], T0);
    const before = store.getState();
    const a = selectInvocation(before, 't-a');
    const b = selectInvocation(before, 't-b');
    const n = notified();
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0 + 1, ['Success'])], T0 + 2000);
    const after = store.getState();
    expect(notified()).toBe(n + 1);
    expect(after.version).toBe(before.version + 1);
    expect(after.dataVersion).toBe(before.dataVersion + 1);
    expect(selectInvocation(after, 't-a')).toBe(a);
    expect(selectInvocation(after, 't-b')).not.toBe(b);
    expect(selectInvocation(after, 't-b')?.invocationStatus).toBe('Success');
    expect(after.order).toBe(before.order);
  });

  it('notices changes inside instances: exit code, update time, repeats, dropped', () => {
    const store = createStore();
    const base = invocation('t-a', T0, ['Running']);
    store.upsertInvocations([base], T0);
    const changes = [
      { exitCode: 3 },
      { updateTime: T0 + 5 },
      { repeats: 2 },
      { dropped: 100 },
    ];
    for (const change of changes) {
      const v = store.getState().version;
      store.upsertInvocations([{ ...base, instances: [instance('t-a', 'i-0', 'Running', change)] }], T0);
      expect(store.getState().version, JSON.stringify(change)).toBe(v + 1);
    }
  });

  it('keeps output out of the entities (it belongs in the output LRU)', () => {
    const store = createStore();
    store.upsertInvocations([{ ...invocation('t-a', T0), instances: [instance('t-a', 'i-0', 'Success', { output: 'secret-ish big text' })] }], T0);
    expect(selectInvocation(store.getState(), 't-a')?.instances[0].output).toBeUndefined();
  });

  it('records status transitions with their times, bounded, newest last', () => {
    const store = createStore({ maxTransitions: 3 });
    store.upsertInvocations([invocation('t-a', T0, ['Pending'])], T0);
    store.upsertInvocations([invocation('t-a', T0, ['Running'])], T0 + 1000);
    store.upsertInvocations([invocation('t-a', T0, ['Running'])], T0 + 2000);
    store.upsertInvocations([invocation('t-a', T0, ['Failed'])], T0 + 3000);
    expect(store.getState().transitions).toEqual([
      { invokeId: 't-a', from: undefined, to: 'Pending', at: T0 },
      { invokeId: 't-a', from: 'Pending', to: 'Running', at: T0 + 1000 },
      { invokeId: 't-a', from: 'Running', to: 'Failed', at: T0 + 3000 },
    ]);
    store.upsertInvocations([invocation('t-b', T0 + 1, ['Success'])], T0 + 4000);
    const t = store.getState().transitions;
    expect(t).toHaveLength(3);
    expect(t[0].to).toBe('Running');
    expect(t[2]).toEqual({ invokeId: 't-b', from: undefined, to: 'Success', at: T0 + 4000 });
  });

  it('mergeInstance replaces one instance and keeps the others', () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-a', T0, ['Running', 'Running'])], T0);
    const v = store.getState().version;
    store.mergeInstance('t-a', instance('t-a', 'i-1', 'Success', { output: 'x' }));
    const inv = selectInvocation(store.getState(), 't-a')!;
    expect(inv.instances.map((i) => i.invocationStatus)).toEqual(['Running', 'Success']);
    expect(inv.instances[1].output).toBeUndefined();
    expect(store.getState().version).toBe(v + 1);
    store.mergeInstance('t-a', instance('t-a', 'i-1', 'Success'));
    expect(store.getState().version).toBe(v + 1);
  });

  it('remove drops the invocations, their order slots and their outputs', () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-a', T0), invocation('t-b', T0 + 1)], T0);
    store.setOutput({ invokeId: 't-a', instanceId: 'i-0', text: 'hello', dropped: 0, fetchedAt: T0, complete: true });
    store.remove(['t-a', 't-unknown']);
    const s = store.getState();
    expect(s.order).toEqual(['t-b']);
    expect(s.invocations.has('t-a')).toBe(false);
    expect(selectOutput(s, 't-a', 'i-0')).toBeUndefined();
    const v = s.version;
    store.remove(['t-unknown']);
    expect(store.getState().version).toBe(v);
  });
});

describe('store: bounds', () => {
  it('holds at most maxInvocations, evicting the oldest by CreationTime', () => {
    const store = createStore({ maxInvocations: 5 });
    store.upsertInvocations(
      Array.from({ length: 5 }, (_, i) => invocation(`t-${i}`, T0 + i)),
      T0,
    );
    store.setOutput({ invokeId: 't-0', instanceId: 'i-0', text: 'old', dropped: 0, fetchedAt: T0, complete: true });
    store.upsertInvocations([invocation('t-new', T0 + 100), invocation('t-newer', T0 + 200)], T0);
    const s = store.getState();
    expect(s.invocations.size).toBe(5);
    expect(s.order).toEqual(['t-newer', 't-new', 't-4', 't-3', 't-2']);
    expect(s.invocations.has('t-0')).toBe(false);
    expect(selectOutput(s, 't-0', 'i-0')).toBeUndefined();
    // An invocation older than everything held, at the cap, does not push a newer one out.
    store.upsertInvocations([invocation('t-ancient', T0 - 1000)], T0);
    expect(store.getState().order).toEqual(['t-newer', 't-new', 't-4', 't-3', 't-2']);
  });

  it('stays at the cap of 100,000 by default and merges a page into a full store cheaply', () => {
    const store = createStore();
    const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => invocation(`t-${from + i}`, T0 + from + i));
    for (let i = 0; i < 100_000; i += 10_000) store.upsertInvocations(page(i, 10_000), T0);
    expect(store.getState().invocations.size).toBe(100_000);
    store.upsertInvocations(page(100_000, 50), T0);
    const s = store.getState();
    expect(s.invocations.size).toBe(100_000);
    expect(s.order.length).toBe(100_000);
    expect(s.order[0]).toBe('t-100049');
    expect(s.order[99_999]).toBe('t-50');
  });

  it('keeps outputs in an LRU under the byte cap, never evicting the entry just written', () => {
    const store = createStore({ outputByteCap: 3_000 });
    store.upsertInvocations([invocation('t-a', T0, ['Running', 'Running', 'Running'])], T0);
    const text = 'x'.repeat(500); // about 1,000 bytes as UTF-16
    for (const id of ['i-0', 'i-1']) {
      store.setOutput({ invokeId: 't-a', instanceId: id, text, dropped: 0, fetchedAt: T0, complete: false });
    }
    // Touch i-0 again (same text): it becomes the most recent without a notification.
    const v = store.getState().version;
    store.setOutput({ invokeId: 't-a', instanceId: 'i-0', text, dropped: 0, fetchedAt: T0 + 1, complete: false });
    expect(store.getState().version).toBe(v);
    store.setOutput({ invokeId: 't-a', instanceId: 'i-2', text, dropped: 0, fetchedAt: T0, complete: false });
    const s = store.getState();
    expect(store.outputBytes()).toBeLessThanOrEqual(3_000);
    expect(selectOutput(s, 't-a', 'i-1')).toBeUndefined();
    expect(selectOutput(s, 't-a', 'i-0')?.text).toBe(text);
    expect(selectOutput(s, 't-a', 'i-2')?.text).toBe(text);
    // One entry bigger than the cap is still kept: it is what the user is reading.
    store.setOutput({ invokeId: 't-a', instanceId: 'i-1', text: 'y'.repeat(5_000), dropped: 7, fetchedAt: T0, complete: true });
    expect(store.getState().outputs.size).toBe(1);
    expect(selectOutput(store.getState(), 't-a', 'i-1')?.dropped).toBe(7);
  });
});

describe('store: poll state, batches, selectors', () => {
  it('setPoll with unchanged values does nothing; batch publishes once', () => {
    const { store, notified } = counting();
    store.setPoll({ phase: 'starting', inFlight: false });
    expect(notified()).toBe(0);
    store.batch(() => {
      store.upsertInvocations([invocation('t-a', T0)], T0);
      store.setTotalCount(1, true);
      store.setPoll({ phase: 'ok', lastSuccessAt: T0, calls: 1 });
    });
    expect(notified()).toBe(1);
    const s = store.getState();
    expect(s.version).toBe(1);
    expect([s.totalCount, s.historyComplete, s.poll.phase, s.poll.calls]).toEqual([1, true, 'ok', 1]);
    store.setPoll({ nextTickAt: T0 + 2000 });
    expect(store.getState().dataVersion).toBe(s.dataVersion);
    expect(store.getState().version).toBe(s.version + 1);
  });

  it('status counts are memoised on the data version', () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0, ['Failed']), invocation('t-c', T0)], T0);
    const c1 = selectStatusCounts(store.getState());
    expect(c1).toMatchObject({ Running: 1, Failed: 1, Success: 1, Pending: 0 });
    store.setPoll({ nextTickAt: 1 });
    expect(selectStatusCounts(store.getState())).toBe(c1);
    store.upsertInvocations([invocation('t-a', T0, ['Success'])], T0);
    expect(selectStatusCounts(store.getState())).toMatchObject({ Running: 0, Success: 2 });
  });

  it('instanceCounts counts per status and returns the same object for the same entity', () => {
    const inv = invocation('t-a', T0, ['Running', 'Success', 'Success', 'Failed']);
    expect(instanceCounts(inv)).toEqual({ Running: 1, Success: 2, Failed: 1 });
    expect(instanceCounts(inv)).toBe(instanceCounts(inv));
  });
});

describe('store: listeners', () => {
  it('a listener that throws does not keep the others from hearing the change', () => {
    const store = createStore();
    let heard = 0;
    store.subscribe(() => {
      throw new Error('boom');
    });
    store.subscribe(() => heard++);
    expect(() => store.upsertInvocations([invocation('t-a', T0)], T0)).toThrow('boom');
    expect(heard).toBe(1);
    expect(store.getState().order).toEqual(['t-a']);
  });
});
