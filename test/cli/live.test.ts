// The live monitor through the built CLI in a real pseudo-terminal: --demo (what `npm start` runs)
// and an account profile pointed at the emulator. Each quits with q and restores the terminal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { spawnTerminal, type TerminalSession } from '../helpers/terminal.js';
import { makeHome, type HomeFixture } from './helpers/home.js';
import { CLI, ensureBuilt, leakedSecrets, runCli } from './helpers/cli.js';

let home: HomeFixture;
let emu: RunningEmulator;
const sessions: TerminalSession[] = [];
const WRONG = 'catopLiveWrongSecret-91';

// No credentials, profile or region from the machine running the tests.
const clean = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: undefined,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined,
  ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
  ALIBABA_CLOUD_PROFILE: undefined,
  ALIBABA_CLOUD_REGION_ID: undefined,
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
};

function catop(args: string[], env: Record<string, string | undefined> = {}): TerminalSession {
  const s = spawnTerminal(process.execPath, [CLI, ...args], { cols: 120, rows: 32, env: { ...clean, HOME: home.dir, ...env } });
  sessions.push(s);
  return s;
}

beforeAll(async () => {
  await ensureBuilt();
  emu = await startEmulator({ fleet: 4, seed: 21, invocations: 6 });
  home = makeHome({
    aliyun: {
      current: 'work',
      profiles: [{ name: 'work', mode: 'AK', access_key_id: emu.accessKeyId, access_key_secret: emu.accessKeySecret, region_id: emu.regionId }],
    },
  });
}, 180_000);

afterEach(async () => {
  const done = sessions.splice(0);
  await Promise.all(done.map((s) => s.close()));
  // Everything the child wrote to the terminal, not only what is left on screen.
  for (const s of done) {
    expect(s.raw).not.toContain(emu.accessKeySecret);
    expect(s.raw).not.toContain(WRONG);
  }
});

afterAll(async () => {
  await emu?.stop();
  home?.remove();
  expect(leakedSecrets([emu.accessKeySecret, WRONG])).toEqual([]);
});

describe('live monitor', () => {
  it('--demo runs the UI against the built-in emulator, says DEMO, and quits with q', async () => {
    const s = catop(['--demo']);
    await s.waitForText('DEMO');
    await s.waitForText(/t-hz\w{12}/);
    expect(s.altScreen).toBe(true);
    s.press('q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    expect(s.altScreen).toBe(false);
  });

  it('connects with the aliyun CLI profile: region and endpoint in the header, invocations listed', async () => {
    const s = catop(['--endpoint', emu.endpoint]);
    await s.waitForText(emu.endpoint);
    await s.waitForText(/t-hz\w{12}/);
    expect(s.screen()).toContain(emu.regionId);
    expect(s.screen()).not.toContain('DEMO');
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('shows a refused AccessKey on screen, never the secret', async () => {
    const s = catop(['--endpoint', emu.endpoint, '--region', emu.regionId], { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG });
    await s.waitForText('SignatureDoesNotMatch');
    s.press('q');
    await s.waitForExit();
  });

  it('--demo without a terminal prints one snapshot instead', async () => {
    const r = await runCli(['--demo'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^STATUS\s+INVOKE ID\s+COMMAND/);
    // The demo's few hundred invocations, every page of them.
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((l) => l.split(/\s+/)[1])).size).toBe(rows.length);
    expect(r.stderr).toBe('');
  });
});
