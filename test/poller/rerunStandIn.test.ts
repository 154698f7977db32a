// Re-run against endpoints our emulator would never be: an error reply (with the caller's key
// echoed in it), a 200 that starts nothing, and a new invocation the service lists only later.
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/ui/errorText.js';
import { apiErrorBody, HOSTILE, sendJson, serveCommands, wireInvocation, type StandInHandler } from '../helpers/standIn.js';
import { pollerOnStandIn, stopPollersAfterEach } from './standInPoller.js';

stopPollersAfterEach();

const SOURCE = wireInvocation({ InvokeId: 't-standinsource1', InvocationStatus: 'Failed', instances: [{}, {}] });

async function withSource(commands: StandInHandler, extra: Record<string, unknown>[] = []) {
  const on = await pollerOnStandIn(serveCommands([SOURCE, ...extra], commands));
  await on.poller.tickOnce();
  expect(on.store.getState().invocations.has('t-standinsource1')).toBe(true);
  return on;
}

describe('re-run: what the endpoint answers', () => {
  it('an error reply rejects with its Code in one line, the keys redacted; nothing else is tried', async () => {
    const { s, poller } = await withSource((_req, res) =>
      sendJson(res, 403, apiErrorBody('Forbidden.RAM', 'User LTAI5tSTANDIN with secret standin-secret is not authorized to operate InvokeCommand')),
    );
    const err = await poller.rerun('t-standinsource1', ['i-standin0000', 'i-standin0001']).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ApiError', code: 'Forbidden.RAM', retryable: false });
    const line = errorText(err);
    expect(line).toContain('Forbidden.RAM');
    expect(line).not.toMatch(/standin-secret|LTAI5tSTANDIN/);
    expect(line).not.toMatch(/\n/);
    // Not a missing command: no RunCommand after it.
    expect([s.count('InvokeCommand'), s.count('RunCommand')]).toEqual([1, 0]);
    expect(s.seen.find((r) => r.action === 'InvokeCommand')?.params.get('CommandId')).toBe('c-standin0001');
  });

  it('a 200 without an InvokeId is a malformed answer, not a silent success', async () => {
    const { poller } = await withSource(HOSTILE.noInvokeId);
    await expect(poller.rerun('t-standinsource1', ['i-standin0000'])).rejects.toMatchObject({ code: 'MalformedResponse' });
  });

  it('a fresh invocation demand asks again each tick until the service lists the new invocation', async () => {
    let listed = false;
    const fresh = wireInvocation({ InvokeId: 't-standinfresh01', InvocationStatus: 'Running', InvokeStatus: 'Running' });
    const started: StandInHandler = (_req, res) => sendJson(res, 200, { RequestId: 'r', InvokeId: 't-standinfresh01', CommandId: 'c-standin0001' });
    const on = await pollerOnStandIn((req, res, n) => {
      const all = listed ? [SOURCE, fresh] : [SOURCE];
      serveCommands(all, started)(req, res, n);
    }, { filters: { invokeId: 't-standinsource1' } });
    await on.poller.tickOnce();
    const out = await on.poller.rerun('t-standinsource1', ['i-standin0000']);
    expect(out.invokeIds).toEqual(['t-standinfresh01']);
    const byId = () => on.s.seen.filter((r) => r.action === 'DescribeInvocations' && r.params.get('InvokeId') === 't-standinfresh01').length;

    on.poller.demand({ kind: 'invocation', invokeId: 't-standinfresh01', fresh: true });
    await on.poller.tickOnce();
    expect(on.store.getState().invocations.has('t-standinfresh01')).toBe(false);
    await on.poller.tickOnce();
    expect(byId()).toBe(2);
    listed = true;
    await on.poller.tickOnce();
    expect(on.store.getState().invocations.get('t-standinfresh01')?.invocationStatus).toBe('Running');
  });
});
