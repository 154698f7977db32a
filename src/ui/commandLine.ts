// The `:` prompt, without the UI: what a command line means (a filter patch, a clear, regions),
// Tab completion of command names and known values, and Up/Down recall of earlier commands.
// Pure: values in, values out; the screen that shows the prompt applies the result.
import type { DescribeInvocationsParams } from '../api/model.js';
import { COMMAND_TYPES } from '../api/wire.js';
import type { InvocationFilters } from '../config/args.js';
import { UsageError } from '../config/errors.js';
import { isValidRegionId, parseBooleanFlag, parseCommandType, parseFilterText, parseStatusFilter, shown, STATUS_VALUES } from '../config/values.js';

type FilterKey = keyof Pick<DescribeInvocationsParams, 'invokeStatus' | 'commandName' | 'commandId' | 'instanceId' | 'commandType' | 'timed'> | 'localStatus';

/** Fields to set; a field present with `undefined` is removed (`:status` alone drops the status filter). */
export type FilterPatch = Partial<Pick<InvocationFilters, FilterKey>>;

export type CommandResult =
  | { kind: 'filter'; patch: FilterPatch }
  /** `:instance web-1`: a name, for the caller to look up (the API filters by id only). */
  | { kind: 'instanceName'; name: string }
  | { kind: 'regions'; regions: string[] }
  | { kind: 'clear' }
  | { kind: 'error'; message: string };

export const COMMANDS = ['status', 'name', 'command', 'instance', 'type', 'timed', 'region', 'clear'] as const;
export type CommandName = (typeof COMMANDS)[number];

const USAGE: Record<CommandName, string> = {
  status: ':status Failed',
  name: ':name deploy-release',
  command: ':command c-...',
  instance: ':instance i-... or a name',
  type: `:type ${COMMAND_TYPES.join('|')}`,
  timed: ':timed [true|false]',
  region: ':region cn-hangzhou,cn-shanghai (or all)',
  clear: ':clear',
};

/** A flag parser's one line, with the command's name in place of the flag's. */
function asCommand<T>(name: CommandName, flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(err.message.replace(flag, `:${name}`));
    throw err;
  }
}

function parseRegions(value: string): string[] {
  const regions = [...new Set(value.split(',').map((r) => r.trim()).filter(Boolean))];
  if (regions.length === 0) throw new UsageError(`:region needs region ids, e.g. ${USAGE.region}`);
  const bad = regions.find((r) => r !== 'all' && !isValidRegionId(r));
  if (bad !== undefined) throw new UsageError(`:region takes region ids of letters, digits and dashes such as cn-hangzhou (got ${shown(bad)})`);
  if (regions.includes('all') && regions.length > 1) throw new UsageError(':region all stands alone (every region); drop the others');
  return regions;
}

function filterFor(name: Exclude<CommandName, 'clear' | 'region'>, value: string): CommandResult {
  // No value: drop that filter.
  if (value === '' && name !== 'timed') {
    const keys: Record<typeof name, FilterKey[]> = {
      status: ['invokeStatus', 'localStatus'],
      name: ['commandName'],
      command: ['commandId'],
      instance: ['instanceId'],
      type: ['commandType'],
    };
    return { kind: 'filter', patch: Object.fromEntries(keys[name].map((k) => [k, undefined])) as FilterPatch };
  }
  switch (name) {
    case 'status': {
      const choice = asCommand(name, '--status', () => parseStatusFilter(value));
      return { kind: 'filter', patch: { invokeStatus: choice.invokeStatus, localStatus: choice.localStatus } };
    }
    case 'name':
      return { kind: 'filter', patch: { commandName: asCommand(name, '--command-name', () => parseFilterText('--command-name', value)) } };
    case 'command':
      return { kind: 'filter', patch: { commandId: asCommand(name, '--command-id', () => parseFilterText('--command-id', value)) } };
    case 'instance': {
      const v = asCommand(name, '--instance-id', () => parseFilterText('--instance-id', value));
      return /^i-/.test(v) ? { kind: 'filter', patch: { instanceId: v } } : { kind: 'instanceName', name: v };
    }
    case 'type':
      return { kind: 'filter', patch: { commandType: asCommand(name, '--command-type', () => parseCommandType(value)) } };
    case 'timed':
      return { kind: 'filter', patch: { timed: asCommand(name, '--timed', () => parseBooleanFlag('--timed', value === '' ? true : value)) } };
  }
}

/** `:status Failed`, `status Failed`: what the line asks for, or one line saying what is wrong. */
export function parseCommandLine(line: string): CommandResult {
  const text = line.trim().replace(/^:/, '').trim();
  const space = text.search(/\s/);
  const word = (space < 0 ? text : text.slice(0, space)).toLowerCase();
  const value = space < 0 ? '' : text.slice(space).trim();
  if (word === '') return { kind: 'error', message: `type a command: ${COMMANDS.map((c) => `:${c}`).join(' ')}` };
  const name = COMMANDS.find((c) => c === word);
  if (!name) {
    const near = COMMANDS.filter((c) => c.startsWith(word.slice(0, 2)));
    const hint = near.length > 0 ? `did you mean ${near.map((c) => `:${c}`).join(' or ')}? ` : '';
    return { kind: 'error', message: `unknown command :${shown(word)}; ${hint}commands: ${COMMANDS.map((c) => `:${c}`).join(' ')}` };
  }
  try {
    if (name === 'clear') {
      if (value !== '') return { kind: 'error', message: ':clear takes no value (it drops every filter)' };
      return { kind: 'clear' };
    }
    if (name === 'region') return { kind: 'regions', regions: parseRegions(value) };
    return filterFor(name, value);
  } catch (err) {
    if (err instanceof UsageError) return { kind: 'error', message: err.message };
    throw err;
  }
}

// ---- completion ----------------------------------------------------------------------------

/** Values the screens know of (from what is loaded), offered after the built-in ones. */
export interface KnownValues {
  names?: readonly string[];
  commandIds?: readonly string[];
  instanceIds?: readonly string[];
  regions?: readonly string[];
}

export interface Completion {
  /** The line after Tab: completed as far as every candidate agrees. */
  line: string;
  /** Every match, for the prompt to list when there are several. */
  candidates: string[];
}

function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let p = values[0];
  for (const v of values) {
    let i = 0;
    while (i < p.length && i < v.length && p[i].toLowerCase() === v[i].toLowerCase()) i++;
    p = p.slice(0, i);
  }
  return p;
}

function valuesFor(name: CommandName, known: KnownValues): readonly string[] {
  switch (name) {
    case 'status':
      return STATUS_VALUES;
    case 'type':
      return COMMAND_TYPES;
    case 'timed':
      return ['true', 'false'];
    case 'name':
      return known.names ?? [];
    case 'command':
      return known.commandIds ?? [];
    case 'instance':
      return known.instanceIds ?? [];
    case 'region':
      return ['all', ...(known.regions ?? [])];
    case 'clear':
      return [];
  }
}

/** Complete `prefix` among `values` (case-insensitive); `done` is appended when one is left. */
function completeAmong(head: string, prefix: string, values: readonly string[], done: string): Completion {
  const wanted = prefix.toLowerCase();
  const candidates = [...new Set(values)].filter((v) => v.toLowerCase().startsWith(wanted));
  if (candidates.length === 0) return { line: head + prefix, candidates };
  if (candidates.length === 1) return { line: head + candidates[0] + done, candidates };
  const common = commonPrefix(candidates);
  return { line: head + (common.length > prefix.length ? common : prefix), candidates };
}

/** Tab at the end of `line`: the command's name, then its value (for :region, the last of the list). */
export function completeCommandLine(line: string, known: KnownValues = {}): Completion {
  const colon = line.startsWith(':') ? ':' : '';
  const body = line.slice(colon.length);
  const space = body.search(/\s/);
  if (space < 0) return completeAmong(colon, body, COMMANDS, ' ');
  const name = COMMANDS.find((c) => c === body.slice(0, space).toLowerCase());
  const head = colon + body.slice(0, space) + ' ';
  const value = body.slice(space).trimStart();
  if (!name) return { line, candidates: [] };
  if (name === 'region') {
    const cut = value.lastIndexOf(',') + 1;
    return completeAmong(head + value.slice(0, cut), value.slice(cut), valuesFor(name, known), '');
  }
  return completeAmong(head, value, valuesFor(name, known), '');
}

// ---- history -------------------------------------------------------------------------------

/** Earlier commands, oldest first, and where Up/Down stand (`at === entries.length`: the line being typed). */
export interface CommandHistory {
  readonly entries: readonly string[];
  readonly at: number;
  /** What was typed before Up was first pressed, given back by Down past the newest. */
  readonly draft: string;
}

export const HISTORY_LIMIT = 100;

export const emptyHistory: CommandHistory = { entries: [], at: 0, draft: '' };

/** After Enter: the line is kept (not twice in a row, not blank), and recall starts over. */
export function historyAdd(h: CommandHistory, line: string, limit = HISTORY_LIMIT): CommandHistory {
  const text = line.trim();
  let entries = h.entries;
  if (text !== '' && entries.at(-1) !== text) entries = [...entries, text].slice(-limit);
  return { entries, at: entries.length, draft: '' };
}

/** Up: the previous command (stays on the oldest). `current` is what the prompt holds now. */
export function historyUp(h: CommandHistory, current: string): { history: CommandHistory; line: string } {
  if (h.entries.length === 0) return { history: h, line: current };
  const draft = h.at === h.entries.length ? current : h.draft;
  const at = Math.max(0, h.at - 1);
  return { history: { ...h, at, draft }, line: h.entries[at] };
}

/** Down: the next command, and past the newest the line that was being typed. */
export function historyDown(h: CommandHistory, current: string): { history: CommandHistory; line: string } {
  if (h.at >= h.entries.length) return { history: h, line: current };
  const at = h.at + 1;
  return { history: { ...h, at }, line: at === h.entries.length ? h.draft : h.entries[at] };
}
