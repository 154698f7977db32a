// The live monitor's wiring: the store, the poller (scheduler and jobs) and the UI. React and
// Ink pick their development or production build when first imported, from NODE_ENV; the
// development build records a performance mark per component render (measured: most of the CPU
// of a keypress over a large list), so the UI is loaded only after NODE_ENV defaults to
// production.
//
// Loading the UI (Ink, React and their dependencies, ~0.5 s) is the longest part of start-up, so
// it starts first (`preloadLiveUi`) and the store, the poller and the first poll run while it
// loads: the first frame can show data instead of a loading line.
import type { DescribeInvocationsParams, InvocationsApi } from '../api/model.js';
import { realClock, type Clock } from '../clock.js';
import { createRegionsPoller } from '../poller/regions.js';
import type { MonitorApi } from '../poller/jobs/state.js';
import { startAlerts, type NotifyOptions } from '../notify/index.js';
import { resolveBackground } from '../ui/background.js';
import type { LiveOptions } from '../ui/live.js';

/** Everything final: poll this much slower than --interval, but at least every 10 s. */
const IDLE_FACTOR = 5;
const IDLE_MIN_MS = 10_000;

export interface LiveUiOptions extends LiveOptions {
  api: InvocationsApi;
  /** Several regions in one view (`--region a,b`): `api`'s region and these, each with its own client. */
  regions?: readonly string[];
  /** The client of another region (several regions, or one added later with `setRegions`). */
  apiFor?: (regionId: string) => MonitorApi;
  filters: DescribeInvocationsParams;
  intervalMs: number;
  pageSize: number;
  history: number;
  maxRps: number;
  /** `--budget`: calls a minute. */
  budget?: number;
  /** Look up instance names and agent states (false: --no-names). */
  names?: boolean;
  notify?: NotifyOptions;
  /** Tests: a FakeClock; default the real one. */
  clock?: Clock;
}

type LiveModule = typeof import('../ui/live.js');
let liveModule: Promise<LiveModule> | undefined;

/** Start loading the UI without waiting for it; `runLiveUi` uses the same load. */
export function preloadLiveUi(): Promise<LiveModule> {
  if (!liveModule) {
    process.env['NODE_ENV'] ??= 'production';
    // `--no-color` means no theme colours; chalk (under Ink) would also read it from argv and drop
    // bold and inverse, which NO_COLOR keeps: both must draw the same screen.
    if (process.argv.includes('--no-color')) process.env['FORCE_COLOR'] ??= '1';
    liveModule = import('../ui/live.js');
    // A failed load is reported by runLiveUi, if it runs at all (missing credentials end the monitor first).
    liveModule.catch(() => undefined);
  }
  return liveModule;
}

/** Runs until the user quits (0), a signal (128+n) or a crash (1, printed after restore). */
export async function runLiveUi(opts: LiveUiOptions): Promise<number> {
  const live = preloadLiveUi();
  const clock = opts.clock ?? realClock;
  // One scheduler per region; with one region its store is the one the UI reads, as it always was.
  const home = opts.api.regionId;
  const poller = createRegionsPoller({
    regions: opts.regions ?? [home],
    apiFor: (regionId) => (regionId === home || !opts.apiFor ? opts.api : opts.apiFor(regionId)),
    clock,
    intervalMs: opts.intervalMs,
    idleIntervalMs: Math.max(opts.intervalMs * IDLE_FACTOR, IDLE_MIN_MS),
    pageSize: opts.pageSize,
    history: opts.history,
    maxRps: opts.maxRps,
    budgetPerMinute: opts.budget,
    filters: opts.filters,
    names: opts.names,
    readOnly: opts.readOnly,
  });
  const store = poller.store;
  const stopAlerts = opts.notify ? startAlerts(store, opts.notify, (bytes) => void (opts.stdout ?? process.stdout).write(bytes)) : () => {};
  poller.start();
  // Asked while the UI loads, so the terminal's answer costs the first frame nothing.
  const io = { stdin: opts.stdin ?? process.stdin, stdout: opts.stdout ?? process.stdout };
  const background = opts.color ? resolveBackground(opts.theme ?? 'auto', process.env, io) : Promise.resolve('dark' as const);
  try {
    const { runLive } = await live;
    // Regions are added live (`:region`) only where a client can be made for them (not the demo).
    const intents = opts.apiFor ? poller : { ...poller, setRegions: undefined };
    return await runLive(opts, { store, intents, clock, background: await background });
  } finally {
    // Also when the UI failed to load or to start: no poll outlives the screen.
    poller.stop();
    stopAlerts();
  }
}
