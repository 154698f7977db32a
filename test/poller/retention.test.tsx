// What the API returns stays: invocations older than two weeks by the local clock (a wrong clock,
// or records the service still returns) are never dropped, and an idle tick draws nothing.
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { App } from '../../src/ui/App.js';
import { oldInvocations, serveInvocations } from '../helpers/standIn.js';
import { pollerOnStandIn, stopPollersAfterEach } from './standInPoller.js';

const TWO_YEARS = 2 * 365 * 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

stopPollersAfterEach();

const oldEndpoint = (n: number) => pollerOnStandIn(serveInvocations(oldInvocations(n, TWO_YEARS, T0)), { clock: new FakeClock(T0) });

describe('poller: the local clock never removes what the API returned', () => {
  it('two-year-old invocations: over many ticks the store holds the same count and rows; an opened one stays', async () => {
    const { store, poller: p, clock } = await oldEndpoint(120);
    for (let t = 0; t < 3; t++) await p.tickOnce(); // page 1, then history pages 2 and 3
    const order = store.getState().order;
    expect(order).toHaveLength(120);
    const opened = order[order.length - 1];
    const release = p.demand({ kind: 'invocation', invokeId: opened });
    for (let t = 0; t < 20; t++) {
      clock.advance(10_000);
      await p.tickOnce();
      const s = store.getState();
      expect(s.order).toEqual(order);
      expect(s.invocations.has(opened)).toBe(true);
    }
    release();
  });

  it('an idle tick against such an endpoint writes no frame when nothing changed', async () => {
    const { store, poller: p, endpoint, clock } = await oldEndpoint(3);
    const ui = render(
      <App
        store={store}
        poller={p}
        clock={clock}
        header={{ region: 'cn-hangzhou', endpoint }}
        demo={false}
        readOnly={false}
        color={false}
        onExit={() => undefined}
        onFatal={(error) => {
          throw error;
        }}
      />,
    );
    try {
      Object.defineProperty(ui.stdout, 'columns', { value: 120, configurable: true });
      Object.defineProperty(ui.stdout, 'rows', { value: 30, configurable: true });
      ui.stdout.emit('resize');
      await p.tickOnce();
      await p.tickOnce();
      for (let i = 0; i < 200 && !(ui.lastFrame() ?? '').includes('old-run-2'); i++) await new Promise((r) => setTimeout(r, 5));
      expect(ui.lastFrame()).toContain('old-run-2');
      // Let Ink write what the last tick changed, then look at what idle ticks draw.
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      const before = ui.frames.length;
      const reference = ui.lastFrame()!.split('\n');
      for (let t = 0; t < 5; t++) {
        await p.tickOnce();
        await new Promise((r) => setImmediate(r));
      }
      expect(store.getState().order).toHaveLength(3);
      // Only the header's status line (its call count) may change: the rows are not redrawn, so
      // Ink's incremental rendering rewrites one line per idle tick, not the frame.
      for (const frame of ui.frames.slice(before)) {
        const lines = frame.split('\n');
        expect(lines).toHaveLength(reference.length);
        const changed = lines.flatMap((l, i) => (l === reference[i] ? [] : [i]));
        expect(changed.every((i) => reference[i].includes('calls'))).toBe(true);
      }
    } finally {
      ui.unmount();
    }
  });
});
