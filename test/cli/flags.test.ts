// Help, version and every bad value through the built CLI: exit 2, one line naming the flag and
// the allowed values, no stack trace, and no request reaches the endpoint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { ROOT, ensureBuilt, leakedSecrets, runCli } from './helpers/cli.js';

let emu: RunningEmulator;
let home: HomeFixture;

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
  emu = await startEmulator({ fleet: 2, seed: 5 });
}, 180_000);

afterAll(async () => {
  await emu?.stop();
  home?.remove();
  expect(leakedSecrets([emu.accessKeySecret])).toEqual([]);
});

const keys = () => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
  ALIBABA_CLOUD_REGION_ID: emu.regionId,
});

describe('--help and --version', () => {
  it('prints short grouped help with examples on stdout and exits 0', async () => {
    const r = await runCli(['--help'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const heading of ['Usage', 'Connection', 'Filters', 'Polling', 'Output modes', 'Other', 'Examples']) {
      expect(r.stdout).toMatch(new RegExp(`^${heading}`, 'm'));
    }
    for (const flag of ['--region', '--endpoint', '--allow-http', '--vpc', '--profile', '--invoke-id', '--command-id', '--command-name', '--command-type', '--instance-id', '--status', '--timed', '--interval', '--page-size', '--history', '--max-rps', '--once', '--json', '--include-output', '--wait', '--read-only', '--no-color', '--demo', '--version', 'catop emulator']) {
      expect(r.stdout, flag).toContain(flag);
    }
    expect(r.stdout.split('\n').length).toBeLessThan(60);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(79);
    expect((await runCli(['-h'], { home: home.dir })).stdout).toBe(r.stdout);
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'], { home: home.dir })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('has help for the emulator subcommand too', async () => {
    const r = await runCli(['emulator', '--help'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('catop emulator [--port N]');
  });
});

describe('bad flags and values', () => {
  it.each([
    [['--page-size', '0'], 'catop: --page-size must be an integer from 1 to 50 (got 0)'],
    [['--page-size', '51'], 'catop: --page-size must be an integer from 1 to 50 (got 51)'],
    [['--status', 'Done'], 'catop: --status must be one of Running, Finished, Failed, PartialFailed, Stopped, Pending, Scheduled, Stopping, Success (got Done)'],
    [['--interval', 'soon'], 'catop: --interval must be a number of seconds greater than 0 and at most 3600, e.g. 2 or 0.5 (got soon)'],
    [['--interval', '0'], 'catop: --interval must be a number of seconds greater than 0 and at most 3600, e.g. 2 or 0.5 (got 0)'],
    [['--history', '100001'], 'catop: --history must be an integer from 0 to 100000 (got 100001)'],
    [['--max-rps', 'lots'], 'catop: --max-rps must be a number of requests a second greater than 0 and at most 1000, e.g. 2 or 0.5 (got lots)'],
    [['--command-type', 'bash'], 'catop: --command-type must be one of RunShellScript, RunBatScript, RunPowerShellScript (got bash)'],
    [['--timed', 'sometimes'], 'catop: --timed takes true or false (got sometimes)'],
    [['--region', 'cn_hangzhou!'], 'catop: --region must be a region id of letters, digits and dashes such as cn-hangzhou (got cn_hangzhou!)'],
    [['--wait'], 'catop: --wait needs --invoke-id t-... (the invocation to wait for)'],
    [['--wait', '--once', '--invoke-id', 't-1'], 'catop: --wait cannot be combined with --once; pick one output mode'],
    [['--include-output', '--json'], 'catop: --include-output needs --invoke-id or --instance-id (the API returns output only for those)'],
    [['--pagesize', '5'], 'catop: unknown flag --pagesize (did you mean --page-size?); see catop --help'],
    [['--interval'], 'catop: --interval needs a value; see catop --help'],
    [['watch'], 'catop: unexpected argument watch; catop takes flags and the subcommands "emulator", "completion" and "help"; see catop --help'],
    [['--wait', 't-hz0jdfwd9f1234'], 'catop: unexpected argument t-hz0jdfwd9f1234: did you mean --invoke-id t-hz0jdfwd9f1234?'],
    [['--endpoint', 'ecs.example.com'], 'catop: --endpoint must be a URL such as https://ecs.cn-hangzhou.aliyuncs.com (got ecs.example.com)'],
    [['--demo', '--profile', 'work'], 'catop: --demo runs against a built-in emulator; drop --profile'],
    [['--invoke-id', 'bad\u001b[2Jid'], 'catop: --invoke-id needs a non-empty value of at most 256 printable characters (got "bad\\u001b[2Jid")'],
  ])('%j -> exit 2 and one line, before any request', async (args, line) => {
    const before = emu.requestCount();
    // An endpoint that would answer, so a request made by mistake would be counted.
    const extra = args.includes('--endpoint') || args.includes('--demo') ? [] : ['--endpoint', emu.endpoint];
    const r = await runCli([...extra, ...args], { home: home.dir, env: keys() });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
    expect(emu.requestCount()).toBe(before);
  });
});
