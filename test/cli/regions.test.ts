// Several regions: the --region list's parsing, and --once, --json and --wait through the built
// CLI against the emulator on loopback (one endpoint; RegionId selects the fleet).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { ensureBuilt, leakedSecrets, runCli } from './helpers/cli.js';
import { monitor, usage } from './helpers/parse.js';

describe('--region lists', () => {
  it('reads one region as before, a list in order (each once) and all', () => {
    expect(monitor(['--region', 'cn-hangzhou'])).toMatchObject({ region: 'cn-hangzhou' });
    expect(monitor(['--region', 'cn-hangzhou']).regions).toBeUndefined();
    expect(monitor(['--region', ' cn-shanghai , cn-hangzhou,cn-shanghai'])).toMatchObject({ region: 'cn-shanghai', regions: ['cn-shanghai', 'cn-hangzhou'] });
    // One id twice is one region.
    expect(monitor(['--region', 'cn-beijing,cn-beijing']).regions).toBeUndefined();
    const all = monitor(['--region', 'ALL']);
    expect(all.regions).toBe('all');
    expect(all.region).toBeUndefined();
    expect(monitor(['--region', 'cn-hangzhou,cn-beijing', '--wait', '--invoke-id', 't-1']).mode).toBe('wait');
  });

  it.each([
    [['--region', 'cn-hangzhou,,cn-beijing'], '--region takes region ids separated by commas, such as cn-hangzhou,cn-shanghai, or all'],
    [['--region', 'cn-hangzhou,cn hangzhou'], '--region must be a region id of letters, digits and dashes'],
    [['--region', 'a,b', '--runs', '--json', '--invoke-id', 't-1'], '--runs reads one region: pass one --region'],
    [['--region', 'all', '--groups', '--invoke-id', 't-1'], '--groups reads one region: pass one --region'],
    [['--region', 'a,b', '--once', '--format', '{running}'], '--format reads one region: pass one --region'],
  ])('%j: %s', (args, message) => {
    expect(usage(args)).toContain(message);
  });
});

let emu: RunningEmulator;
let home: HomeFixture;
let inShanghai: string;
let inHangzhou: string;

const env = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: '',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
};
const catop = (args: string[]) =>
  runCli(['--endpoint', emu.endpoint, ...args], {
    home: home.dir,
    env: { ...env, ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret },
  });

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
  const clock = new FakeClock();
  emu = await startEmulator({ clock, fleet: 4, seed: 7, moreRegions: ['cn-shanghai', 'cn-beijing'] });
  clock.advance(1_000);
  inHangzhou = emu.sim.runCommand({ name: 'hz-job', commandContent: 'true', pendingMs: 0, durationMs: 500, outcome: 'Success' });
  clock.advance(1_000);
  inShanghai = emu.simFor('cn-shanghai')!.runCommand({ name: 'sh-job', commandContent: 'false', pendingMs: 0, durationMs: 500, outcome: { status: 'Failed', exitCode: 1 } });
  clock.advance(60_000);
}, 180_000);

afterAll(async () => {
  await emu?.stop();
  home?.remove();
  expect(leakedSecrets([emu.accessKeySecret])).toEqual([]);
});

describe('--once, --json and --wait over several regions', () => {
  it('--once prints one table newest first with a REGION column', async () => {
    const r = await catop(['--region', 'cn-hangzhou,cn-shanghai,cn-beijing', '--once']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REGION\s+STATUS\s+INVOKE ID/);
    expect(lines[1]).toMatch(new RegExp(`^cn-shanghai\\s+Failed\\s+${inShanghai}`));
    expect(lines[2]).toMatch(new RegExp(`^cn-hangzhou\\s+Success\\s+${inHangzhou}`));
    expect(lines).toHaveLength(3);
  });

  it('--json gives each record its regionId; --region all asks DescribeRegions', async () => {
    const r = await catop(['--region', 'all', '--json', '--no-names']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { regionId: string; invokeId: string });
    expect(records.map((x) => [x.regionId, x.invokeId])).toEqual([
      ['cn-shanghai', inShanghai],
      ['cn-hangzhou', inHangzhou],
    ]);
  });

  it('--wait follows the InvokeId in whichever region has it, and says so in one line when none has', async () => {
    const r = await catop(['--region', 'cn-hangzhou,cn-shanghai', '--wait', '--invoke-id', inShanghai]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${inShanghai}  Failed`);
    const none = await catop(['--region', 'cn-hangzhou,cn-beijing', '--wait', '--invoke-id', inShanghai]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`catop: no invocation ${inShanghai} in regions cn-hangzhou, cn-beijing; check --invoke-id and --region\n`);
  });
});
