// --once, --json and --wait through the built CLI against the emulator on loopback. The emulator
// runs on a FakeClock in this process, so each invocation's outcome is known and time moves only
// when a test moves it (after the CLI has printed what it saw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { displayWidth } from '../../src/text/index.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { ensureBuilt, leakedSecrets, runCli, startCli } from './helpers/cli.js';

let emu: RunningEmulator;
let clock: FakeClock;
let home: HomeFixture;
const ids: Record<string, string> = {};
const HOSTILE_NAME = 'evil\u001b]0;pwned\u0007\u001b[2J\u009b31mname\u2028end';

function env(extra: Record<string, string> = {}) {
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: emu.regionId,
    ...extra,
  };
}

const catop = (args: string[], extra: Record<string, string> = {}) =>
  runCli(['--endpoint', emu.endpoint, ...args], { home: home.dir, env: env(extra) });

const dataRows = (stdout: string) => stdout.trimEnd().split('\n').slice(1);

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
  clock = new FakeClock();
  emu = await startEmulator({ clock, fleet: 6, seed: 7 });
  const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
  const at = (spec: Parameters<typeof emu.sim.runCommand>[0]) => {
    clock.advance(1_000);
    return emu.sim.runCommand({ pendingMs: 500, durationMs: 2_000, ...spec });
  };
  ids.disk = at({ name: 'disk-check', commandContent: 'df -h\n', instanceIds: linux.slice(0, 3), outcome: 'Success', output: 'Filesystem  Size\n/dev/vda1   40G\n' });
  ids.deploy = at({ name: 'deploy-app', commandContent: './deploy.sh', instanceIds: linux.slice(0, 2), outcome: ['Success', { status: 'Failed', exitCode: 2 }] });
  ids.broken = at({ name: 'broken-script', commandContent: 'exit 1', instanceIds: [linux[3]], outcome: { status: 'Failed', exitCode: 1 } });
  ids.hostile = at({ name: HOSTILE_NAME, commandContent: 'echo \u001b]52;c;aGk=\u0007', instanceIds: [linux[0]], outcome: 'Success', output: 'ok\u001b[31m red\u001b[0m\n' });
  ids.timed = at({ name: 'health-check', commandContent: 'curl -fs localhost/health', instanceIds: [linux[1]], frequency: 'rate(5m)' });
  clock.advance(60_000);
  ids.running = at({ name: 'long-tail', commandContent: 'tail -f /var/log/messages', instanceIds: [linux[2]], durationMs: 3_600_000 });
  clock.advance(5_000);
}, 180_000);

afterAll(async () => {
  await emu?.stop();
  home?.remove();
  expect(leakedSecrets([emu.accessKeySecret])).toEqual([]);
});

describe('--once', () => {
  it('prints an aligned table, newest first, with instance counts, and exits 0', async () => {
    const r = await catop(['--once']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STATUS\s+INVOKE ID\s+COMMAND\s+INSTANCES\s+OK\s+FAILED\s+ACTIVE\s+STOPPED\s+CREATED$/);
    const order = dataRows(r.stdout).map((l) => l.split(/\s+/)[1]);
    expect(order).toEqual([ids.running, ids.timed, ids.hostile, ids.broken, ids.deploy, ids.disk]);
    const row = (id: string) => dataRows(r.stdout).find((l) => l.includes(id))!.split(/\s{2,}/);
    expect(row(ids.disk)).toEqual(['Success', ids.disk, 'disk-check', '3', '3', '0', '0', '0', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)]);
    expect(row(ids.deploy).slice(0, 8)).toEqual(['PartialFailed', ids.deploy, 'deploy-app', '2', '1', '1', '0', '0']);
    expect(row(ids.broken).slice(0, 8)).toEqual(['Failed', ids.broken, 'broken-script', '1', '0', '1', '0', '0']);
    expect(row(ids.running).slice(0, 8)).toEqual(['Running', ids.running, 'long-tail', '1', '0', '0', '1', '0']);
    // Every CREATED cell starts at the same terminal column.
    const createdColumn = lines.map((l) => displayWidth(l.slice(0, l.search(/CREATED|\d{4}-\d\d-\d\dT/))));
    expect(new Set(createdColumn).size).toBe(1);
  });

  it('never lets terminal escapes from a CommandName through', async () => {
    const r = await catop(['--once']);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\u2028]/);
    const hostile = dataRows(r.stdout).find((l) => l.includes(ids.hostile))!;
    expect(hostile).toContain('evil');
    expect(hostile).toContain('name⏎end');
  });

  it('is what catop does when stdout is not a terminal', async () => {
    const plain = await catop([]);
    const once = await catop(['--once']);
    expect(plain.code).toBe(0);
    expect(dataRows(plain.stdout).map((l) => l.split(/\s+/)[1])).toEqual(dataRows(once.stdout).map((l) => l.split(/\s+/)[1]));
  });

  it('pages through every match, --page-size at a time, once each, newest first', async () => {
    const before = emu.requestCount();
    const r = await catop(['--once', '--page-size', '2']);
    expect(r.code).toBe(0);
    expect(emu.requestCount() - before).toBe(3);
    expect(dataRows(r.stdout).map((l) => l.split(/\s+/)[1])).toEqual([ids.running, ids.timed, ids.hostile, ids.broken, ids.deploy, ids.disk]);
    expect(r.stderr).toBe('');
  });

  it('stops at --history invocations and says how many there are and what to change', async () => {
    const before = emu.requestCount();
    const r = await catop(['--once', '--page-size', '2', '--history', '3']);
    expect(r.code).toBe(0);
    expect(emu.requestCount() - before).toBe(2);
    expect(dataRows(r.stdout).map((l) => l.split(/\s+/)[1])).toEqual([ids.running, ids.timed, ids.hostile]);
    expect(r.stderr).toBe('catop: showing the newest 3 of 6 invocations; narrow with filters or raise --history (max 100000)\n');
    // --history 0 still reads the first page.
    expect(dataRows((await catop(['--once', '--page-size', '2', '--history', '0'])).stdout)).toHaveLength(2);
  });

  it.each([
    [['--status', 'failed'], ['broken']],
    [['--status', 'PartialFailed'], ['deploy']],
    [['--status', 'Finished'], ['hostile', 'disk']],
    [['--status', 'Success'], ['hostile', 'disk']],
    [['--status', 'scheduled'], ['timed']],
    [['--status', 'Running'], ['running', 'timed']],
    [['--command-name', 'deploy-app'], ['deploy']],
    [['--timed'], ['timed']],
    [['--timed', 'false', '--status', 'Running'], ['running']],
  ])('filters with %j', async (args, expected) => {
    const r = await catop(['--once', ...args]);
    expect(r.code).toBe(0);
    expect(dataRows(r.stdout).map((l) => l.split(/\s+/)[1])).toEqual(expected.map((k) => ids[k]));
  });

  it('filters by --invoke-id, --instance-id, --command-id and --command-type', async () => {
    const deploy = emu.sim.record(ids.deploy)!;
    const broken = emu.sim.record(ids.broken)!;
    expect(dataRows((await catop(['--once', '--invoke-id', ids.deploy])).stdout)).toHaveLength(1);
    const byInstance = await catop(['--once', '--instance-id', broken.runs[0].inst.instanceId]);
    expect(dataRows(byInstance.stdout).map((l) => l.split(/\s+/)[1])).toContain(ids.broken);
    const byCommand = await catop(['--once', '--command-id', deploy.commandId]);
    expect(dataRows(byCommand.stdout).map((l) => l.split(/\s+/)[1])).toEqual([ids.deploy]);
    const byType = await catop(['--json', '--command-type', 'runshellscript']);
    const types = byType.stdout.trim().split('\n').map((l) => JSON.parse(l).commandType);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['RunShellScript']));
  });

  it('says so on stderr when nothing matches, and still exits 0', async () => {
    const r = await catop(['--once', '--command-name', 'no-such-command']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'catop: no invocations match (DescribeInvocations returned none)\n' });
  });

  it('accepts the live-only flags in --once', async () => {
    const r = await catop(['--once', '--interval', '0.5', '--history', '10', '--max-rps', '2', '--read-only', '--no-color']);
    expect(r.code).toBe(0);
    expect(dataRows(r.stdout)).toHaveLength(6);
  });
});

describe('--json', () => {
  it('prints one normalised invocation per line with decoded command content and no output', async () => {
    const r = await catop(['--json']);
    expect(r.code).toBe(0);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d.invokeId)).toEqual([ids.running, ids.timed, ids.hostile, ids.broken, ids.deploy, ids.disk]);
    const disk = docs.find((d) => d.invokeId === ids.disk);
    expect(disk).toMatchObject({ commandName: 'disk-check', commandContent: 'df -h\n', invocationStatus: 'Success', timed: false });
    expect(disk.instances).toHaveLength(3);
    expect(disk.instances.every((i: { output?: string }) => i.output === undefined)).toBe(true);
    expect(docs.find((d) => d.invokeId === ids.timed)).toMatchObject({ timed: true });
  });

  it('escapes every control character, so the file is inert, and keeps the exact text', async () => {
    const r = await catop(['--json', '--invoke-id', ids.hostile]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    const doc = JSON.parse(r.stdout);
    expect(doc.commandName).toBe(HOSTILE_NAME);
    expect(doc.commandContent).toBe('echo \u001b]52;c;aGk=\u0007');
  });

  it('adds the decoded output with --include-output and an --invoke-id', async () => {
    const r = await catop(['--json', '--include-output', '--invoke-id', ids.disk]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.instances.map((i: { output: string }) => i.output)).toEqual(Array(3).fill('Filesystem  Size\n/dev/vda1   40G\n'));
  });

  it('adds the output for an --instance-id too', async () => {
    const instanceId = emu.sim.record(ids.broken)!.runs[0].inst.instanceId;
    const r = await catop(['--json', '--include-output', '--instance-id', instanceId]);
    expect(r.code).toBe(0);
    for (const doc of r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))) {
      for (const i of doc.instances) expect(typeof i.output).toBe('string');
    }
  });
});

describe('--wait', () => {
  const waitFor = (invokeId: string, extra: string[] = []) =>
    startCli(['--endpoint', emu.endpoint, '--wait', '--invoke-id', invokeId, '--interval', '0.05', ...extra], { home: home.dir, env: env() });
  const statusLines = (stdout: string) => stdout.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}t-/.test(l));

  function twoInstances(outcome: Parameters<typeof emu.sim.runCommand>[0]['outcome']): string {
    const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
    return emu.sim.runCommand({ name: 'wait-me', commandContent: 'sleep 5', instanceIds: linux.slice(0, 2), pendingMs: 1_000, durationMs: 5_000, outcome, output: 'done\n' });
  }

  it('prints one timestamped line per change and exits 0 on Success', async () => {
    const id = twoInstances('Success');
    const run = waitFor(id);
    expect(await run.line(/Pending/)).toMatch(new RegExp(`^\\S+Z  ${id}  Pending  2 instances: 2 Pending$`));
    clock.advance(2_000);
    await run.line(/Running/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(statusLines(r.stdout).map((l) => l.split('  ').slice(2).join('  '))).toEqual([
      'Pending  2 instances: 2 Pending',
      'Running  2 instances: 2 Running',
      'Success  2 instances: 2 Success',
    ]);
    expect(r.stderr).toBe('');
  });

  it('exits 1 on Failed and names each failed instance with its error', async () => {
    const id = twoInstances({ status: 'Failed', exitCode: 3 });
    const run = waitFor(id);
    await run.line(/Pending/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(statusLines(r.stdout).at(-1)).toMatch(/ {2}Failed {2}2 instances: 2 Failed$/);
    expect(r.stdout).toMatch(/^ {2}i-\S+ Failed, ExitCodeNonzero, exit code 3: the command execution exit code is not zero$/m);
  });

  it('exits 1 on PartialFailed', async () => {
    const id = twoInstances(['Success', { errorCode: 'ExecutionTimeout' }]);
    const run = waitFor(id);
    await run.line(/Pending/);
    clock.advance(120_000);
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(statusLines(r.stdout).at(-1)).toMatch(/ {2}PartialFailed {2}2 instances: 1 Success, 1 Timeout$/);
    expect(r.stdout).toMatch(/^ {2}i-\S+ Timeout, ExecutionTimeout: the command execution has been timeout$/m);
  });

  it('exits 1 when the invocation is stopped', async () => {
    const id = twoInstances('Success');
    const run = waitFor(id);
    await run.line(/Pending/);
    clock.advance(2_000);
    await run.line(/Running/);
    emu.sim.stopInvocation(id);
    clock.advance(30_000);
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(statusLines(r.stdout).at(-1)).toMatch(/ {2}Stopped {2}2 instances: /);
  });

  it('prints each instance output at the end with --include-output', async () => {
    const id = twoInstances('Success');
    const run = waitFor(id, ['--include-output']);
    await run.line(/Pending/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- i-\S+ \(Success, exit code 0\) ---\ndone\n--- i-\S+ \(Success, exit code 0\) ---\ndone\n$/m);
  });

  it('--include-output marks text a CR hid and puts the cut marker where the service cut the text', async () => {
    const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
    const big = 'progress 10%\rfinished ok!\n' + Array.from({ length: 4000 }, (_, i) => `row ${String(i).padStart(4, '0')}`).join('\n') + '\n';
    const id = emu.sim.runCommand({ name: 'big-wait', commandContent: 'x', instanceIds: linux.slice(0, 1), pendingMs: 500, durationMs: 2_000, outcome: 'Success', output: big });
    const run = waitFor(id, ['--include-output']);
    await run.line(/Pending/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('↺ finished ok!');
    // The service keeps the first 24 KB: the marker follows the last line kept, and ends the output.
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toMatch(/^… [\d,]+ bytes dropped by the service \(24 KB limit\)$/);
    expect(lines.at(-3)).toMatch(/^row \d/);
    expect(lines.findIndex((l) => l.includes('bytes dropped'))).toBe(lines.length - 2);
  });

  it('--json prints the invocation as a JSON line at each change', async () => {
    const id = twoInstances({ status: 'Failed', exitCode: 3 });
    const run = waitFor(id, ['--json']);
    await run.line(/"invocationStatus":"Pending"/);
    clock.advance(2_000);
    await run.line(/"invocationStatus":"Running"/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(1);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d.invocationStatus)).toEqual(['Pending', 'Running', 'Failed']);
    expect(docs.every((d) => d.invokeId === id)).toBe(true);
    // Times as the API gives them: ISO 8601 UTC strings.
    expect(docs[2].creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(docs[2].instances[0].finishTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(docs[2].instances.map((i: { exitCode: number }) => i.exitCode)).toEqual([3, 3]);
    expect(docs[2].instances.every((i: { output?: string }) => i.output === undefined)).toBe(true);
  });

  it('--json --include-output ends with the final state and its output in one line', async () => {
    const id = twoInstances('Success');
    const run = waitFor(id, ['--json', '--include-output']);
    await run.line(/"invocationStatus":"Pending"/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(0);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(docs.at(-1)).toMatchObject({ invokeId: id, invocationStatus: 'Success' });
    expect(docs.at(-1).instances.map((i: { output: string }) => i.output)).toEqual(['done\n', 'done\n']);
    expect(docs.filter((d) => d.invocationStatus === 'Success')).toHaveLength(1);
  });

  it('backs off on throttling, saying so in one line, and carries on', async () => {
    const id = twoInstances('Success');
    emu.setFaults({ throttle: 1 });
    const run = waitFor(id);
    const stderrLine = await new Promise<string>((resolve) => {
      run.child.stderr!.on('data', (d: string) => resolve(d.split('\n')[0]));
    });
    expect(stderrLine).toMatch(/^catop: Throttling\.User: .*; retrying in \d+\.\ds \(attempt 2 of 10\)$/);
    emu.setFaults({});
    await run.line(/Pending/);
    clock.advance(10_000);
    const r = await run.done;
    expect(r.code).toBe(0);
  });

  it('exits 1 when the invocation does not exist', async () => {
    const run = waitFor('t-hznosuchthing0');
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`catop: no invocation t-hznosuchthing0 in region ${emu.regionId} (looked 3 times); check --invoke-id and --region\n`);
  });

  it('exits 3 when the credentials are refused', async () => {
    const r = await runCli(['--endpoint', emu.endpoint, '--wait', '--invoke-id', ids.disk], {
      home: home.dir,
      env: env({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret' }),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^catop: t-\S+: SignatureDoesNotMatch: .*\(RequestId [^)]+\); check the AccessKey/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain('not-the-secret');
  });

  it('says a scheduled invocation stays active, and ends when it is stopped', async () => {
    const run = waitFor(ids.timed);
    await run.line(/ t-\S+ {2}(Running|Scheduled) {2}/);
    emu.sim.stopInvocation(ids.timed);
    clock.advance(30_000);
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`catop: ${ids.timed} is a scheduled invocation: it stays active until it is stopped or its schedule ends\n`);
    expect(statusLines(r.stdout).at(-1)).toMatch(/ {2}Stopped {2}1 instance: 1 /);
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const id = twoInstances('Success');
    const run = waitFor(id);
    await run.line(/Pending/);
    run.child.stdout!.destroy();
    clock.advance(2_000);
    const r = await run.done;
    expect(r.code).toBe(141);
    expect(r.stderr).toBe('');
  });
});
