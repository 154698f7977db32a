// The header says what narrows the list: the local status filter beside the API's, and that
// history was cut for memory when the store's byte bound dropped old invocations.
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { createStore } from '../../src/store/index.js';
import { Header } from '../../src/ui/widgets/Header.js';
import { invocation } from '../store/fixtures.js';
import { waitForFrame } from './fixture.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const info = { region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:1' };

describe('header', () => {
  it('names the status asked for and the InvokeStatus sent for it', () => {
    const store = createStore({ filters: { invokeStatus: 'Running', localStatus: 'Scheduled' } });
    const ui = render(<Header info={info} demo={false} store={store} clock={new FakeClock(T0)} width={160} />);
    expect(ui.lastFrame()).toContain('API filters: status=Scheduled (API Running)');
    ui.unmount();
  });

  it('says history was cut for memory once the byte bound dropped invocations', async () => {
    const store = createStore({ invocationByteCap: 10_000 });
    const ui = render(<Header info={info} demo={false} store={store} clock={new FakeClock(T0)} width={160} />);
    expect(ui.lastFrame()).not.toContain('cut for memory');
    const big = (k: number) => invocation(`t-${k}`, T0 + k, ['Success'], { commandContent: 'x'.repeat(2_000) });
    store.upsertInvocations([1, 2, 3, 4].map(big), T0);
    expect(store.getState().evictedForMemory).toBe(2);
    await waitForFrame(ui, (f) => f.includes('history cut for memory: 2 oldest dropped'), 'with the cut');
    ui.unmount();
  });
});
