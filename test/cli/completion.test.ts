// `catop help`, `catop emulator --help` and `catop completion bash|zsh|fish` through the built CLI.
// The bash script is loaded into a real bash and asked for completions as bash would.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagNames } from '../../src/config/args.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const run = promisify(execFile);
let home: HomeFixture;

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome({
    aliyun: {
      current: 'work',
      profiles: [
        { name: 'work', mode: 'AK', access_key_id: 'LTAI-not-a-key', access_key_secret: 'not-a-secret', region_id: 'cn-hangzhou' },
        { name: 'sg', mode: 'AK', access_key_id: 'LTAI-not-a-key', access_key_secret: 'not-a-secret', region_id: 'ap-southeast-1' },
        { name: '$(touch /tmp/catop-pwned)', mode: 'AK', region_id: 'x"; rm -rf ~; "' },
      ],
    },
  });
}, 180_000);

afterAll(() => home?.remove());

describe('help', () => {
  it('catop help is catop --help', async () => {
    const help = await runCli(['help'], { home: home.dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runCli(['--help'], { home: home.dir })).stdout);
  });

  it('catop emulator --help explains its flags and the --faults grammar, within 80 columns', async () => {
    const r = await runCli(['emulator', '--help'], { home: home.dir });
    expect(r.code).toBe(0);
    for (const flag of flagNames().emulator) expect(r.stdout).toContain(flag.flag);
    for (const key of ['throttle=RATE', 'error500=RATE', 'reset=RATE', 'badgateway=RATE', 'latency=MIN-MAX']) expect(r.stdout).toContain(key);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(79);
    expect((await runCli(['help', 'emulator'], { home: home.dir })).stdout).toBe(r.stdout);
  });

  it('refuses a completion without a shell in one line', async () => {
    expect(await runCli(['completion'], { home: home.dir })).toEqual({ code: 2, stdout: '', stderr: 'catop: completion needs a shell: catop completion bash|zsh|fish\n' });
    expect((await runCli(['completion', 'tcsh'], { home: home.dir })).stderr).toBe('catop: completion needs a shell: catop completion bash|zsh|fish (got tcsh)\n');
  });
});

describe('catop completion bash', () => {
  let script = '';
  beforeAll(async () => {
    const r = await runCli(['completion', 'bash'], { home: home.dir });
    expect(r.code).toBe(0);
    script = r.stdout;
  });

  /** What bash offers for the words of a command line, the last one being completed. */
  async function complete(...words: string[]): Promise<string[]> {
    const line = words.map((w) => `'${w}'`).join(' ');
    const { stdout } = await run('bash', ['--norc', '-c', `${script}\nCOMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _catop; printf '%s\\n' "\${COMPREPLY[@]}"`]);
    return stdout.split('\n').filter(Boolean);
  }

  it('completes subcommands and every flag', async () => {
    const first = await complete('catop', '');
    expect(first).toEqual(expect.arrayContaining(['emulator', 'completion', 'help', ...flagNames().monitor.map((f) => f.flag)]));
    expect(await complete('catop', '--st')).toEqual(['--status']);
    expect(await complete('catop', 'emulator', '--')).toEqual(flagNames().emulator.map((f) => f.flag));
  });

  it('completes the values catop knows, and the regions and profiles of the aliyun configuration', async () => {
    expect(await complete('catop', '--status', '')).toEqual(['Running', 'Finished', 'Failed', 'PartialFailed', 'Stopped']);
    expect(await complete('catop', '--command-type', 'RunP')).toEqual(['RunPowerShellScript']);
    expect(await complete('catop', '--theme', '')).toEqual(['auto', 'dark', 'light']);
    expect(await complete('catop', '--region', '')).toEqual(['ap-southeast-1', 'cn-hangzhou']);
    expect(await complete('catop', '--profile', '')).toEqual(['sg', 'work']);
    expect(await complete('catop', '--interval', '')).toEqual([]);
    expect(await complete('catop', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('leaves out names from the configuration that are not plain words (the shell runs the script)', () => {
    expect(script).not.toContain('pwned');
    expect(script).not.toContain('rm -rf');
  });
});

describe('catop completion zsh and fish', () => {
  it('name every flag and the known values', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await runCli(['completion', shell], { home: home.dir });
      expect(r.code).toBe(0);
      for (const f of [...flagNames().monitor, ...flagNames().emulator]) expect(r.stdout).toContain(shell === 'fish' ? `-l ${f.flag.slice(2)}` : `'${f.flag}`);
      for (const v of ['PartialFailed', 'RunBatScript', 'light', 'cn-hangzhou', 'ap-southeast-1']) expect(r.stdout).toContain(v);
      expect(r.stdout).not.toContain('pwned');
    }
  });
});
