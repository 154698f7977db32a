import React from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.js';
import { selectInvocation, selectStatusCounts } from '../../src/store/selectors.js';
import { shallowEqual, useStoreSelector } from '../../src/store/useStore.js';
import { invocation } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const tick = () => new Promise<void>((r) => setImmediate(r));

function Row({ store, invokeId, renders }: { store: Store; invokeId: string; renders: Map<string, number> }) {
  const inv = useStoreSelector(store, (s) => selectInvocation(s, invokeId));
  renders.set(invokeId, (renders.get(invokeId) ?? 0) + 1);
  return <Text>{`${invokeId}:${inv?.invocationStatus ?? '-'}`}</Text>;
}

function Counts({ store, renders }: { store: Store; renders: Map<string, number> }) {
  const counts = useStoreSelector(store, selectStatusCounts, shallowEqual);
  renders.set('counts', (renders.get('counts') ?? 0) + 1);
  return <Text>{`running=${counts.Running}`}</Text>;
}

describe('useStoreSelector', () => {
  it('re-renders only the views whose selection changed', async () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0 + 1, ['Running'])], T0);
    const renders = new Map<string, number>();
    const app = render(
      <>
        <Row store={store} invokeId="t-a" renders={renders} />
        <Row store={store} invokeId="t-b" renders={renders} />
        <Counts store={store} renders={renders} />
      </>,
    );
    await tick();
    const before = new Map(renders);
    // A poll that changes nothing, and a poll-state change: no view renders.
    store.upsertInvocations([invocation('t-a', T0, ['Running']), invocation('t-b', T0 + 1, ['Running'])], T0 + 2000);
    store.setPoll({ phase: 'ok', lastSuccessAt: T0 + 2000 });
    await tick();
    expect(renders).toEqual(before);
    // t-b finishes: its row and the counts render, t-a's row does not.
    store.upsertInvocations([invocation('t-b', T0 + 1, ['Success'])], T0 + 4000);
    await tick();
    expect(renders.get('t-a')).toBe(before.get('t-a'));
    expect(renders.get('t-b')).toBe(before.get('t-b')! + 1);
    expect(renders.get('counts')).toBe(before.get('counts')! + 1);
    expect(app.lastFrame()).toContain('t-b:Success');
    expect(app.lastFrame()).toContain('running=1');
    app.unmount();
  });
});
