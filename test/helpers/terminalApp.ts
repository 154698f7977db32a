// The built CLI against an emulator started in the test process: the emulator's fleet runs on a
// FakeClock the test advances (statuses and output move only when the test says so), the CLI polls
// it over loopback through pop-core exactly as it would poll ECS, and the screen is read through the
// headless terminal. Helpers name what a person looks for: the list, the instances, the output.
import { afterEach, beforeAll, vi } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator, type RunCommandSpec } from '../../src/emulator/index.js';
import { spawnTerminal, type SpawnOptions, type TerminalSession } from './terminal.js';
import { CLI, ROOT, ensureBuilt, spawnCli } from './terminalCli.js';

/** A row of the invocations table: selection mark, status, InvokeId. */
export const INVOKE_ROW = /^([> ]) ([A-Za-z]+)\s+(t-[0-9a-z]{6,})\s/;
/** A row of the instances table: selection mark, InstanceId, (name and IP, once known,) status. */
export const INSTANCE_ROW = /^([> ]) (i-[0-9a-z]+)\s+(?:\S+\s+(?:[\d.]+|-)\s+)?([A-Z][A-Za-z]+)\s/;
export const LIST_HEADER = /STATUS\s+INVOKE ID\s+COMMAND NAME/;
/** The instance list's header; once names are known the id (then IP) column gives way at narrow widths. */
export const INSTANCES_HEADER = /(?:INSTANCE ID|NAME)(?:\s+(?:NAME|IP))*\s+STATUS\s+EXIT/;
/** The output screen's breadcrumb: Invocations › t-… › i-… */
export const OUTPUT_CRUMB = /Invocations › t-[0-9a-z]+ › i-[0-9a-z]+/;

export interface AppOptions {
  emulator?: EmulatorOptions;
  /** Extra CLI flags (after --endpoint/--region). */
  args?: string[];
  cols?: number;
  rows?: number;
  label?: string;
  /** More environment for the CLI (e.g. NO_COLOR). */
  env?: Record<string, string | undefined>;
  /** Printed on the main screen by a shell before it execs the CLI (to see it restored at exit). */
  before?: string;
  /** The CLI's working directory (where `e` and `y` write); default the repository. */
  cwd?: string;
  /** Invocations to create before the CLI starts (on the emulator's clock). */
  setup?: (emu: RunningEmulator, clock: FakeClock) => void;
}

export interface App {
  s: TerminalSession;
  emu: RunningEmulator;
  clock: FakeClock;
  /** Linux instances of the fleet (shell scripts run there). */
  linux: string[];
  close(): Promise<void>;
}

/**
 * Start an emulator (empty fleet of 6 unless told otherwise) on a FakeClock that starts at the real
 * time (so the CLI's "5 seconds ago" reads right), then the CLI against it, polling every second.
 */
export async function startApp(opts: AppOptions = {}): Promise<App> {
  const clock = new FakeClock(Math.floor(Date.now() / 1000) * 1000);
  const emu = await startEmulator({ port: 0, seed: 11, preset: 'empty', fleet: 6, clock, ...opts.emulator });
  const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
  opts.setup?.(emu, clock);
  const args = ['--endpoint', emu.endpoint, '--region', emu.regionId, '--interval', '1', ...(opts.args ?? [])];
  const spawnOpts: SpawnOptions = {
    cols: opts.cols ?? 120,
    rows: opts.rows ?? 40,
    label: opts.label,
    cwd: opts.cwd ?? ROOT,
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
      // No profile or config file of the machine running the tests may take part.
      ALIBABA_CLOUD_PROFILE: undefined,
      ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
      HOME: '/nonexistent-catop-e2e-home',
      ...opts.env,
    },
  };
  const s =
    opts.before === undefined
      ? spawnCli(args, spawnOpts)
      : spawnTerminal('/bin/sh', ['-c', 'printf "%s\\r\\n" "$0"; exec "$@"', opts.before, process.execPath, CLI, ...args], spawnOpts);
  return {
    s,
    emu,
    clock,
    linux,
    async close() {
      await s.close();
      await emu.stop();
    },
  };
}

export interface ScenarioApps {
  /** startApp, closed after the test. */
  app(opts?: AppOptions): Promise<App>;
  /** Anything else the test started (a session, an emulator), closed or stopped after it. */
  closeAfterTest(close: () => Promise<void>): void;
}

/**
 * For a file of CLI scenarios: the CLI built before the first test, a time guard per test that a
 * whole scenario on a loaded two-core machine fits in (each wait keeps its own), and everything a
 * test started closed after it.
 */
export function appsForEachTest(): ScenarioApps {
  vi.setConfig({ testTimeout: 120_000 });
  beforeAll(() => ensureBuilt(), 240_000);
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return {
    async app(opts = {}) {
      const a = await startApp(opts);
      closers.push(() => a.close());
      return a;
    },
    closeAfterTest(close) {
      closers.push(close);
    },
  };
}

/** A finished (or running) invocation created `agoMs` before the clock's now; returns its InvokeId. */
export function invocation(emu: RunningEmulator, clock: FakeClock, spec: RunCommandSpec, agoMs: number): string {
  return emu.sim.runCommandAt(spec, clock.now() - agoMs);
}

export interface ListRow {
  selected: boolean;
  status: string;
  invokeId: string;
  line: string;
}

export function listRows(s: TerminalSession): ListRow[] {
  return s.screenText().flatMap((line) => {
    const m = INVOKE_ROW.exec(line);
    return m ? [{ selected: m[1] === '>', status: m[2], invokeId: m[3], line }] : [];
  });
}

export interface InstanceRow {
  selected: boolean;
  instanceId: string;
  status: string;
  line: string;
}

export function instanceRows(s: TerminalSession): InstanceRow[] {
  return s.screenText().flatMap((line) => {
    const m = INSTANCE_ROW.exec(line);
    return m ? [{ selected: m[1] === '>', instanceId: m[2], status: m[3], line }] : [];
  });
}

export function selectedInvokeId(s: TerminalSession): string | undefined {
  return listRows(s).find((r) => r.selected)?.invokeId;
}

/** The list is up and shows `n` rows (at least one by default). */
export async function waitForList(s: TerminalSession, n = 1): Promise<void> {
  await s.waitFor(() => LIST_HEADER.test(s.screen()) && listRows(s).length >= n, `the invocations list with ${n} row(s)`);
}

/** The row of `invokeId` shows `status` (on the list). */
export async function waitForRowStatus(s: TerminalSession, invokeId: string, status: string): Promise<void> {
  await s.waitFor(() => listRows(s).some((r) => r.invokeId === invokeId && r.status === status), `${invokeId} to show ${status}`);
}
