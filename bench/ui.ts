// The real Ink tree, mounted in-process the way `runLiveUi` mounts it (App, the frame anchor,
// incremental rendering, no console patching) on a fake 120x40 TTY and a fake keyboard, over the
// real store and the real poller. The clock is a FakeClock, so nothing redraws on its own: every
// frame a benchmark sees comes from the key or the change it made.
import type { Instance } from 'ink';
import type { Invocation, InvocationsApi } from '../src/api/model.js';
import type { FakeClock } from '../src/clock.js';
import type { MutableStore } from '../src/store/index.js';
import type { Poller } from '../src/poller/index.js';
import { FakeStdin, FakeTty, importApp, now, sleep } from './harness.js';

/** Ink throttles frames to 30 a second (34 ms); a key sent later than this after the last frame is drawn at once. */
export const THROTTLE_GAP_MS = 40;
/** No write this long after a key: the key changed nothing on screen. */
const NO_FRAME_MS = 100;

export interface MountOptions {
  invocations: readonly Invocation[];
  api: InvocationsApi;
  clock?: FakeClock;
  columns?: number;
  rows?: number;
  incrementalRendering?: boolean;
  /** Start the poller (one tick now; later ticks only when the FakeClock is advanced), so focus fetches run. */
  startPoller?: boolean;
  /** Look up instance names (false: `--no-names`). Default true. */
  names?: boolean;
  /** The invocation screen's split layout (default the App's: auto). */
  split?: 'auto' | 'side' | 'stacked' | 'off';
}

export interface MountedApp {
  tty: FakeTty;
  stdin: FakeStdin;
  store: MutableStore;
  poller: Poller;
  clock: FakeClock;
  /** Ink's `onRender` renderTime of every frame since mount (ms). */
  renderTimes: number[];
  /**
   * Press a key and resolve with the ms until the frame it caused reached the terminal, or
   * undefined when nothing changed on screen. Resolves only once Ink's throttle window has passed,
   * so the next key is drawn on arrival (keys at human pace, not a held key's auto-repeat).
   */
  press(keys: string): Promise<number | undefined>;
  unmount(): Promise<void>;
}

export async function mountApp(opts: MountOptions): Promise<MountedApp> {
  const React = (await import('react')).default;
  const { render } = await import('ink');
  const { App } = await importApp<typeof import('../src/ui/App.js')>('src/ui/App.js', 'App');
  const { anchorFramesToTop } = await importApp<typeof import('../src/ui/frameAnchor.js')>('src/ui/frameAnchor.js', 'anchorFramesToTop');
  const { createStore } = await importApp<typeof import('../src/store/index.js')>('src/store/index.js', 'createStore');
  const { createPoller } = await importApp<typeof import('../src/poller/index.js')>('src/poller/index.js', 'createPoller');
  const { FakeClock } = await importApp<typeof import('../src/clock.js')>('src/clock.js', 'FakeClock');

  const clock = opts.clock ?? new FakeClock(newestCreation(opts.invocations) + 60_000);
  const store = createStore();
  store.upsertInvocations([...opts.invocations], clock.now());
  store.setTotalCount(opts.invocations.length, true);
  store.setPoll({ phase: 'ok', lastSuccessAt: clock.now(), inFlight: false });
  // The real poller; unless started it acts only on the UI's load-more intent.
  const poller = createPoller({ api: opts.api, store, clock, history: opts.invocations.length, names: opts.names });

  const tty = new FakeTty({ columns: opts.columns, rows: opts.rows });
  tty.record();
  const stderr = new FakeTty();
  const stdin = new FakeStdin();
  const renderTimes: number[] = [];
  let exited = false;
  const ink: Instance = render(
    React.createElement(App, {
      store,
      poller,
      clock,
      header: { region: opts.api.regionId, endpoint: opts.api.endpoint },
      demo: false,
      readOnly: true,
      color: true,
      split: opts.split,
      onExit: () => {
        exited = true;
      },
      onFatal: (e: unknown) => {
        throw e instanceof Error ? e : new Error(String(e));
      },
    }),
    {
      stdout: anchorFramesToTop(tty as unknown as NodeJS.WriteStream),
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      incrementalRendering: opts.incrementalRendering ?? true,
      patchConsole: false,
      exitOnCtrlC: false,
      onRender: ({ renderTime }) => renderTimes.push(renderTime),
    },
  );
  if (opts.startPoller) {
    poller.start();
    await poller.idle();
  }
  await tty.settle(THROTTLE_GAP_MS * 2);
  // The first frame must be the list (not Ink's error screen): an InvokeId on screen.
  const screen = tty.recorded.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  tty.record(false);
  if (opts.invocations.length > 0 && !/\bt-[0-9a-z]{6,}/i.test(screen)) {
    const line = screen.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'nothing';
    throw new Error(`the first frame shows no invocation: ${line.slice(0, 80)}`);
  }

  return {
    tty,
    stdin,
    store,
    poller,
    clock,
    renderTimes,
    async press(keys) {
      if (exited) throw new Error('the app exited');
      const frame = tty.nextWrite(NO_FRAME_MS).then(
        (at) => at,
        () => undefined,
      );
      const t0 = now();
      stdin.press(keys);
      const at = await frame;
      // Let the frame finish (a throttled trailing write) and the throttle window pass.
      for (;;) {
        const quiet = now() - tty.lastWriteAt;
        if (quiet >= THROTTLE_GAP_MS) break;
        await sleep(THROTTLE_GAP_MS - quiet + 1);
      }
      return at === undefined ? undefined : at - t0;
    },
    async unmount() {
      poller.stop();
      ink.unmount();
      await sleep(0);
    },
  };
}

function newestCreation(list: readonly Invocation[]): number {
  let newest = 0;
  for (const inv of list) if ((inv.creationTime ?? 0) > newest) newest = inv.creationTime ?? 0;
  return newest || Date.now();
}

/**
 * `n` invocations for a UI benchmark's store: real ones from the emulator through the real client
 * (up to `fetched`), repeated with fresh InvokeIds and earlier creation times to reach `n`. The
 * store and the screens only see their shape, which is the client's own.
 */
export function replicate(real: readonly Invocation[], n: number): Invocation[] {
  if (n <= real.length) return real.slice(0, n);
  const out: Invocation[] = real.slice();
  const oldest = Math.min(...real.map((i) => i.creationTime ?? 0));
  const span = Math.max(1, Math.max(...real.map((i) => i.creationTime ?? 0)) - oldest);
  for (let k = real.length; k < n; k++) {
    const src = real[k % real.length];
    const round = Math.floor(k / real.length);
    const invokeId = `${src.invokeId}${round.toString(36)}`;
    const shift = round * (span + 1000);
    out.push({
      ...src,
      invokeId,
      creationTime: src.creationTime === undefined ? undefined : src.creationTime - shift,
      instances: src.instances.map((i) => ({
        ...i,
        invokeId,
        creationTime: i.creationTime === undefined ? undefined : i.creationTime - shift,
        startTime: i.startTime === undefined ? undefined : i.startTime - shift,
        finishTime: i.finishTime === undefined ? undefined : i.finishTime - shift,
        updateTime: i.updateTime === undefined ? undefined : i.updateTime - shift,
      })),
    });
  }
  return out;
}
