// Command-line parsing with commander. Commander only splits the argument list; every value and
// every mistake is checked here so that each gets one line in our format, before any network call.
import { Command, CommanderError } from 'commander';
import type { InvocationStatus, InvokeStatus } from '../api/wire.js';
import { GROUP_MODES, type GroupMode } from '../group/types.js';
import { parseStatusTemplate, type TemplatePart } from '../cli/statusTemplate.js';
import { parseNotifyFlags, type NotifyOptions } from '../notify/options.js';
import { UsageError } from './errors.js';
import { closestFlag } from './closestFlag.js';
import {
  parseBooleanFlag,
  parseCommandType,
  parseFilterText,
  parseIntegerInRange,
  parseStatusFilter,
  parsePositiveNumber,
  parseRegionList,
  shown,
} from './values.js';

/**
 * The API filters, what DescribeInvocations accepts (camelCase), plus `localStatus`: the status
 * asked for when the API's InvokeStatus is wider (`--status Scheduled` sends Running). The client
 * sends only the API's fields, so this object goes to the poller and the store as it is.
 */
export interface InvocationFilters {
  invokeId?: string;
  commandId?: string;
  commandName?: string;
  commandType?: string;
  instanceId?: string;
  invokeStatus?: InvokeStatus;
  timed?: boolean;
  /** Applied here, not by the API: only invocations whose InvocationStatus is this one. */
  localStatus?: InvocationStatus;
}

export type OutputMode = 'live' | 'once' | 'json' | 'wait' | 'runs' | 'groups';

export interface MonitorOptions {
  /** The region, or the first of `regions`. */
  region?: string;
  /** `--region a,b` or `--region all`: several regions in one view (absent for one region). */
  regions?: readonly string[] | 'all';
  endpoint?: string;
  allowHttp: boolean;
  vpc: boolean;
  profile?: string;
  filters: InvocationFilters;
  /** Seconds between polls. */
  interval: number;
  pageSize: number;
  history: number;
  maxRps: number;
  /** `--budget`: the account's API calls a minute; ticks spread out to stay within it. */
  budget: number;
  /** What the flags asked for; `live` may still become `once` without a terminal. */
  mode: OutputMode;
  /** `--wait --json`: each change as a JSON line instead of a line of text. */
  waitJson: boolean;
  /** `--groups`: how outputs are compared (`--group-by`) and whether as JSON lines. */
  groups?: { by: GroupMode; json: boolean };
  includeOutput: boolean;
  readOnly: boolean;
  /** `--no-names`: no DescribeInstances/DescribeCloudAssistantStatus lookups; ids only. */
  names: boolean;
  color: boolean;
  /** `--theme`: the palette for a dark or light background; auto asks the terminal. */
  theme: ThemeOption;
  /** `--ascii`: ASCII glyphs and borders; also the default in a locale without UTF-8. */
  ascii: boolean;
  demo: boolean;
  /** `--once --format TEMPLATE`: one status line instead of the table. */
  statusLine?: TemplatePart[];
  /** `--notify` and its companions: alerts from the live monitor. */
  notify?: NotifyOptions;
  /** `--clipboard`: `y` also copies ids to the clipboard by OSC 52. */
  clipboard: boolean;
}

export const THEMES = ['auto', 'dark', 'light'] as const;
export type ThemeOption = (typeof THEMES)[number];

export interface EmulatorOptions {
  port: number;
  host: string;
  seed: number;
  fleet?: number;
  faults?: string;
}

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

export type ParsedCommand =
  | { kind: 'help'; topic?: 'emulator' }
  | { kind: 'completion'; shell: CompletionShell }
  | { kind: 'version' }
  | { kind: 'monitor'; options: MonitorOptions }
  | { kind: 'emulator'; options: EmulatorOptions };

export const DEFAULTS = {
  interval: 2,
  pageSize: 50,
  history: 500,
  maxRps: 5,
  budget: 1000,
  emulatorPort: 0,
  emulatorHost: '127.0.0.1',
  emulatorSeed: 1,
} as const;

/**
 * Commander without its own output, exits or help. It only splits the argument list (parseOptions):
 * unknown flags, a flag without its value and stray arguments are found here, from the option table,
 * so no message of commander's is read or reworded.
 */
function quietCommand(name: string): Command {
  return new Command(name)
    .helpOption(false)
    .exitOverride()
    .allowUnknownOption(true)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
}

function monitorCommand(): Command {
  return quietCommand('catop')
    .option('-h, --help')
    .option('-v, --version')
    .option('--region <id>')
    .option('--endpoint <url>')
    .option('--allow-http')
    .option('--vpc')
    .option('--profile <name>')
    .option('--invoke-id <id>')
    .option('--command-id <id>')
    .option('--command-name <name>')
    .option('--command-type <type>')
    .option('--instance-id <id>')
    .option('--status <status>')
    .option('--timed [bool]')
    .option('--interval <seconds>')
    .option('--page-size <n>')
    .option('--history <n>')
    .option('--max-rps <n>')
    .option('--budget <n>')
    .option('--once')
    .option('--runs')
    .option('--format <template>')
    .option('--json')
    .option('--include-output')
    .option('--wait')
    .option('--groups')
    .option('--group-by <mode>')
    .option('--read-only')
    .option('--no-names')
    .option('--no-color')
    .option('--theme <mode>')
    .option('--ascii')
    .option('--demo')
    .option('--notify <channels>')
    .option('--notify-on <which>')
    .option('--notify-failed-ratio <r>')
    .option('--clipboard');
}

function emulatorCommand(): Command {
  return quietCommand('catop emulator')
    .option('-h, --help')
    .option('--port <n>')
    .option('--host <address>')
    .option('--seed <n>')
    .option('--fleet <n>')
    .option('--faults <spec>');
}

/** `catop --wait t-xxx`, `catop i-xxx`: the flag a stray id belongs to. */
function flagForId(stray: string): string | undefined {
  return /^t-/.test(stray) ? '--invoke-id' : /^i-/.test(stray) ? '--instance-id' : /^c-/.test(stray) ? '--command-id' : undefined;
}

function runCommander(cmd: Command, args: string[], helpHint: string): Record<string, unknown> {
  // Commander takes the next argument as a flag's value whatever it is: only the last can lack one.
  const last = args.at(-1);
  const needsValue = cmd.options.find((o) => o.required && last !== undefined && (o.long === last || o.short === last));
  if (needsValue) throw new UsageError(`${last} needs a value; see ${helpHint}`);
  let split: { operands: string[]; unknown: string[] };
  try {
    split = cmd.parseOptions(args);
  } catch (err) {
    // Only an argParser or a later commander's own check can land here: name the code, not its words.
    if (err instanceof CommanderError) throw new UsageError(`cannot read the command line (${err.code}); see ${helpHint}`);
    throw err;
  }
  const unknownFlag = split.unknown[0]?.split('=')[0];
  if (unknownFlag !== undefined) {
    const known = cmd.options.flatMap((o) => (o.long ? [o.long] : []));
    const suggestion = closestFlag(unknownFlag, known);
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    throw new UsageError(`unknown flag ${shown(unknownFlag)}${hint}; see ${helpHint}`);
  }
  const stray = split.operands[0];
  if (stray !== undefined) {
    const flag = flagForId(stray);
    if (flag) throw new UsageError(`unexpected argument ${shown(stray)}: did you mean ${flag} ${shown(stray)}?`);
    throw new UsageError(
      `unexpected argument ${shown(stray)}; catop takes flags and the subcommands "emulator", "completion" and "help"; see ${helpHint}`,
    );
  }
  return cmd.opts();
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function parseTheme(value: string | undefined): ThemeOption {
  if (value === undefined) return 'auto';
  const theme = THEMES.find((t) => t === value.trim().toLowerCase());
  if (!theme) throw new UsageError(`--theme must be one of ${THEMES.join(', ')} (got ${shown(value)})`);
  return theme;
}

function parseGroupBy(value: string | undefined): GroupMode {
  if (value === undefined) return 'masked';
  const mode = GROUP_MODES.find((m) => m === value.trim().toLowerCase());
  if (!mode) throw new UsageError(`--group-by must be ${GROUP_MODES.join(', ')} (got ${shown(value)})`);
  return mode;
}

export function parseMonitorArgs(args: string[]): ParsedCommand {
  const o = runCommander(monitorCommand(), args, 'catop --help');
  if (o.help) return { kind: 'help' };
  if (o.version) return { kind: 'version' };

  const filters: InvocationFilters = {};
  if (o.invokeId !== undefined) filters.invokeId = parseFilterText('--invoke-id', str(o.invokeId)!);
  if (o.commandId !== undefined) filters.commandId = parseFilterText('--command-id', str(o.commandId)!);
  if (o.commandName !== undefined) filters.commandName = parseFilterText('--command-name', str(o.commandName)!);
  if (o.commandType !== undefined) filters.commandType = parseCommandType(str(o.commandType)!);
  if (o.instanceId !== undefined) filters.instanceId = parseFilterText('--instance-id', str(o.instanceId)!);
  if (o.status !== undefined) Object.assign(filters, parseStatusFilter(str(o.status)!));
  if (o.timed !== undefined) filters.timed = parseBooleanFlag('--timed', o.timed as string | boolean);

  if (o.wait && o.once) throw new UsageError('--wait cannot be combined with --once; pick one output mode');
  // `--once --json` is one JSON snapshot: the same as `--json`; `--wait --json` waits in JSON lines.
  const mode: OutputMode = o.groups ? 'groups' : o.runs ? 'runs' : o.wait ? 'wait' : o.json ? 'json' : o.once ? 'once' : 'live';
  if (o.runs && (!filters.invokeId || !o.json || o.wait || o.once)) {
    throw new UsageError('--runs goes with --invoke-id t-... --json (one JSON line per run of a scheduled invocation)');
  }
  const groups = mode === 'groups' ? { by: parseGroupBy(str(o.groupBy)), json: Boolean(o.json) } : undefined;
  if (groups && (o.wait || o.once || o.runs || !filters.invokeId)) {
    throw new UsageError('--groups needs --invoke-id t-... and goes alone or with --json and --group-by');
  }
  if (!groups && o.groupBy !== undefined) throw new UsageError('--group-by works with --groups');

  if (mode === 'wait' && !filters.invokeId) {
    throw new UsageError('--wait needs --invoke-id t-... (the invocation to wait for)');
  }
  const includeOutput = Boolean(o.includeOutput);
  if (includeOutput) {
    if (!filters.invokeId && !filters.instanceId) {
      throw new UsageError('--include-output needs --invoke-id or --instance-id (the API returns output only for those)');
    }
    if (mode !== 'json' && mode !== 'wait' && mode !== 'runs') {
      throw new UsageError('--include-output works with --json or --wait (the live monitor fetches output as you open it)');
    }
  }

  const regions = o.region !== undefined ? parseRegionList('--region', str(o.region)!) : undefined;
  const several = regions === 'all' || (regions !== undefined && regions.length > 1);
  if (several && (mode === 'runs' || mode === 'groups' || o.format !== undefined)) {
    throw new UsageError(`--${o.format !== undefined ? 'format' : mode} reads one region: pass one --region`);
  }

  const statusLine = o.format !== undefined ? parseFormatFlag(str(o.format)!, mode) : undefined;
  const notify = parseNotifyFlags({ notify: str(o.notify), notifyOn: str(o.notifyOn), notifyFailedRatio: str(o.notifyFailedRatio) }, filters.invokeId);
  if (notify && mode !== 'live') throw new UsageError('--notify alerts from the live monitor; drop --once, --json or --wait');
  if (o.clipboard && mode !== 'live') throw new UsageError('--clipboard is for the live monitor (y copies ids); drop --once, --json, --wait or --groups');

  const endpoint = str(o.endpoint);
  if (o.vpc && endpoint !== undefined) {
    throw new UsageError('--vpc and --endpoint cannot be combined: --vpc picks https://ecs-vpc.<region>.aliyuncs.com');
  }
  if (o.allowHttp && endpoint === undefined) {
    throw new UsageError('--allow-http only applies to an --endpoint http://... URL');
  }
  if (o.demo) {
    const clash = (['region', 'endpoint', 'profile', 'vpc'] as const).find((k) => o[k] !== undefined);
    if (clash) throw new UsageError(`--demo runs against a built-in emulator; drop --${clash}`);
  }

  return {
    kind: 'monitor',
    options: {
      region: regions === undefined || regions === 'all' ? undefined : regions[0],
      ...(several ? { regions } : {}),
      endpoint,
      allowHttp: Boolean(o.allowHttp),
      vpc: Boolean(o.vpc),
      profile: o.profile !== undefined ? parseFilterText('--profile', str(o.profile)!) : undefined,
      filters,
      interval: o.interval !== undefined ? parsePositiveNumber('--interval', str(o.interval)!, 'seconds', 3600) : DEFAULTS.interval,
      pageSize: o.pageSize !== undefined ? parseIntegerInRange('--page-size', str(o.pageSize)!, 1, 50) : DEFAULTS.pageSize,
      history: o.history !== undefined ? parseIntegerInRange('--history', str(o.history)!, 0, 100_000) : DEFAULTS.history,
      maxRps: o.maxRps !== undefined ? parsePositiveNumber('--max-rps', str(o.maxRps)!, 'requests a second', 1000) : DEFAULTS.maxRps,
      budget: o.budget !== undefined ? parseIntegerInRange('--budget', str(o.budget)!, 1, 1_000_000) : DEFAULTS.budget,
      mode,
      waitJson: mode === 'wait' && Boolean(o.json),
      groups,
      includeOutput,
      readOnly: Boolean(o.readOnly),
      names: o.names !== false,
      color: o.color !== false,
      theme: parseTheme(str(o.theme)),
      ascii: Boolean(o.ascii),
      demo: Boolean(o.demo),
      ...(statusLine ? { statusLine } : {}),
      ...(notify ? { notify } : {}),
      clipboard: Boolean(o.clipboard),
    },
  };
}

function parseFormatFlag(raw: string, mode: OutputMode): TemplatePart[] {
  if (mode !== 'once') throw new UsageError('--format works with --once alone: catop --once --format "{running} running"');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) throw new UsageError(`--format takes one line of printable text (got ${shown(raw)})`);
  const t = parseStatusTemplate(raw);
  if ('error' in t) throw new UsageError(`--format: ${t.error}`);
  return t.parts;
}

export function parseEmulatorArgs(args: string[]): ParsedCommand {
  const o = runCommander(emulatorCommand(), args, 'catop emulator --help');
  if (o.help) return { kind: 'help', topic: 'emulator' };
  const host = o.host !== undefined ? str(o.host)!.trim() : DEFAULTS.emulatorHost;
  if (host === '' || /[\s/]/.test(host)) {
    throw new UsageError(`--host must be an address to listen on such as 127.0.0.1 or 0.0.0.0 (got ${shown(str(o.host)!)})`);
  }
  const faults = str(o.faults);
  if (faults !== undefined && faults.trim() === '') {
    throw new UsageError('--faults needs a spec such as throttle=0.1,error500=0.05,latency=20-300,reset=0.01');
  }
  return {
    kind: 'emulator',
    options: {
      port: o.port !== undefined ? parseIntegerInRange('--port', str(o.port)!, 0, 65535) : DEFAULTS.emulatorPort,
      host,
      seed: o.seed !== undefined ? parseIntegerInRange('--seed', str(o.seed)!, 0, 2 ** 31 - 1) : DEFAULTS.emulatorSeed,
      fleet: o.fleet !== undefined ? parseIntegerInRange('--fleet', str(o.fleet)!, 1, 10_000) : undefined,
      faults,
    },
  };
}

export interface FlagInfo {
  flag: string;
  /** 'required': `--flag VALUE`; 'optional': `--flag [VALUE]`; 'none': a switch. */
  value: 'required' | 'optional' | 'none';
}

/** Every long flag of the monitor and of the emulator, for shell completion. */
export function flagNames(): { monitor: FlagInfo[]; emulator: FlagInfo[] } {
  const infos = (cmd: Command): FlagInfo[] =>
    cmd.options.flatMap((o) => (o.long ? [{ flag: o.long, value: o.required ? 'required' : o.optional ? 'optional' : 'none' }] : []));
  return { monitor: infos(monitorCommand()), emulator: infos(emulatorCommand()) };
}

/** `catop completion bash|zsh|fish`. */
function parseCompletionArgs(args: string[]): ParsedCommand {
  const shell = COMPLETION_SHELLS.find((s) => s === args[0]);
  if (!shell || args.length > 1) {
    const got = args.length ? ` (got ${shown(args.join(' '))})` : '';
    throw new UsageError(`completion needs a shell: catop completion ${COMPLETION_SHELLS.join('|')}${got}`);
  }
  return { kind: 'completion', shell };
}

/** `catop emulator ...` and `catop completion SHELL` are subcommands, `catop help [emulator]` is --help; everything else is the monitor. */
export function parseArgs(args: string[]): ParsedCommand {
  if (args[0] === 'emulator') return parseEmulatorArgs(args.slice(1));
  if (args[0] === 'completion') return parseCompletionArgs(args.slice(1));
  if (args[0] === 'help') {
    if (args.length === 1) return { kind: 'help' };
    if (args.length === 2 && args[1] === 'emulator') return { kind: 'help', topic: 'emulator' };
    throw new UsageError(`help takes nothing or "emulator" (got ${shown(args.slice(1).join(' '))}); see catop --help`);
  }
  return parseMonitorArgs(args);
}
