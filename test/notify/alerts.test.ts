// Which alerts fire, decided from the store's own transitions (the real store, fed as the
// poller feeds it), and the bytes the subscriber writes for them.
import { describe, expect, it } from 'vitest';
import type { InstanceResult, Invocation } from '../../src/api/model.js';
import type { InstanceStatus, InvocationStatus } from '../../src/api/wire.js';
import { createStore, type MutableStore } from '../../src/store/index.js';
import { startAlerts, type NotifyOptions } from '../../src/notify/index.js';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

function inv(id: string, createdSec: number, statuses: InstanceStatus[], overall: InvocationStatus, name = `run-${id}`): Invocation {
  const instances: InstanceResult[] = statuses.map((s, n) => ({
    invokeId: id,
    instanceId: `i-${n}`,
    invocationStatus: s,
    exitCode: null,
    dropped: 0,
    repeats: 1,
  }));
  return { invokeId: id, commandName: name, creationTime: T0 + createdSec * 1000, timed: false, invocationStatus: overall, instances };
}

function harness(options: Partial<NotifyOptions>, env: NodeJS.ProcessEnv = {}) {
  const store = createStore();
  const written: string[] = [];
  const stop = startAlerts(store, { channels: ['bell'], watch: [], ...options }, (b) => written.push(b), env);
  let tick = 0;
  const poll = (list: Invocation[]) =>
    store.batch(() => {
      tick++;
      store.upsertInvocations(list, T0 + tick * 2000);
      store.setPoll({ phase: 'ok', lastSuccessAt: T0 + tick * 2000 });
    });
  return { store: store as MutableStore, written, stop, poll };
}

describe('alert decider', () => {
  it('alerts nothing for the first load or for history paged in later, however it ended', () => {
    const h = harness({ on: 'finished' });
    h.poll([inv('t-a', 10, ['Failed'], 'Failed'), inv('t-b', 9, ['Success'], 'Success')]);
    h.poll([inv('t-old', 1, ['Failed'], 'Failed')]);
    expect(h.written).toEqual([]);
  });

  it('--notify-on finished: a new invocation alerts once when it ends, not while it runs', () => {
    const h = harness({ on: 'finished' });
    h.poll([inv('t-a', 10, ['Success'], 'Success')]);
    h.poll([inv('t-new', 20, ['Running'], 'Running')]);
    expect(h.written).toEqual([]);
    h.poll([inv('t-new', 20, ['Success'], 'Success')]);
    h.poll([inv('t-new', 20, ['Success'], 'Success')]);
    expect(h.written).toEqual(['\x07']);
  });

  it('--notify-on failed: only new ones that fail or partly fail', () => {
    const h = harness({ on: 'failed', channels: ['osc9'] });
    h.poll([]);
    h.poll([inv('t-ok', 20, ['Success'], 'Success'), inv('t-bad', 21, ['Failed', 'Success'], 'PartialFailed', 'deploy')]);
    expect(h.written).toEqual(['\x1b]9;catop: PartialFailed: deploy (1 of 2 instances failed)\x07']);
  });

  it('a new invocation that appears already ended still alerts (it ended between two polls)', () => {
    const h = harness({ on: 'finished' });
    h.poll([inv('t-a', 10, ['Success'], 'Success')]);
    h.poll([inv('t-quick', 11, ['Stopped'], 'Stopped')]);
    expect(h.written).toEqual(['\x07']);
  });

  it('an invocation created in the same second as the newest at start is new unless it was there', () => {
    const h = harness({ on: 'finished' });
    h.poll([inv('t-a', 10, ['Running'], 'Running')]);
    h.poll([inv('t-a', 10, ['Success'], 'Success'), inv('t-b', 10, ['Success'], 'Success')]);
    expect(h.written).toEqual(['\x07']);
  });

  it('a watched id (--invoke-id) alerts when it ends, without --notify-on', () => {
    const h = harness({ watch: ['t-w'] });
    h.poll([inv('t-w', 10, ['Running'], 'Running'), inv('t-x', 11, ['Running'], 'Running')]);
    h.poll([inv('t-w', 10, ['Success'], 'Success'), inv('t-x', 11, ['Failed'], 'Failed')]);
    expect(h.written).toEqual(['\x07']);
  });

  it("an invocation watched with W (the store's watched set) alerts when it ends; unwatched, it does not", () => {
    const h = harness({ channels: ['osc9'] });
    h.poll([inv('t-w', 10, ['Running'], 'Running', 'deploy'), inv('t-u', 11, ['Running'], 'Running')]);
    h.store.setWatched(new Set(['t-w', 't-u']));
    h.store.setWatched(new Set(['t-w']));
    h.poll([inv('t-w', 10, ['Failed'], 'Failed', 'deploy'), inv('t-u', 11, ['Success'], 'Success')]);
    expect(h.written).toEqual(['\x1b]9;catop: Failed: deploy (1 of 1 instances failed)\x07']);
  });

  it('--notify-failed-ratio: once when the failed share of a running watched invocation reaches R', () => {
    const h = harness({ watch: ['t-w'], failedRatio: 0.5, channels: ['osc777'] });
    h.poll([inv('t-w', 10, ['Running', 'Running', 'Running', 'Running'], 'Running', 'fleet-patch')]);
    h.poll([inv('t-w', 10, ['Failed', 'Running', 'Running', 'Running'], 'Running', 'fleet-patch')]);
    expect(h.written).toEqual([]);
    h.poll([inv('t-w', 10, ['Failed', 'Failed', 'Running', 'Running'], 'Running', 'fleet-patch')]);
    h.poll([inv('t-w', 10, ['Failed', 'Failed', 'Failed', 'Running'], 'Running', 'fleet-patch')]);
    expect(h.written).toEqual(['\x1b]777;notify;catop: failing;fleet-patch: 2 of 4 instances failed, 50% >= 50%\x07']);
    h.poll([inv('t-w', 10, ['Failed', 'Failed', 'Failed', 'Success'], 'PartialFailed', 'fleet-patch')]);
    expect(h.written[1]).toBe('\x1b]777;notify;catop: PartialFailed;fleet-patch (3 of 4 instances failed)\x07');
    expect(h.written).toHaveLength(2);
  });

  it('the ratio applies to new invocations under --notify-on too', () => {
    const h = harness({ on: 'finished', failedRatio: 0.6 });
    h.poll([]);
    h.poll([inv('t-n', 5, ['Failed', 'Running', 'Running'], 'Running')]);
    expect(h.written).toEqual([]);
    h.poll([inv('t-n', 5, ['Failed', 'Failed', 'Running'], 'Running')]);
    expect(h.written).toEqual(['\x07']);
    h.poll([inv('t-n', 5, ['Failed', 'Failed', 'Failed'], 'Failed')]);
    expect(h.written).toEqual(['\x07', '\x07']);
  });

  it('a watched invocation that is already final at the first load does not alert', () => {
    const h = harness({ watch: ['t-w'], failedRatio: 0.1 });
    h.poll([inv('t-w', 10, ['Failed'], 'Failed')]);
    h.poll([inv('t-w', 10, ['Failed'], 'Failed')]);
    expect(h.written).toEqual([]);
  });
});

describe('the alert subscriber', () => {
  it('saves the title at start, sets the summary on each alert and restores the title once at stop', () => {
    const h = harness({ on: 'finished', channels: ['title'] });
    expect(h.written).toEqual(['\x1b[22;0t']);
    h.poll([]);
    h.poll([inv('t-1', 1, ['Failed'], 'Failed'), inv('t-2', 2, ['Success'], 'Success')]);
    h.poll([inv('t-3', 3, ['Failed'], 'Failed')]);
    expect(h.written.slice(1)).toEqual(['\x1b]2;catop: 1 failed\x07', '\x1b]2;catop: 1 failed, 1 finished\x07', '\x1b]2;catop: 2 failed, 1 finished\x07']);
    h.stop();
    h.stop();
    expect(h.written.at(-1)).toBe('\x1b[23;0t');
    expect(h.written).toHaveLength(5);
    h.poll([inv('t-4', 4, ['Failed'], 'Failed')]);
    expect(h.written).toHaveLength(5);
  });

  it('wraps OSC notifications for tmux when $TMUX is set, and keeps a hostile name inert', () => {
    const h = harness({ on: 'finished', channels: ['bell', 'osc777'] }, { TMUX: '/tmp/tmux-0/default,1,0' });
    h.poll([]);
    h.poll([inv('t-1', 1, ['Failed'], 'Failed', 'x\x1b]52;c;aGk=\x07\x1b\\y')]);
    expect(h.written).toHaveLength(1);
    const bytes = h.written[0];
    expect(bytes.startsWith('\x07\x1bPtmux;\x1b\x1b]777;notify;catop: Failed;')).toBe(true);
    expect(bytes.endsWith('\x07\x1b\\')).toBe(true);
    expect(bytes.match(/[\x00-\x1f]/g)).toEqual(['\x07', '\x1b', '\x1b', '\x1b', '\x07', '\x1b']);
  });
});
