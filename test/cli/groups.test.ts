// --groups: an invocation's instances grouped by result, through the built CLI against the
// emulator on loopback (a FakeClock in this process), and fetchGroups' paging and pacing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { fetchGroups } from '../../src/cli/groups.js';
import type { Output, Timing } from '../../src/cli/io.js';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { ensureBuilt, leakedSecrets, runCli } from './helpers/cli.js';

let emu: RunningEmulator;
let clock: FakeClock;
let home: HomeFixture;
let done: string;
let running: string;
const N = 120;

const catop = (args: string[], env: Record<string, string> = {}) =>
  runCli(['--endpoint', emu.endpoint, ...args], {
    home: home.dir,
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
      ALIBABA_CLOUD_REGION_ID: emu.regionId,
      ...env,
    },
  });

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
  clock = new FakeClock();
  emu = await startEmulator({ clock, fleet: N, seed: 7 });
  const ids = emu.sim.fleet.map((i) => i.instanceId);
  // Most print the same but for a timestamp; every 10th fails alike; one prints something else.
  done = emu.sim.runCommand({
    name: 'uptime-all',
    commandContent: 'uptime',
    instanceIds: ids,
    pendingMs: 100,
    durationMs: 1_000,
    outcome: ids.map((_, k) =>
      k % 10 === 3
        ? { status: 'Failed' as const, exitCode: 1, errorCode: 'ExitCodeNonzero', output: 'error: disk full\n' }
        : k === 7
          ? { status: 'Success' as const, output: 'kernel panic averted\n' }
          : { status: 'Success' as const, output: `up at 2026-11-28T08:0${k % 10}:00Z\n` },
    ),
  });
  clock.advance(10_000);
  running = emu.sim.runCommand({ name: 'long', commandContent: 'sleep 600', instanceIds: ids.slice(0, 3), pendingMs: 100, durationMs: 600_000, output: 'working\n' });
  clock.advance(5_000);
}, 180_000);

afterAll(async () => {
  await emu?.stop();
  home?.remove();
  expect(leakedSecrets([emu.accessKeySecret])).toEqual([]);
});

describe('--groups', () => {
  it('--json prints one JSON line per group, worst first, final once the invocation ended', async () => {
    const r = await catop(['--invoke-id', done, '--groups', '--json', '--max-rps', '1000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs.map((d) => [d.status, d.exitCode, d.errorCode, d.count])).toEqual([
      ['Failed', 1, 'ExitCodeNonzero', 12],
      ['Success', 0, null, 107],
      ['Success', 0, null, 1],
    ]);
    for (const d of docs) {
      // `instances`: each member with its names, as the emulator's DescribeInstances gives them.
      expect(Object.keys(d)).toEqual(['status', 'exitCode', 'errorCode', 'fingerprint', 'count', 'instanceIds', 'sample', 'final', 'instances']);
      expect((d.instances as { instanceId: string }[]).map((i) => i.instanceId)).toEqual(d.instanceIds);
      expect(d.final).toBe(true);
      expect((d.instanceIds as string[]).length).toBe(d.count);
    }
    expect(docs[2].sample).toBe('kernel panic averted\n');
  });

  it('--group-by strict splits what differs only by a timestamp; loose and masked agree here', async () => {
    const strict = await catop(['--invoke-id', done, '--groups', '--json', '--group-by', 'strict', '--max-rps', '1000']);
    expect(strict.stdout.trimEnd().split('\n')).toHaveLength(1 + 9 + 1);
    const loose = await catop(['--invoke-id', done, '--groups', '--json', '--group-by', 'loose', '--max-rps', '1000']);
    expect(loose.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('prints a table: count, status, exit, error, sample first line, ids cut to fit', async () => {
    const r = await catop(['--invoke-id', done, '--groups', '--max-rps', '1000']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^COUNT\s+STATUS\s+EXIT\s+ERROR\s+SAMPLE\s+INSTANCES$/);
    expect(lines[1]).toMatch(/^\s*12\s+Failed\s+1\s+ExitCodeNonzero\s+error: disk full\s+i-\S+( |, .* )\+\d+ more$/);
    expect(lines[3]).toContain('kernel panic averted');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(120);
  });

  it('groups alike without WebAssembly (node --jitless: the template walk in JavaScript alone)', async () => {
    const args = ['--invoke-id', done, '--groups', '--json', '--max-rps', '1000'];
    const groupsOf = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as { fingerprint: string; count: number; instanceIds: string[] });
    const jitless = await catop(args, { NODE_OPTIONS: '--jitless' });
    expect(jitless.code).toBe(0);
    expect(groupsOf(jitless.stdout)).toEqual(groupsOf((await catop(args)).stdout));
  });

  it('works for an invocation still running: "final": false', async () => {
    const r = await catop(['--invoke-id', running, '--groups', '--json', '--max-rps', '1000']);
    expect(r.code).toBe(0);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs.map((d) => [d.status, d.count, d.final])).toEqual([['Running', 3, false]]);
  });

  it('says in one line what to do with a bad --group-by or without --invoke-id', async () => {
    const bad = await catop(['--invoke-id', done, '--groups', '--group-by', 'fuzzy']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('catop: --group-by must be strict, masked, loose (got fuzzy)');
    const alone = await catop(['--groups']);
    expect(alone.code).toBe(2);
    expect(alone.stderr.trim().split('\n')).toHaveLength(1);
    expect(alone.stderr).toContain('--groups needs --invoke-id');
  });
});

describe('fetchGroups', () => {
  it('reads ceil(N/50) pages of 50, one call per 1/--max-rps seconds', async () => {
    const api = new EcsClient({
      regionId: emu.regionId,
      endpoint: emu.endpoint,
      credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    });
    const sleeps: number[] = [];
    const timing: Timing = { now: () => clock.now(), sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 };
    const output: Output = { out: () => undefined, err: () => undefined };
    const before = api.calls;
    const result = await fetchGroups(api, { invokeId: done, mode: 'masked', format: 'json', maxRps: 4 }, timing, output);
    expect(result?.pages).toBe(Math.ceil(N / 50));
    // One DescribeInvocations for the invocation, the names 100 ids a call, then the pages of
    // 50: each call after a 250 ms gap.
    expect(api.calls - before).toBe(1 + Math.ceil(N / 100) + Math.ceil(N / 50));
    expect(sleeps).toEqual(Array(Math.ceil(N / 100) + Math.ceil(N / 50)).fill(250));
    expect(result?.groups.map((g) => g.count)).toEqual([12, 107, 1]);
  });
});
