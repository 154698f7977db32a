// The output screen against a loopback stand-in serving what our emulator never sends: ids that
// hold path characters and non-ASCII, and one line of 20,000 characters (twice the display cut,
// within the 24 KB the service keeps) with the text to find at its end.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStandIns, serveInvocations, standIn, wireInvocation } from '../helpers/standIn.js';
import { KEY, T0, fixtureForEachTest, renderApp, restartFixture, selectedLine } from './fixture.js';

const fx = fixtureForEachTest();
afterEach(() => closeStandIns());

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('output from a stand-in', () => {
  it('finds text at the end of a 20,000-character line, and saves the raw output under a safe, distinct name', async () => {
    const raw = 'x'.repeat(20_000) + 'NEEDLE-at-the-end\nprogress 10%\rfinished ok!\n\u202Eabc\u202C\n';
    const invokeId = 't-../../evil/é';
    const instanceId = 'i-a/b';
    const server = await standIn(
      serveInvocations([
        wireInvocation({
          InvokeId: invokeId,
          CreationTime: iso(T0 - 60_000),
          instances: [{ InstanceId: instanceId, Output: Buffer.from(raw).toString('base64') }],
        }),
      ]),
    );
    await restartFixture(fx, { endpoint: server.endpoint });
    const dir = mkdtempSync(join(tmpdir(), 'catop-ui-'));
    try {
      const screen = renderApp(fx, { columns: 100, saveDir: dir });
      await fx.tick();
      await screen.waitFor((f) => f.includes('INVOKE ID') && selectedLine(f) !== undefined, 'with rows');
      screen.press(KEY.enter);
      await screen.waitFor((f) => f.includes('INSTANCE ID') && selectedLine(f) !== undefined, 'of the invocation');
      screen.press(KEY.enter);
      await fx.poller.idle();
      await fx.tick();
      await screen.waitFor((f) => f.includes('finished ok!'), 'with the output');
      screen.press('/');
      await screen.waitFor((f) => f.includes('search:'), 'with the search prompt');
      screen.press('needle\r');
      const frame = await screen.waitFor((f) => f.includes('"needle" 1/1'), 'on the match');
      expect(frame.split('\n').find((l) => l.includes('NEEDLE'))).toMatch(/^▸ …x+NEEDLE-at-the-end$/);

      screen.press('e');
      await screen.waitFor((f) => f.includes('saved '), 'saved');
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^catop-t-.._.._evil__-i-a_b-[0-9a-f]{10}\.log$/);
      expect(readFileSync(join(dir, files[0]), 'utf8')).toBe(raw);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
