// `catop emulator` through the built CLI: what it prints, that a shell can eval its export lines
// and point catop at it, that it stops cleanly on SIGTERM/SIGINT, and its usage errors.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { CLI, childEnv, ensureBuilt, leakedSecrets, runCli, startCli } from './helpers/cli.js';

let home: HomeFixture;
const secrets: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  home = makeHome();
}, 180_000);

afterAll(() => {
  home?.remove();
  // The emulator prints its own demo key pair by design; nothing else may.
  expect(leakedSecrets(secrets)).toEqual([]);
});

function parseInfo(stdout: string) {
  const exports = Object.fromEntries([...stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
  return { exports, endpoint: /^endpoint: (\S+)$/m.exec(stdout)?.[1] ?? '' };
}

function refused(endpoint: string): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('catop emulator', () => {
  it('prints endpoint and export lines a shell can eval to point catop at it, and stops on SIGTERM', async () => {
    const emu = startCli(['emulator', '--port', '0', '--seed', '3', '--fleet', '8'], { home: home.dir });
    await emu.line(/^# catop --endpoint /);
    const { exports, endpoint } = parseInfo(emu.stdout());
    secrets.push(exports.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(exports)).toEqual(['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_REGION_ID']);
    expect(emu.stdout()).toContain(`\n# catop --endpoint ${endpoint}\n`);
    expect(emu.stdout()).toMatch(/^# more regions, each a fleet of its own \(RegionId selects one\): cn-shanghai, cn-beijing$/m);

    // What a person does: keep the printout, eval its export lines, run catop.
    const file = join(home.dir, 'emulator.txt');
    writeFileSync(file, emu.stdout());
    const shell = await promisify(execFile)('sh', ['-c', 'eval "$(grep ^export "$1")" && exec "$2" "$3" --endpoint "$4" --once', 'sh', file, process.execPath, CLI, endpoint], {
      env: childEnv(home.dir),
    });
    expect(shell.stdout.split('\n')[0]).toMatch(/^STATUS\s+INVOKE ID/);
    expect(shell.stdout.trimEnd().split('\n').length).toBeGreaterThan(10);
    expect(shell.stdout + shell.stderr).not.toContain(exports.ALIBABA_CLOUD_ACCESS_KEY_SECRET);

    emu.child.kill('SIGTERM');
    const r = await emu.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(await refused(endpoint)).toBe(true);
  });

  it('stops on SIGINT and listens on another loopback address with --host', async () => {
    const emu = startCli(['emulator', '--host', '127.0.0.2'], { home: home.dir });
    await emu.line(/^# catop --endpoint /);
    expect(parseInfo(emu.stdout()).endpoint).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    emu.child.kill('SIGINT');
    expect((await emu.done).code).toBe(0);
  });

  it('serves the faults it is asked for: a snapshot against constant throttling retries, then fails with exit 1', async () => {
    const emu = startCli(['emulator', '--faults', 'throttle=1'], { home: home.dir });
    await emu.line(/^# catop --endpoint /);
    const { exports, endpoint } = parseInfo(emu.stdout());
    secrets.push(exports.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
    const r = await runCli(['--endpoint', endpoint, '--once'], { home: home.dir, env: exports });
    emu.child.kill('SIGTERM');
    await emu.done;
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 3).every((l) => /^catop: Throttling\.User: .*; retrying in \d+\.\ds \(attempt \d of 4\)$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^catop: Throttling\.User: /);
    expect(lines).toHaveLength(4);
  });

  it('refuses a bad fault spec and a busy port with exit 2 and one line', async () => {
    const faults = await runCli(['emulator', '--faults', 'flood=1'], { home: home.dir });
    expect(faults).toEqual({
      code: 2,
      stdout: '',
      stderr: 'catop: --faults: unknown fault "flood": use one of throttle, error500, latency, reset, badgateway\n',
    });
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await runCli(['emulator', '--port', String(port)], { home: home.dir });
      expect(r).toEqual({ code: 2, stdout: '', stderr: `catop: --port ${port} is in use; pick another or use --port 0 for a free one\n` });
    } finally {
      busy.close();
    }
  });
});
