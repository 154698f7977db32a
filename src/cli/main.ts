// flags -> config -> live UI | --once | --json | --wait | emulator. Returns the exit code; the
// bin sets it. Errors become one `catop: ...` line, never a stack trace.
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { EcsClient } from '../api/client.js';
import type { InvocationsApi } from '../api/model.js';
import { parseArgs, type MonitorOptions } from '../config/args.js';
import { CredentialsError, EXIT, UsageError } from '../config/errors.js';
import { HELP_TEXT } from '../config/help.js';
import { resolveConnection } from '../config/index.js';
import { startEmulator } from '../emulator/index.js';
import { runEmulatorCommand } from './emulator.js';
import { errorLine, processOutput, realTiming, type Output, type Timing } from './io.js';
import { runSnapshot } from './snapshot.js';
import { runWait } from './wait.js';

export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  home: string;
  /** Both ends are terminals: the live UI can run. */
  interactive: boolean;
  output: Output;
  timing: Timing;
}

export function processEnvironment(): CliEnvironment {
  return {
    env: process.env,
    home: homedir(),
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    output: processOutput,
    timing: realTiming,
  };
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

// The documented entry point of src/ui/run.tsx.
type RunLiveUi = (options: {
  api: InvocationsApi;
  filters: MonitorOptions['filters'];
  intervalMs: number;
  pageSize: number;
  history: number;
  maxRps: number;
  readOnly: boolean;
  color: boolean;
  demo: boolean;
  header: { region: string; endpoint: string; profile?: string };
}) => Promise<number>;
const LIVE_UI_MODULE = '../ui/run.js';

/** Timeout per call: generous for slow bastion links, short enough that --wait keeps moving. */
const CALL_TIMEOUT_MS = 10_000;

export async function main(args: string[], ce: CliEnvironment = processEnvironment()): Promise<number> {
  try {
    const parsed = parseArgs(args);
    switch (parsed.kind) {
      case 'help':
        ce.output.out(HELP_TEXT);
        return EXIT.ok;
      case 'version':
        ce.output.out(`${packageVersion()}\n`);
        return EXIT.ok;
      case 'emulator':
        return await runEmulatorCommand(parsed.options, ce.output);
      case 'monitor':
        return await runMonitor(parsed.options, ce);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof CredentialsError) {
      ce.output.err(err.message);
      return err.exitCode;
    }
    ce.output.err(errorLine(err));
    return EXIT.failure;
  }
}

async function runMonitor(o: MonitorOptions, ce: CliEnvironment): Promise<number> {
  const mode = o.mode === 'live' && !ce.interactive ? 'once' : o.mode;
  const color = o.color && !ce.env.NO_COLOR;
  if (o.demo) return runDemo(o, mode, color, ce);

  const conn = resolveConnection(o, ce.env, ce.home);
  // Ask the chain once up front: "no credentials" is exit 3 with the places looked at, before any API call.
  await conn.credentials.getCredentials();
  const api: InvocationsApi = new EcsClient({
    regionId: conn.regionId,
    endpoint: conn.endpoint,
    credentials: { provider: conn.credentials },
    timeoutMs: CALL_TIMEOUT_MS,
  });
  return runMode(api, o, mode, color, ce, { region: conn.regionId, endpoint: conn.endpoint, profile: conn.profileName }, false);
}

async function runDemo(o: MonitorOptions, mode: MonitorOptions['mode'], color: boolean, ce: CliEnvironment): Promise<number> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', preset: 'demo' });
  try {
    const api: InvocationsApi = new EcsClient({
      regionId: emulator.regionId,
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
      timeoutMs: CALL_TIMEOUT_MS,
    });
    return await runMode(api, o, mode, color, ce, { region: emulator.regionId, endpoint: emulator.endpoint }, true);
  } finally {
    await emulator.stop();
  }
}

async function runMode(
  api: InvocationsApi,
  o: MonitorOptions,
  mode: MonitorOptions['mode'],
  color: boolean,
  ce: CliEnvironment,
  header: { region: string; endpoint: string; profile?: string },
  demo: boolean,
): Promise<number> {
  switch (mode) {
    case 'once':
    case 'json':
      return runSnapshot(
        api,
        { filters: o.filters, pageSize: o.pageSize, includeOutput: o.includeOutput, format: mode === 'json' ? 'json' : 'table' },
        ce.timing,
        ce.output,
      );
    case 'wait':
      return runWait(api, { invokeId: o.filters.invokeId!, intervalMs: o.interval * 1000, includeOutput: o.includeOutput }, ce.timing, ce.output);
    case 'live': {
      // Loaded only here: --once, --json and --wait never pay for Ink and React.
      const { runLiveUi } = (await import(LIVE_UI_MODULE)) as { runLiveUi: RunLiveUi };
      return runLiveUi({
        api,
        filters: o.filters,
        intervalMs: o.interval * 1000,
        pageSize: o.pageSize,
        history: o.history,
        maxRps: o.maxRps,
        readOnly: o.readOnly,
        color,
        demo,
        header,
      });
    }
  }
}
