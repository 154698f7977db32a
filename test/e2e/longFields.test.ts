// The built CLI against an endpoint whose ids and names are a million characters long: the list
// draws, Enter opens the invocation, `q` quits at once. Before the fields were cut at the source,
// Enter spun the CPU for minutes and no key or signal got through.
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { closeStandIns, longFields, standIn } from '../helpers/standIn.js';
import { ensureBuilt, spawnCli } from '../helpers/terminalCli.js';
import type { TerminalSession } from '../helpers/terminal.js';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(() => ensureBuilt(), 240_000);
let session: TerminalSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  await closeStandIns();
});

it('a 1,000,000-character InvokeId, InstanceId, CommandName, Frequency and Username: the row opens and q quits', async () => {
  const s = await standIn(longFields(1_000_000));
  session = spawnCli(['--endpoint', s.endpoint, '--region', 'cn-hangzhou', '--interval', '30'], {
    cols: 120,
    rows: 30,
    label: 'long fields',
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tSTANDIN',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'standin-secret',
      ALIBABA_CLOUD_PROFILE: undefined,
      ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
      HOME: '/nonexistent-catop-e2e-home',
    },
  });
  await session.waitForText(/t-aaaaaaaa/);
  session.press('enter');
  await session.waitForText(/INSTANCE ID\s+(?:NAME\s+IP\s+)?STATUS/);
  await session.waitForText(/i-bbbbbbbb/);
  // The invocation screen is up with the command's name on it.
  expect(session.screen()).toMatch(/nnnn/);
  session.press('q');
  expect((await session.waitForExit()).exitCode).toBe(0);
});
