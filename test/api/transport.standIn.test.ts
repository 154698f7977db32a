// Responses are bounded in bytes (on the wire and decompressed) and in time, through the real
// client against the stand-in: a cut or timed-out response is a retryable ApiError and its socket
// is closed, so the stand-in sees no open socket afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { MAX_RESPONSE_BYTES } from '../../src/api/bounds.js';
import { HOSTILE, closeStandIns, invocationsPage, sendJson, standIn, wireInvocation } from '../helpers/standIn.js';
import { rejection } from '../helpers/apiRejection.js';

afterEach(closeStandIns);

function client(endpoint: string, timeoutMs = 10_000): EcsClient {
  return new EcsClient({
    regionId: 'cn-hangzhou',
    endpoint,
    timeoutMs,
    credentials: { accessKeyId: 'LTAI5tSTANDIN', accessKeySecret: 'standin-secret' },
  });
}

describe('response bounds', () => {
  it.each([
    ['an endless body', HOSTILE.endlessBody, /received more than 8 MB/],
    ['a gzip bomb', HOSTILE.gzipBomb, /decompressed more than 8 MB/],
    ['a gigabyte Content-Length', HOSTILE.hugeContentLength, /announced more than 8 MB/],
  ])('%s: cut off as a retryable ResponseTooLarge, socket closed', async (_what, handler, message) => {
    const s = await standIn(handler);
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'ResponseTooLarge', kind: 'malformed', retryable: true });
    expect(err.message).toMatch(message);
    await s.idle();
    expect(s.openSockets()).toBe(0);
  });

  it('a trickled body times out as RequestTimeout and its socket is closed', async () => {
    const s = await standIn(HOSTILE.trickle);
    const api = client(s.endpoint, 1_000);
    const errs = await Promise.all([1, 2, 3].map(() => rejection(api.describeInvocations({}))));
    for (const err of errs) expect(err).toMatchObject({ code: 'RequestTimeout', kind: 'timeout', retryable: true });
    await s.idle();
    expect(s.openSockets()).toBe(0);
  });

  it('counts each response alone: large pages on one kept-alive socket add up past the cap', async () => {
    const output = 'o'.repeat(24 * 1024);
    const big = invocationsPage(
      Array.from({ length: 100 }, (_, k) =>
        wireInvocation({ InvokeId: `t-big${k}`, instances: [{ InstanceId: `i-${k}`, Output: output }] }),
      ),
    );
    const size = JSON.stringify(big).length;
    expect(size * 4).toBeGreaterThan(MAX_RESPONSE_BYTES);
    const s = await standIn((_req, res) => sendJson(res, 200, big));
    const api = client(s.endpoint);
    for (let i = 0; i < 4; i++) expect((await api.describeInvocations({})).invocations).toHaveLength(100);
    expect(s.count()).toBe(4);
    // One socket served them all: the pages really shared it.
    expect(s.openSockets()).toBe(1);
  });
});
