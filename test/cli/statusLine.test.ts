// `--once --format TEMPLATE` through the built CLI: the values against the emulator on a FakeClock
// (each outcome known), the number of calls, and the short markers for errors against the
// stand-in (which answers what the emulator would not: a throttle on every call, a refused key).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { apiErrorBody, closeStandIns, HOSTILE, oldInvocations, sendJson, serveInvocations, standIn, wireInvocation } from '../helpers/standIn.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { ensureBuilt, leakedSecrets, runCli } from './helpers/cli.js';

let emu: RunningEmulator;
let home: HomeFixture;
const HOSTILE_NAME = 'evil\u001b]0;pwned\u0007\u001b[2J\u009b31m#[fg=red]name\u2028end';
const ALL = '{running}|{pending}|{failed}|{partial}|{success}|{stopped}|{total}|{region}|{latest.status}|{latest.name}';

const emuEnv = () => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
  ALIBABA_CLOUD_REGION_ID: emu.regionId,
});
const standInEnv = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'STANDINKEY', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'standin-secret', ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' };

async function counted(args: string[]) {
  const before = emu.requestCount();
  const r = await runCli(['--endpoint', emu.endpoint, ...args], { home: home.dir, env: emuEnv() });
  return { ...r, calls: emu.requestCount() - before };
}

const atStandIn = (endpoint: string, args: string[], env: Record<string, string | undefined> = standInEnv) =>
  runCli(['--endpoint', endpoint, '--once', ...args], { home: home.dir, env });

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
  const clock = new FakeClock();
  emu = await startEmulator({ clock, fleet: 6, seed: 7 });
  const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
  const at = (spec: Parameters<typeof emu.sim.runCommand>[0]) => {
    clock.advance(1_000);
    return emu.sim.runCommand({ pendingMs: 500, durationMs: 2_000, ...spec });
  };
  at({ name: 'disk-check', commandContent: 'df -h', instanceIds: linux.slice(0, 3), outcome: 'Success' });
  at({ name: 'uptime', commandContent: 'uptime', instanceIds: [linux[0]], outcome: 'Success' });
  at({ name: 'deploy-app', commandContent: './deploy.sh', instanceIds: linux.slice(0, 2), outcome: ['Success', { status: 'Failed', exitCode: 2 }] });
  at({ name: 'broken-script', commandContent: 'exit 1', instanceIds: [linux[3]], outcome: { status: 'Failed', exitCode: 1 } });
  clock.advance(60_000);
  at({ name: 'long-tail', commandContent: 'tail -f /var/log/messages', instanceIds: [linux[2]], durationMs: 3_600_000 });
  at({ name: 'queued', commandContent: 'sleep 1', instanceIds: [linux[1]], pendingMs: 3_600_000 });
  at({ name: HOSTILE_NAME, commandContent: 'sleep 1', instanceIds: [linux[0]], durationMs: 3_600_000 });
  clock.advance(5_000);
}, 180_000);

afterAll(async () => {
  await emu?.stop();
  home?.remove();
  expect(leakedSecrets([emu.accessKeySecret, 'standin-secret'])).toEqual([]);
});
afterEach(closeStandIns);

describe('--once --format against the emulator', () => {
  it('fills every placeholder in one line from at most two calls, the newest name made safe', async () => {
    const r = await counted(['--once', '--format', ALL]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.calls).toBeLessThanOrEqual(2);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028]/);
    const [running, pending, failed, partial, success, stopped, total, region, status, name] = r.stdout.slice(0, -1).split('|');
    expect({ running, pending, failed, partial, success, stopped, total, region, status }).toEqual({
      running: '2',
      pending: '1',
      failed: '1',
      partial: '1',
      success: '2',
      stopped: '0',
      total: '7',
      region: emu.regionId,
      status: 'Running',
    });
    expect(name).toContain('evil');
    expect(name).toContain('name');
    expect(name).not.toContain('#');
  });

  it('keeps literal text and {{ }} braces around the values', async () => {
    const r = await counted(['--once', '--format', '▶{running} ✗{failed} {{x}}']);
    expect(r.stdout).toBe('▶2 ✗1 {x}\n');
  });

  it('counts what --status asks for in one call', async () => {
    const r = await counted(['--once', '--status', 'Failed', '--format', '{failed}/{total} {running}']);
    expect(r.stdout).toBe('1/1 0\n');
    expect(r.calls).toBe(1);
  });

  it('rejects an unknown placeholder with one line and exit 2, before any call', async () => {
    const r = await counted(['--once', '--format', '{runing} up']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^catop: --format: unknown placeholder \{runing\}; placeholders are \{running\}/);
    expect(r.calls).toBe(0);
  });

  it.each([
    [['--format', '{failed}'], /--format works with --once/],
    [['--json', '--format', '{failed}'], /--format works with --once/],
    [['--once', '--format', '{failed'], /an unclosed \{/],
    [['--once', '--format', 'a}b'], /a \} without its \{/],
    [['--once', '--format', 'a\nb'], /one line of printable text/],
  ])('%j is a one-line usage error', async (args, message) => {
    const r = await counted(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.calls).toBe(0);
  });
});

describe('--once --format calls and markers against the stand-in', () => {
  it('reads page 1 and one Running listing when page 1 does not hold everything', async () => {
    // The one running invocation is older than page 1: only the Running listing finds it.
    const old = new Date(Date.now() - 86_400_000).toISOString();
    const all = [...oldInvocations(120, 60_000), wireInvocation({ InvokeId: 't-run', CreationTime: old, InvocationStatus: 'Running', InvokeStatus: 'Running' })];
    const s = await standIn(serveInvocations(all));
    const r = await atStandIn(s.endpoint, ['--format', '{running} {success} {total}']);
    expect(r.stdout).toBe('1 50 121\n');
    expect(s.seen.map((q) => q.params.get('InvokeStatus'))).toEqual([null, 'Running']);
  });

  it('makes one call when page 1 holds every invocation', async () => {
    const s = await standIn(serveInvocations(oldInvocations(3, 60_000)));
    const r = await atStandIn(s.endpoint, ['--format', '{success}']);
    expect(r.stdout).toBe('3\n');
    expect(s.count()).toBe(1);
  });

  it('prints catop: throttled on stdout and exits 1 without retrying', async () => {
    const s = await standIn(HOSTILE.hugeRetryAfter);
    const r = await atStandIn(s.endpoint, ['--format', '{failed}']);
    expect(r).toMatchObject({ code: 1, stdout: 'catop: throttled\n' });
    expect(r.stderr).toMatch(/^catop: Throttling\.User/);
    expect(s.count()).toBe(1);
  });

  it('prints catop: auth and exits 3 for a refused key', async () => {
    const s = await standIn((_q, res) => sendJson(res, 403, apiErrorBody('Forbidden.RAM', 'User not authorized to operate on the specified resource.')));
    const r = await atStandIn(s.endpoint, ['--format', '{failed}']);
    expect(r).toMatchObject({ code: 3, stdout: 'catop: auth\n' });
  });

  it('prints catop: auth and exits 3 when no credentials are found', async () => {
    const r = await atStandIn('http://127.0.0.1:9', ['--format', '{failed}'], { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(r).toMatchObject({ code: 3, stdout: 'catop: auth\n' });
  });

  it('prints catop: unreachable and exits 1 when nothing listens', async () => {
    const s = await standIn(serveInvocations([]));
    await s.close();
    const r = await atStandIn(s.endpoint, ['--format', '{failed}']);
    expect(r).toMatchObject({ code: 1, stdout: 'catop: unreachable\n' });
  });
});
