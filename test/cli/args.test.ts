import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/config/args.js';
import { monitor, usage } from './helpers/parse.js';



describe('parseArgs: the monitor', () => {
  it('has defaults that need no flags', () => {
    const o = monitor([]);
    expect(o).toMatchObject({ interval: 2, pageSize: 50, history: 500, maxRps: 5, mode: 'live', color: true, demo: false, readOnly: false });
    expect(o.filters).toEqual({});
  });

  it('reads every filter, case-insensitive status and command type, and --timed with or without a value', () => {
    const o = monitor([
      '--invoke-id', 't-1', '--command-id', 'c-1', '--command-name', 'df -h', '--command-type', 'runshellscript',
      '--instance-id', 'i-1', '--status', 'partialfailed', '--timed',
    ]);
    expect(o.filters).toEqual({
      invokeId: 't-1', commandId: 'c-1', commandName: 'df -h', commandType: 'RunShellScript',
      instanceId: 'i-1', invokeStatus: 'PartialFailed', timed: true,
    });
    expect(monitor(['--timed', 'false']).filters.timed).toBe(false);
    expect(monitor(['--timed=no']).filters.timed).toBe(false);
  });

  it.each([
    ['Running', { invokeStatus: 'Running' }],
    ['finished', { invokeStatus: 'Finished' }],
    ['Failed', { invokeStatus: 'Failed' }],
    ['PartialFailed', { invokeStatus: 'PartialFailed' }],
    ['Stopped', { invokeStatus: 'Stopped' }],
    ['Success', { invokeStatus: 'Finished', localStatus: 'Success' }],
    ['pending', { invokeStatus: 'Running', localStatus: 'Pending' }],
    ['Scheduled', { invokeStatus: 'Running', localStatus: 'Scheduled' }],
    ['STOPPING', { invokeStatus: 'Running', localStatus: 'Stopping' }],
  ])('--status %s sends the InvokeStatus that covers it and keeps the rest as a local filter', (value, filters) => {
    expect(monitor(['--status', value]).filters).toEqual(filters);
  });

  it('reads polling values, including fractional intervals and the = form', () => {
    const o = monitor(['--interval', '0.5', '--page-size=1', '--history', '0', '--max-rps', '2.5']);
    expect(o).toMatchObject({ interval: 0.5, pageSize: 1, history: 0, maxRps: 2.5 });
    expect(monitor(['--page-size', '50', '--history', '100000']).history).toBe(100000);
  });

  it('--budget: calls a minute, default 1,000; a bad value is one line', () => {
    expect(monitor([]).budget).toBe(1000);
    expect(monitor(['--budget', '300']).budget).toBe(300);
    expect(usage(['--budget', '0'])).toBe('--budget must be an integer from 1 to 1000000 (got 0)');
    expect(usage(['--budget', 'lots'])).toBe('--budget must be an integer from 1 to 1000000 (got lots)');
  });

  it('picks the mode; --once --json is the JSON snapshot', () => {
    expect(monitor(['--once']).mode).toBe('once');
    expect(monitor(['--json']).mode).toBe('json');
    expect(monitor(['--once', '--json']).mode).toBe('json');
    expect(monitor(['--wait', '--invoke-id', 't-1'])).toMatchObject({ mode: 'wait', waitJson: false });
    expect(monitor(['--wait', '--json', '--invoke-id', 't-1'])).toMatchObject({ mode: 'wait', waitJson: true });
    expect(monitor(['--json']).waitJson).toBe(false);
    expect(monitor(['--no-color', '--read-only', '--demo'])).toMatchObject({ color: false, readOnly: true, demo: true });
    expect(monitor([]).names).toBe(true);
    expect(monitor(['--no-names']).names).toBe(false);
  });

  it('--clipboard is off by default and only for the live monitor', () => {
    expect([monitor([]).clipboard, monitor(['--clipboard']).clipboard]).toEqual([false, true]);
    expect(usage(['--clipboard', '--once'])).toMatch(/^--clipboard is for the live monitor \(y copies ids\); drop --once/);
  });

  it('answers help and version', () => {
    expect(parseArgs(['--help']).kind).toBe('help');
    expect(parseArgs(['-h']).kind).toBe('help');
    expect(parseArgs(['--version']).kind).toBe('version');
    expect(parseArgs(['-v']).kind).toBe('version');
    expect(parseArgs(['emulator', '--help']).kind).toBe('help');
  });

  it.each([
    [['--page-size', '0'], '--page-size must be an integer from 1 to 50 (got 0)'],
    [['--page-size', '51'], '--page-size must be an integer from 1 to 50 (got 51)'],
    [['--page-size', '2.5'], '--page-size must be an integer from 1 to 50 (got 2.5)'],
    [['--history', '-1'], '--history must be an integer from 0 to 100000'],
    [['--history', '100001'], '--history must be an integer from 0 to 100000 (got 100001)'],
    [['--interval', 'fast'], '--interval must be a number of seconds greater than 0'],
    [['--interval', '0'], '--interval must be a number of seconds greater than 0'],
    [['--interval', '-1'], '--interval must be a number of seconds greater than 0'],
    [['--max-rps', '0'], '--max-rps must be a number of requests a second greater than 0'],
    [['--status', 'Done'], '--status must be one of Running, Finished, Failed, PartialFailed, Stopped, Pending, Scheduled, Stopping, Success (got Done)'],
    [['--command-type', 'bash'], '--command-type must be one of RunShellScript, RunBatScript, RunPowerShellScript'],
    [['--timed', 'maybe'], '--timed takes true or false (got maybe)'],
    [['--invoke-id', ''], '--invoke-id needs a non-empty value'],
    [['--region', 'cn hangzhou'], '--region must be a region id of letters, digits and dashes'],
    [['--wait'], '--wait needs --invoke-id'],
    [['--wait', '--once', '--invoke-id', 't-1'], '--wait cannot be combined with --once'],
    [['--include-output', '--json'], '--include-output needs --invoke-id or --instance-id'],
    [['--include-output', '--invoke-id', 't-1'], '--include-output works with --json or --wait'],
    [['--vpc', '--endpoint', 'https://x.example'], '--vpc and --endpoint cannot be combined'],
    [['--allow-http'], '--allow-http only applies to an --endpoint'],
    [['--demo', '--region', 'cn-hangzhou'], '--demo runs against a built-in emulator; drop --region'],
    [['--regoin', 'cn-hangzhou'], 'unknown flag --regoin (did you mean --region?)'],
    [['-x'], 'unknown flag -x'],
    [['--region'], '--region needs a value'],
    [['stray'], 'unexpected argument stray; catop takes flags and the subcommands "emulator", "completion" and "help"; see catop --help'],
    [['--wait', 't-hz0jdfwd9f1234'], 'unexpected argument t-hz0jdfwd9f1234: did you mean --invoke-id t-hz0jdfwd9f1234?'],
    [['i-bp1abc'], 'unexpected argument i-bp1abc: did you mean --instance-id i-bp1abc?'],
  ])('refuses %j in one line', (args, expected) => {
    expect(usage(args)).toContain(expected);
  });
});

describe('parseArgs: the emulator subcommand', () => {
  it('defaults to 127.0.0.1, port 0, seed 1', () => {
    expect(parseArgs(['emulator'])).toEqual({ kind: 'emulator', options: { port: 0, host: '127.0.0.1', seed: 1, fleet: undefined, faults: undefined } });
  });

  it('reads port, host, seed, fleet and faults', () => {
    const parsed = parseArgs(['emulator', '--port', '8080', '--host', '0.0.0.0', '--seed', '7', '--fleet', '12', '--faults', 'throttle=0.1']);
    expect(parsed).toEqual({ kind: 'emulator', options: { port: 8080, host: '0.0.0.0', seed: 7, fleet: 12, faults: 'throttle=0.1' } });
  });

  it.each([
    [['emulator', '--port', '70000'], '--port must be an integer from 0 to 65535 (got 70000)'],
    [['emulator', '--fleet', '0'], '--fleet must be an integer from 1 to 10000'],
    [['emulator', '--seed', 'x'], '--seed must be an integer'],
    [['emulator', '--faults', ''], '--faults needs a spec'],
    [['emulator', '--once'], 'unknown flag --once'],
  ])('refuses %j in one line', (args, expected) => {
    expect(usage(args)).toContain(expected);
  });
});
