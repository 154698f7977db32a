// R against a stand-in that refuses the re-run: the footer says why in one message, with what to
// do, and without the secret the endpoint echoed; the screen stays where it was.
import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorBody, closeStandIns, sendJson, serveCommands, standIn, wireInvocation } from '../helpers/standIn.js';
import { KEY, T0, fixtureForEachTest, renderApp, restartFixture, selectedLine } from './fixture.js';

const fx = fixtureForEachTest();
afterEach(() => closeStandIns());

const SECRET = 'ui-standin-secret-value';

describe('re-run refused by the endpoint', () => {
  it('flashes the Code and a hint, never the secret; nothing opens', async () => {
    const created = new Date(T0 - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const server = await standIn(
      serveCommands([wireInvocation({ InvokeId: 't-standinrefused', CreationTime: created, InvocationStatus: 'Failed', instances: [{}, {}] })], (_req, res) =>
        sendJson(res, 404, apiErrorBody('InvalidInstance.NotFound', `The specified instance does not exist (signed with ${SECRET}).`)),
      ),
    );
    await restartFixture(fx, { endpoint: server.endpoint, accessKeySecret: SECRET });
    const screen = renderApp(fx, { columns: 160 });
    await fx.tick();
    await screen.waitFor((f) => f.includes('INVOKE ID') && selectedLine(f) !== undefined, 'with rows');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes('INSTANCE ID') && selectedLine(f) !== undefined, 'of the invocation');
    screen.press('R');
    await screen.waitFor((f) => f.includes('Re-run stand-in on 2 instances?'), 'the confirm');
    screen.press('y');
    const frame = await screen.waitFor((f) => f.includes('re-run failed: InvalidInstance.NotFound'), 'the refusal');
    // The message may wrap in the footer.
    expect(frame.replace(/\s+/g, ' ')).toContain('(leave out stopped or released instances: u clears the marks, Space marks)');
    expect(frame).not.toContain(SECRET);
    expect(frame).toContain('Invocations › t-standinrefused');
    expect(server.count('InvokeCommand')).toBe(1);
    expect(server.count('RunCommand')).toBe(0);
  });
});
