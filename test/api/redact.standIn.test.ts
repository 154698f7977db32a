// Every field of an ApiError is printable, bounded and free of credentials, whatever the endpoint
// echoes into Code, Message, RequestId or Recommend; `redact` is the one routine that does it.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import type { ApiError } from '../../src/api/errors.js';
import { MAX_ERROR_TEXT_CHARS, MAX_ID_CHARS } from '../../src/api/bounds.js';
import { redact } from '../../src/api/redact.js';
import { closeStandIns, echoingError, sendJson, standIn } from '../helpers/standIn.js';
import { rejection } from '../helpers/apiRejection.js';

afterEach(closeStandIns);

const AK_ID = 'LTAI5tREDACTTESTID';
const AK_SECRET = 'redact-test-secret-0123456789';
const TOKEN = 'CAIS8gF1q6Ft5B2yfSjIr5bTTOKENvalue+/=';
const ESCAPES = '\u001b]52;c;Q0xJUA==\u0007 \u001b]0;TITLE-ERR\u0007 \u001b[2J\u009b31m';

function client(endpoint: string): EcsClient {
  return new EcsClient({
    regionId: 'cn-hangzhou',
    endpoint,
    credentials: { accessKeyId: AK_ID, accessKeySecret: AK_SECRET, securityToken: TOKEN },
  });
}

function fields(err: ApiError): string[] {
  return [err.code, err.message, err.requestId ?? '', err.recommend ?? '', err.oneLine(), JSON.stringify(err)];
}

describe('error fields from a hostile endpoint', () => {
  it.each([
    ['the token', TOKEN],
    ['the token URL-encoded', encodeURIComponent(TOKEN)],
    ['the token split by an escape sequence', `${TOKEN.slice(0, 10)}\u001b[0m${TOKEN.slice(10)}`],
    ['the secret in a signed-request fragment', `AccessKeySecret=${AK_SECRET}&SecurityToken=${TOKEN}`],
  ])('%s echoed into every field is redacted from each', async (_what, value) => {
    const s = await standIn(echoingError(`oops ${value} oops`));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    for (const f of fields(err)) {
      expect(f).not.toContain(TOKEN);
      expect(f).not.toContain(TOKEN.slice(10));
      expect(f).not.toContain(encodeURIComponent(TOKEN));
      expect(f).not.toContain(AK_SECRET);
    }
    expect(err.code).toMatch(/^oops .*<redacted>.* oops$/);
    expect(err.requestId).toMatch(/<redacted>/);
  });

  it('escape sequences in Code, Message, RequestId and Recommend are removed whole', async () => {
    const s = await standIn(echoingError(`bad ${ESCAPES} thing`));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    for (const f of fields(err).slice(0, 5)) {
      expect(f).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(f).not.toMatch(/52;c|Q0xJUA|TITLE-ERR|\[2J|31m/);
    }
    expect(err.code).toBe('bad thing');
  });

  it('100 KB fields are cut to their bounds', async () => {
    const s = await standIn(echoingError('x'.repeat(100_000)));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err.code.length).toBeLessThanOrEqual(MAX_ID_CHARS);
    expect(err.requestId!.length).toBeLessThanOrEqual(MAX_ID_CHARS);
    expect(err.message.length).toBeLessThanOrEqual(MAX_ERROR_TEXT_CHARS);
    expect(err.recommend!.length).toBeLessThanOrEqual(MAX_ERROR_TEXT_CHARS);
    expect(err.oneLine().length).toBeLessThan(1_000);
    expect(err.code.endsWith('…')).toBe(true);
  });

  it('a 5xx body without Code that echoes the token: redacted too', async () => {
    const s = await standIn((_req, res) => sendJson(res, 503, { RequestId: `${TOKEN}${ESCAPES}`, Message: `busy ${TOKEN}` }));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'ServiceUnavailable', retryable: true, requestId: '<redacted>', message: 'busy <redacted>' });
  });
});

describe('redact', () => {
  it('removes URLs, credential fragments and given values; escapes whole; one line; bounded', () => {
    const text = `GET https://ecs.aliyuncs.com/?AccessKeyId=${AK_ID}&x=1 failed\n token: abc123 ${ESCAPES} password=hunter22`;
    expect(redact(text, [AK_ID])).toBe('GET <url> failed⏎ token: <redacted> password=<redacted>');
    expect(redact('SecurityToken%3Dabc%26Next=1')).toBe('SecurityToken%3D<redacted>%26Next=1');
    expect(redact(`x ${AK_SECRET} y`, [AK_SECRET], { mask: '***' })).toBe('x *** y');
    expect(redact('y'.repeat(1000), [], { max: 50 })).toBe(`${'y'.repeat(49)}…`);
  });
});
