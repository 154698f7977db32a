// The tick plan, counted call by call against the emulator (README.md, "Design notes": poller/).
import { afterEach, describe, expect, it } from 'vitest';
import type { DescribeInvocationsParams } from '../../src/api/model.js';
import { selectOutput } from '../../src/store/selectors.js';
import { startHarness, type CallRecord, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const params = (c: CallRecord) => c.params as DescribeInvocationsParams;
const isDiscovery = (c: CallRecord) => params(c).pageNumber === 1 && params(c).invokeStatus === undefined && !params(c).invokeId;
const isActiveListing = (c: CallRecord) => params(c).invokeStatus === 'Running';
const isById = (c: CallRecord) => params(c).invokeId !== undefined && !params(c).includeOutput;
const isOutput = (c: CallRecord) => params(c).includeOutput === true;
const isHistory = (c: CallRecord) => (params(c).pageNumber ?? 1) > 1 && params(c).invokeStatus === undefined;

/** Runs one poller tick and returns the calls it made. */
async function callsOfOneTick(harness: Harness): Promise<CallRecord[]> {
  const mark = harness.api.log.length;
  await harness.poller.tickOnce();
  return harness.api.since(mark);
}

/** Run `n` one-time invocations now, on one instance each, each running `durationMs` (10 min by default). */
function runMany(harness: Harness, n: number, durationMs: (i: number) => number = () => 600_000): string[] {
  const fleet = harness.emu.sim.fleet.filter((i) => i.os === 'linux');
  return Array.from({ length: n }, (_, i) =>
    harness.emu.sim.runCommand({
      commandContent: `echo job ${i}`,
      instanceIds: [fleet[i % fleet.length].instanceId],
      durationMs: durationMs(i),
      pendingMs: 500,
      timeout: 3_600,
      outcome: 'Success',
    }),
  );
}

/** Every invocation the emulator holds, newest first, with its overall status now. */
function emulatorView(harness: Harness): Map<string, string> {
  const out = new Map<string, string>();
  harness.emu.sim.scan({}, (rec) => {
    out.set(rec.invokeId, harness.emu.sim.overall(rec));
    return true;
  });
  return out;
}

describe('poller: the tick plan', () => {
  it('steady state: discovery + ceil(active/50) + one by-id call per invocation that finished, never one per invocation', async () => {
    h = await startHarness({ emulator: { invocations: 200 }, poller: { history: 100 } });
    // 70 in progress: 50 on page 1, 20 beyond it. Five of the older ones finish after 30 s.
    const ids = runMany(h, 70, (i) => (i < 5 ? 30_000 : 600_000));
    const finishing = new Set(ids.slice(0, 5));

    let tick = await callsOfOneTick(h);
    // First tick: discovery, the active listing (2 pages of 50), one history page.
    expect(tick.filter(isDiscovery)).toHaveLength(1);
    expect(tick.filter(isActiveListing)).toHaveLength(2);
    expect(tick.filter(isHistory)).toHaveLength(1);
    expect(tick).toHaveLength(4);
    expect(h.emu.requestCount()).toBe(h.client.calls);

    h.clock.advance(2_000);
    tick = await callsOfOneTick(h);
    // History (100) is complete after page 2; a steady tick is 1 + ceil(70/50).
    expect(tick.filter(isDiscovery)).toHaveLength(1);
    expect(tick.filter(isActiveListing)).toHaveLength(2);
    expect(tick).toHaveLength(3);
    expect(h.store.getState().historyComplete).toBe(true);

    h.clock.advance(40_000);
    tick = await callsOfOneTick(h);
    const byId = tick.filter(isById).map((c) => params(c).invokeId);
    expect(new Set(byId)).toEqual(finishing);
    expect(tick).toHaveLength(1 + Math.ceil(65 / 50) + 5);
    for (const id of finishing) expect(h.store.getState().invocations.get(id)?.invocationStatus).toBe('Success');

    // The next tick does not fetch them again.
    h.clock.advance(2_000);
    expect(await callsOfOneTick(h)).toHaveLength(1 + Math.ceil(65 / 50));
    expect(h.client.calls).toBe(h.api.log.length);
    expect(h.store.getState().poll.calls).toBe(h.api.log.length);
  });

  it('skips the active listing when page 1 already shows every active invocation', async () => {
    h = await startHarness({ emulator: { invocations: 30 }, poller: { history: 50 } });
    const ids = runMany(h, 3, (i) => 20_000 * (i + 1));
    await h.poller.tickOnce(); // discovery + the first active listing (learns the active set)
    for (let t = 0; t < 6; t++) {
      h.clock.advance(10_000);
      const tick = await callsOfOneTick(h);
      expect(tick.filter(isDiscovery)).toHaveLength(1);
      expect(tick.filter(isActiveListing)).toHaveLength(0);
      expect(tick.filter(isById)).toHaveLength(0);
      expect(tick).toHaveLength(1);
    }
    const view = emulatorView(h);
    for (const id of ids) expect(h.store.getState().invocations.get(id)?.invocationStatus).toBe(view.get(id));
  });

  it('the store holds what the emulator holds within the history window, newest first', async () => {
    h = await startHarness({ emulator: { invocations: 260 }, poller: { history: 200, pageSize: 50 } });
    runMany(h, 12, (i) => 5_000 * (i + 1));
    for (let t = 0; t < 8; t++) {
      await h.poller.tickOnce();
      h.clock.advance(10_000);
    }
    await h.poller.tickOnce();
    const view = [...emulatorView(h)];
    const s = h.store.getState();
    expect(s.historyComplete).toBe(true);
    expect(s.totalCount).toBe(view.length);
    const window = view.slice(0, 200);
    // CreationTime has one-second resolution: ties are ordered by InvokeId here, not as the server lists them.
    expect(new Set(s.order.slice(0, 200))).toEqual(new Set(window.map(([id]) => id)));
    const times = s.order.map((id) => s.invocations.get(id)!.creationTime!);
    expect(times.every((t, i) => i === 0 || times[i - 1] >= t)).toBe(true);
    for (const [id, status] of window) expect(s.invocations.get(id)?.invocationStatus).toBe(status);
  });

  it('a burst of more than a page between ticks leaves no hole', async () => {
    h = await startHarness({ emulator: { invocations: 100 }, poller: { history: 500, pageSize: 20 } });
    for (let t = 0; t < 6; t++) await h.poller.tickOnce(); // history 100 loaded in pages of 20
    expect(h.store.getState().historyComplete).toBe(true);
    const burst = runMany(h, 75, () => 1_000);
    h.clock.advance(60_000);
    await h.poller.tickOnce();
    for (const id of burst) expect(h.store.getState().invocations.get(id)?.invocationStatus).toBe('Success');
  });
});

describe('poller: focus, history on demand, stop', () => {
  it('fetches output only for the focused instance: each tick while it runs, once when final', async () => {
    h = await startHarness({ emulator: { invocations: 5 }, poller: { history: 50 } });
    const fleet = h.emu.sim.fleet.filter((i) => i.os === 'linux');
    const invokeId = h.emu.sim.runCommand({
      commandContent: 'for i in $(seq 1 100); do echo line $i; sleep 1; done',
      instanceIds: [fleet[0].instanceId, fleet[1].instanceId],
      output: Array.from({ length: 100 }, (_, i) => `line ${i + 1}\n`).join(''),
      durationMs: 20_000,
      pendingMs: 500,
      outcome: 'Success',
    });
    const instanceId = fleet[1].instanceId;
    await h.poller.tickOnce();
    h.poller.setFocus({ invokeId, instanceId });

    const lengths: number[] = [];
    for (let t = 0; t < 6; t++) {
      h.clock.advance(4_000);
      const outputCalls = (await callsOfOneTick(h)).filter(isOutput);
      expect(outputCalls).toHaveLength(1);
      expect(params(outputCalls[0])).toMatchObject({ invokeId, instanceId, includeOutput: true });
      lengths.push(selectOutput(h.store.getState(), invokeId, instanceId)?.text.length ?? -1);
    }
    // The output grew while the instance ran, and is complete now.
    expect(lengths[0]).toBeGreaterThan(0);
    expect(lengths[lengths.length - 1]).toBeGreaterThan(lengths[0]);
    const out = selectOutput(h.store.getState(), invokeId, instanceId)!;
    expect(out.complete).toBe(true);
    expect(out.text).toContain('line 100\n');
    // Output of the other instance was never kept.
    expect(h.store.getState().outputs.size).toBe(1);

    for (let t = 0; t < 3; t++) {
      h.clock.advance(4_000);
      expect((await callsOfOneTick(h)).filter(isOutput)).toHaveLength(0);
    }
    // No list call ever asked for output.
    for (const c of h.api.log) if (isOutput(c)) expect(params(c).instanceId).toBe(instanceId);
  });

  it('loads history one page a tick up to the limit, then one more page on loadMore', async () => {
    h = await startHarness({ emulator: { invocations: 400 }, poller: { history: 150, pageSize: 50 } });
    const historyCalls = () => h!.api.log.filter(isHistory).length;
    await h.poller.tickOnce();
    expect(historyCalls()).toBe(1);
    await h.poller.tickOnce();
    expect(historyCalls()).toBe(2);
    expect(h.store.getState().historyComplete).toBe(true);
    expect(h.store.getState().order.length).toBe(150);
    await h.poller.tickOnce();
    expect(historyCalls()).toBe(2);

    h.poller.start();
    await h.settle();
    const mark = h.api.log.length;
    h.poller.loadMore();
    await h.settle();
    const more = h.api.since(mark);
    expect(more).toHaveLength(1);
    expect(params(more[0])).toMatchObject({ pageNumber: 4, pageSize: 50 });
    expect(h.store.getState().order.length).toBe(200);
  });

  it('stopInvocation stops it in the emulator and refreshes that invocation', async () => {
    h = await startHarness({ emulator: { invocations: 5 }, poller: { history: 50 } });
    const [id] = runMany(h, 1);
    h.clock.advance(2_000);
    await h.poller.tickOnce();
    expect(h.store.getState().invocations.get(id)?.invocationStatus).toBe('Running');
    await h.poller.stopInvocation(id);
    expect(h.api.log.some((c) => c.action === 'StopInvocation')).toBe(true);
    expect(['Stopping', 'Stopped']).toContain(h.store.getState().invocations.get(id)?.invocationStatus);
    await expect(h.poller.stopInvocation('t-hznotthere00000')).rejects.toMatchObject({ name: 'ApiError', retryable: false });
  });
});
