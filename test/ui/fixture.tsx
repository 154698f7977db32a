// The live UI against the real thing: the emulator on loopback, the pop-core client, the store
// and the poller, all on one FakeClock. Ticks are run by the test (`tick()`), HTTP stays real, and
// frames are awaited as Ink writes them, never by sleeping or polling on a clock.
import type { EventEmitter } from 'node:events';
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import type { DescribeInvocationsParams } from '../../src/api/model.js';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createPoller, type Poller } from '../../src/poller/index.js';
import { createStore, type MutableStore } from '../../src/store/index.js';
import { App } from '../../src/ui/App.js';
import { saveOutput } from '../../src/ui/saveOutput.js';
import type { SplitMode } from '../../src/ui/screens/split/layout.js';
import { explainOnFailure } from '../helpers/explain.js';

export interface UiFixture {
  clock: FakeClock;
  emu: RunningEmulator;
  store: MutableStore;
  poller: Poller;
  instanceIds: string[];
  /** One poller tick, awaited. */
  tick(): Promise<void>;
  close(): Promise<void>;
}

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

export interface FixtureOptions {
  history?: number;
  pageSize?: number;
  accessKeySecret?: string;
  /** Point the client at another endpoint (a loopback stand-in) instead of the emulator. */
  endpoint?: string;
  /** The store's count bound (default the store's own). */
  maxInvocations?: number;
  /** API filters, as from the command line. */
  filters?: DescribeInvocationsParams;
}

export async function startFixture(opts: FixtureOptions = {}): Promise<UiFixture> {
  const clock = new FakeClock(T0);
  const emu = await startEmulator({ port: 0, seed: 7, preset: 'empty', clock, fleet: 6 });
  const api = new EcsClient({
    regionId: emu.regionId,
    endpoint: opts.endpoint ?? emu.endpoint,
    credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: opts.accessKeySecret ?? emu.accessKeySecret },
  });
  const store = createStore({ filters: opts.filters, maxInvocations: opts.maxInvocations });
  // A generous budget: on a fake clock a token bucket that runs dry would wait forever.
  const poller = createPoller({
    api,
    store,
    clock,
    intervalMs: 2000,
    idleIntervalMs: 10_000,
    pageSize: opts.pageSize ?? 50,
    history: opts.history ?? 500,
    maxRps: 10_000,
  });
  // Linux instances only (every 4th of the fleet is Windows), so shell scripts apply everywhere.
  const instanceIds = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
  return {
    clock,
    emu,
    store,
    poller,
    instanceIds,
    tick: () => poller.tickOnce(),
    async close() {
      poller.stop();
      await emu.stop();
    },
  };
}

/** Screens renderApp drew that are not unmounted yet: fixtureForEachTest unmounts them after each test. */
const mounted = new Set<Screen>();

/**
 * For a file of App tests: a fresh fixture before each test; after it, the screens the test left
 * mounted are unmounted and the fixture is closed. The returned object is the same for the whole
 * file; its fields are refilled with each test's fixture, so tests read `fx` as their own.
 */
export function fixtureForEachTest(): UiFixture {
  const fx = {} as UiFixture;
  beforeEach(async () => {
    Object.assign(fx, await startFixture());
  });
  afterEach(async () => {
    for (const screen of mounted) screen.unmount();
    await fx.close();
  });
  return fx;
}

/** fixtureForEachTest with the three known invocations (seedKnown) created before each test. */
export function seededFixtureForEachTest(): { fx: UiFixture; known: Known } {
  const fx = fixtureForEachTest();
  const known = {} as Known;
  beforeEach(() => {
    Object.assign(known, seedKnown(fx));
  });
  return { fx, known };
}

/** Inside a test of fixtureForEachTest: closes its fixture and starts one with `opts` in its place. */
export async function restartFixture(fx: UiFixture, opts: FixtureOptions = {}): Promise<void> {
  await fx.close();
  Object.assign(fx, await startFixture(opts));
}

export interface Known {
  deploy: string;
  backup: string;
  tail: string;
}

/** Three invocations with known names, outcomes and output, created before T0. */
export function seedKnown(fx: UiFixture): Known {
  const [a, b, c] = fx.instanceIds;
  const sim = fx.emu.sim;
  const deploy = sim.runCommandAt(
    {
      name: 'deploy-web',
      commandType: 'RunShellScript',
      commandContent: '#!/bin/bash\necho deploying\nsystemctl restart nginx\n',
      instanceIds: [a, b, c],
      outcome: 'Success',
      output: 'deploying web\nrestarted nginx\nall good\n',
      pendingMs: 100,
      durationMs: 2000,
    },
    T0 - 10 * 60_000,
  );
  const backup = sim.runCommandAt(
    {
      name: 'backup-db',
      commandType: 'RunShellScript',
      commandContent: 'pg_dump app > /backup/app.sql',
      instanceIds: [a, b],
      outcome: ['Success', { status: 'Failed', exitCode: 2, errorCode: 'ExitCodeNonzero', output: 'dump failed: disk full\n' }],
      output: 'dump ok\n',
      pendingMs: 100,
      durationMs: 3000,
    },
    T0 - 5 * 60_000,
  );
  const tail = sim.runCommandAt(
    {
      name: 'tail-log',
      commandType: 'RunShellScript',
      commandContent: 'tail -n 100 /var/log/app.log',
      instanceIds: [b],
      outcome: 'Success',
      output: 'tail line one\ntail line two\n',
      pendingMs: 100,
      durationMs: 30 * 60_000,
    },
    T0 - 60_000,
  );
  return { deploy, backup, tail };
}

export interface Screen {
  lastFrame(): string;
  /** Every frame Ink wrote so far. */
  frames(): readonly string[];
  /** Type keys (a string arrives as one chunk, as when typed fast). */
  press(keys: string): void;
  resize(columns: number, rows: number): void;
  waitFor(predicate: (frame: string) => boolean, what: string): Promise<string>;
  exits: number[];
  unmount(): void;
}

export const KEY = {
  enter: '\r',
  esc: '\u001b',
  down: '\u001b[B',
  up: '\u001b[A',
  backspace: '\u007f',
  ctrlC: '\u0003',
};

/** An ink-testing-library render: its stdout is written one whole frame at a time. */
interface FrameSource {
  stdout: EventEmitter & { write(frame: string): void };
  lastFrame(): string | undefined;
}

const FRAME = 'catop:frame';
const announcing = new WeakSet<object>();

/**
 * The first frame, the current one or one Ink writes later, for which `predicate` holds. Each
 * write is an event; the test's timeout is the only clock. It resolves once the effects of that
 * frame's render have run (React runs them in a task it queues at commit, before ours), so a key
 * pressed or a tick run next meets the screen as drawn.
 */
export function waitForFrame(ui: FrameSource, predicate: (frame: string) => boolean, what: string): Promise<string> {
  const afterEffects = (frame: string) => new Promise<string>((resolve) => setImmediate(() => resolve(frame)));
  const now = ui.lastFrame() ?? '';
  if (predicate(now)) return afterEffects(now);
  const { stdout } = ui;
  if (!announcing.has(stdout)) {
    announcing.add(stdout);
    const write = stdout.write;
    stdout.write = (frame: string) => {
      write.call(stdout, frame);
      stdout.emit(FRAME, frame);
    };
  }
  return new Promise((resolve) => {
    const settle = explainOnFailure(() => `no frame ${what}; last frame:\n${ui.lastFrame() ?? '(none)'}`);
    const onFrame = (frame: string) => {
      if (!predicate(frame)) return;
      stdout.off(FRAME, onFrame);
      settle();
      resolve(afterEffects(frame));
    };
    stdout.on(FRAME, onFrame);
  });
}

export function renderApp(
  fx: UiFixture,
  opts: { columns?: number; rows?: number; color?: boolean; readOnly?: boolean; saveDir?: string; demo?: boolean; split?: SplitMode } = {},
): Screen {
  const exits: number[] = [];
  const ui = render(
    <App
      store={fx.store}
      poller={fx.poller}
      clock={fx.clock}
      header={{ region: fx.emu.regionId, endpoint: fx.emu.endpoint }}
      demo={opts.demo ?? false}
      readOnly={opts.readOnly ?? false}
      color={opts.color ?? false}
      onExit={(code) => exits.push(code)}
      onFatal={(error) => {
        throw error;
      }}
      saveOutput={(invokeId, instanceId, text) => saveOutput(opts.saveDir ?? process.cwd(), invokeId, instanceId, text)}
      // The drill-down, whatever the size, unless a test is about the split (test/ui/split.test.tsx).
      split={opts.split ?? 'off'}
    />,
  );
  const resize = (columns: number, rows: number) => {
    // ink-testing-library's stdout reports 100 columns and no rows: give it a real size.
    Object.defineProperty(ui.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
    ui.stdout.emit('resize');
  };
  resize(opts.columns ?? 120, opts.rows ?? 30);
  const screen: Screen = {
    lastFrame: () => ui.lastFrame() ?? '',
    frames: () => ui.frames,
    press: (keys) => ui.stdin.write(keys),
    resize,
    waitFor: (predicate, what) => waitForFrame(ui, predicate, what),
    exits,
    unmount: () => {
      mounted.delete(screen);
      ui.unmount();
    },
  };
  mounted.add(screen);
  return screen;
}

/** The line of the frame holding `text`. */
export function lineWith(frame: string, text: string): string | undefined {
  return frame.split('\n').find((l) => l.includes(text));
}

/** The selected row of a table (marked with "> "). */
export function selectedLine(frame: string): string | undefined {
  return frame.split('\n').find((l) => l.startsWith('> '));
}
