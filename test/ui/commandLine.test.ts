// The `:` prompt's meaning, completion and history, as pure functions.
import { describe, expect, it } from 'vitest';
import {
  completeCommandLine,
  emptyHistory,
  historyAdd,
  historyDown,
  historyUp,
  parseCommandLine,
  type CommandHistory,
} from '../../src/ui/commandLine.js';

describe('parseCommandLine', () => {
  it.each([
    [':status Failed', { kind: 'filter', patch: { invokeStatus: 'Failed', localStatus: undefined } }],
    [':status scheduled', { kind: 'filter', patch: { invokeStatus: 'Running', localStatus: 'Scheduled' } }],
    [':status Success', { kind: 'filter', patch: { invokeStatus: 'Finished', localStatus: 'Success' } }],
    [':name deploy-release', { kind: 'filter', patch: { commandName: 'deploy-release' } }],
    ['  :name   deploy release  ', { kind: 'filter', patch: { commandName: 'deploy release' } }],
    [':command c-abc123', { kind: 'filter', patch: { commandId: 'c-abc123' } }],
    [':instance i-bp1abc', { kind: 'filter', patch: { instanceId: 'i-bp1abc' } }],
    [':instance web-1', { kind: 'instanceName', name: 'web-1' }],
    [':type runshellscript', { kind: 'filter', patch: { commandType: 'RunShellScript' } }],
    [':timed', { kind: 'filter', patch: { timed: true } }],
    [':timed false', { kind: 'filter', patch: { timed: false } }],
    [':region cn-hangzhou, cn-shanghai,cn-hangzhou', { kind: 'regions', regions: ['cn-hangzhou', 'cn-shanghai'] }],
    [':region all', { kind: 'regions', regions: ['all'] }],
    [':clear', { kind: 'clear' }],
    ['status Failed', { kind: 'filter', patch: { invokeStatus: 'Failed', localStatus: undefined } }],
    [':STATUS Failed', { kind: 'filter', patch: { invokeStatus: 'Failed', localStatus: undefined } }],
  ])('%j', (line, result) => {
    expect(parseCommandLine(line)).toStrictEqual(result);
  });

  it('drops a filter given no value, both status fields for :status', () => {
    const status = parseCommandLine(':status');
    expect(status).toStrictEqual({ kind: 'filter', patch: { invokeStatus: undefined, localStatus: undefined } });
    expect(status.kind === 'filter' && 'invokeStatus' in status.patch && 'localStatus' in status.patch).toBe(true);
    expect(parseCommandLine(':name')).toStrictEqual({ kind: 'filter', patch: { commandName: undefined } });
  });

  it.each([
    [':', 'type a command: :status :name :command :instance :type :timed :region :clear'],
    [':stat Failed', 'unknown command :stat; did you mean :status? commands: :status :name :command :instance :type :timed :region :clear'],
    [':frobnicate', 'unknown command :frobnicate; commands: :status :name :command :instance :type :timed :region :clear'],
    [':status Done', ':status must be one of Running, Finished, Failed, PartialFailed, Stopped, Pending, Scheduled, Stopping, Success (got Done)'],
    [':type bash', ':type must be one of RunShellScript, RunBatScript, RunPowerShellScript (got bash)'],
    [':timed maybe', ':timed takes true or false (got maybe)'],
    [':name a\u0007b', ':name needs a non-empty value of at most 256 printable characters (got "a\\u0007b")'],
    [`:command ${'c'.repeat(300)}`, `:command needs a non-empty value of at most 256 printable characters (got "${'c'.repeat(60)}...")`],
    [':region cn_hangzhou', ':region takes region ids of letters, digits and dashes such as cn-hangzhou (got cn_hangzhou)'],
    [':region all,cn-hangzhou', ':region all stands alone (every region); drop the others'],
    [':region ,', ':region needs region ids, e.g. :region cn-hangzhou,cn-shanghai (or all)'],
    [':clear now', ':clear takes no value (it drops every filter)'],
  ])('%j is one line: %s', (line, message) => {
    const r = parseCommandLine(line);
    expect(r).toStrictEqual({ kind: 'error', message });
    expect(message).not.toContain('\n');
  });
});

describe('completeCommandLine', () => {
  it('completes a command name, with a space when one is left', () => {
    expect(completeCommandLine(':st')).toEqual({ line: ':status ', candidates: ['status'] });
    expect(completeCommandLine(':c')).toEqual({ line: ':c', candidates: ['command', 'clear'] });
    expect(completeCommandLine(':co')).toEqual({ line: ':command ', candidates: ['command'] });
    expect(completeCommandLine(':')).toMatchObject({ line: ':', candidates: ['status', 'name', 'command', 'instance', 'type', 'timed', 'region', 'clear'] });
    expect(completeCommandLine(':t')).toEqual({ line: ':t', candidates: ['type', 'timed'] });
    expect(completeCommandLine(':ti')).toEqual({ line: ':timed ', candidates: ['timed'] });
    expect(completeCommandLine(':x')).toEqual({ line: ':x', candidates: [] });
  });

  it('completes statuses and command types case-insensitively, as far as the matches agree', () => {
    expect(completeCommandLine(':status fa')).toEqual({ line: ':status Failed', candidates: ['Failed'] });
    expect(completeCommandLine(':status s')).toEqual({ line: ':status s', candidates: ['Stopped', 'Scheduled', 'Stopping', 'Success'] });
    expect(completeCommandLine(':status Sto').candidates).toEqual(['Stopped', 'Stopping']);
    expect(completeCommandLine(':status Sto').line).toBe(':status Stopp');
    expect(completeCommandLine(':type runp')).toEqual({ line: ':type RunPowerShellScript', candidates: ['RunPowerShellScript'] });
    expect(completeCommandLine(':type Run')).toEqual({ line: ':type Run', candidates: ['RunShellScript', 'RunBatScript', 'RunPowerShellScript'] });
  });

  it('completes names, ids and regions from the known values passed in', () => {
    const known = { names: ['deploy-release', 'deploy-canary', 'backup'], commandIds: ['c-abc'], instanceIds: ['i-bp1', 'i-bp2'], regions: ['cn-hangzhou', 'cn-shanghai'] };
    expect(completeCommandLine(':name dep', known)).toEqual({ line: ':name deploy-', candidates: ['deploy-release', 'deploy-canary'] });
    expect(completeCommandLine(':name b', known)).toEqual({ line: ':name backup', candidates: ['backup'] });
    expect(completeCommandLine(':command c', known)).toEqual({ line: ':command c-abc', candidates: ['c-abc'] });
    expect(completeCommandLine(':instance i-', known)).toEqual({ line: ':instance i-bp', candidates: ['i-bp1', 'i-bp2'] });
    expect(completeCommandLine(':region cn-hangzhou,cn-s', known)).toEqual({ line: ':region cn-hangzhou,cn-shanghai', candidates: ['cn-shanghai'] });
    expect(completeCommandLine(':region a', known)).toEqual({ line: ':region all', candidates: ['all'] });
    expect(completeCommandLine(':name x', known)).toEqual({ line: ':name x', candidates: [] });
    expect(completeCommandLine(':name d')).toEqual({ line: ':name d', candidates: [] });
  });

  it('leaves an unknown command and :clear as they are', () => {
    expect(completeCommandLine(':nope Fa')).toEqual({ line: ':nope Fa', candidates: [] });
    expect(completeCommandLine(':clear ')).toEqual({ line: ':clear ', candidates: [] });
  });
});

describe('command history', () => {
  const filled = (): CommandHistory => [':status Failed', ':name a', ':name a', '  ', ':clear'].reduce((h, l) => historyAdd(h, l), emptyHistory);

  it('keeps commands once in a row, never blanks, newest last, up to the limit', () => {
    expect(filled().entries).toEqual([':status Failed', ':name a', ':clear']);
    const capped = Array.from({ length: 5 }, (_, i) => `:name n${i}`).reduce((h, l) => historyAdd(h, l, 3), emptyHistory);
    expect(capped.entries).toEqual([':name n2', ':name n3', ':name n4']);
  });

  it('Up walks back and stops at the oldest; Down walks forward and gives back the line being typed', () => {
    let h = filled();
    const seen: string[] = [];
    let line = ':ty';
    for (let i = 0; i < 4; i++) {
      ({ history: h, line } = historyUp(h, line));
      seen.push(line);
    }
    expect(seen).toEqual([':clear', ':name a', ':status Failed', ':status Failed']);
    const down: string[] = [];
    for (let i = 0; i < 4; i++) {
      ({ history: h, line } = historyDown(h, line));
      down.push(line);
    }
    expect(down).toEqual([':name a', ':clear', ':ty', ':ty']);
  });

  it('Up on an empty history keeps the line; a new command restarts recall from the newest', () => {
    expect(historyUp(emptyHistory, ':na')).toEqual({ history: emptyHistory, line: ':na' });
    let h = filled();
    ({ history: h } = historyUp(h, ''));
    ({ history: h } = historyUp(h, ''));
    h = historyAdd(h, ':type RunShellScript');
    expect(historyUp(h, '').line).toBe(':type RunShellScript');
  });
});
