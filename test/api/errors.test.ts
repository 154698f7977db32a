// Every failure shape pop-core 1.8 produces, through the real pop-core client against tiny
// loopback servers: the ApiError it becomes (code, retryable, retryAfterMs, httpStatus) and the
// proof that no URL, AccessKeyId, secret or token survives in any text the error carries.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient, type EcsClientOptions } from '../../src/api/client.js';
import { ApiError, isAuthError } from '../../src/api/errors.js';
import { toApiError } from '../../src/api/toApiError.js';
import { rejection } from '../helpers/apiRejection.js';

const AK_ID = 'LTAI5tFAKEKEYIDzz0123456';
const AK_SECRET = 'FAKESECRETabcdefghij0123456789';
const TOKEN = 'CAISFAKESTSTOKEN0123456789abcdefTOKEN';
const ENC_TOKEN = encodeURIComponent(TOKEN);

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  form: URLSearchParams;
}

interface Loopback {
  endpoint: string;
  seen: Seen[];
  close(): Promise<void>;
}

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A one-purpose HTTP server on 127.0.0.1:0 that records what it receives. */
async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Loopback> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, form: new URLSearchParams(body) });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lb: Loopback = {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  open.push(lb);
  return lb;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

function apiError(code: string, message = 'The specified parameter is invalid.') {
  return { RequestId: `REQ-${code}`, HostId: 'ecs.aliyuncs.com', Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?q=${code}` };
}

function client(endpoint: string, extra: Partial<EcsClientOptions> = {}): EcsClient {
  return new EcsClient({
    regionId: 'cn-hangzhou',
    endpoint,
    credentials: { accessKeyId: AK_ID, accessKeySecret: AK_SECRET, securityToken: TOKEN },
    ...extra,
  });
}

/** Every text an error can end up in: none may hold a URL or a credential. */
function expectNoLeak(err: unknown): void {
  const e = err as ApiError;
  for (const text of [String(e), e.message, JSON.stringify(e), e.stack ?? '', e.oneLine()]) {
    expect(text).not.toMatch(/https?:\/\//i);
    expect(text).not.toMatch(/127\.0\.0\.1:\d+\//);
    expect(text).not.toContain(AK_ID);
    expect(text).not.toContain(AK_SECRET);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(ENC_TOKEN);
    expect(text).not.toMatch(/(AccessKeyId|SecurityToken|Signature)(=|%3D)(?!<redacted>)/i);
  }
}

describe('API errors (pop-core throws an Error with code and data)', () => {
  it('400 Throttling.User with x-acs-retry-after: retryable, retryAfterMs from the header', async () => {
    const s = await serve(json(400, apiError('Throttling.User', 'Request was denied due to user flow control.'), { 'x-acs-retry-after': '1500' }));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'Throttling.User', kind: 'api', httpStatus: 400, retryable: true, retryAfterMs: 1500, requestId: 'REQ-Throttling.User' });
    expect(err.message).toBe('Request was denied due to user flow control.');
    expectNoLeak(err);
  });

  it('500 InternalError.Dispatch: retryable', async () => {
    const s = await serve(json(500, apiError('InternalError.Dispatch', 'An error occurred when you dispatched the request.')));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'InternalError.Dispatch', httpStatus: 500, retryable: true });
    expect(err.retryAfterMs).toBeUndefined();
    expectNoLeak(err);
  });

  it('403 InvalidParam.PageSize: not retryable, Recommend kept only without its URL', async () => {
    const s = await serve(json(403, apiError('InvalidParam.PageSize')));
    const err = await rejection(client(s.endpoint).describeInvocations({ pageSize: 50 }));
    expect(err).toMatchObject({ code: 'InvalidParam.PageSize', httpStatus: 403, retryable: false, message: 'The specified parameter is invalid.' });
    expect(err.recommend).toBeUndefined();
    expect(isAuthError(err)).toBe(false);
    expectNoLeak(err);
  });

  it('404 InvalidAccessKeyId.NotFound: an auth error, not retryable', async () => {
    const s = await serve(json(404, apiError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.')));
    const err = await rejection(client(s.endpoint).stopInvocation('t-1'));
    expect(err).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', httpStatus: 404, retryable: false });
    expect(isAuthError(err)).toBe(true);
    expectNoLeak(err);
  });

  it('SignatureDoesNotMatch whose message echoes the string to sign: keys and token are scrubbed', async () => {
    // The real service puts the canonical query (AccessKeyId, SecurityToken ...) into this message.
    const s = await serve((req, res) => {
      const stringToSign = `POST&%2F&AccessKeyId%3D${AK_ID}%26Action%3DDescribeInvocations%26SecurityToken%3D${ENC_TOKEN}`;
      json(400, apiError('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`))(req, res);
    });
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'SignatureDoesNotMatch', retryable: false });
    expect(isAuthError(err)).toBe(true);
    expect(err.message).toMatch(/^Specified signature is not matched/);
    // The harmless parts of the string to sign stay readable.
    expect(err.message).toContain('Action%3DDescribeInvocations');
    expectNoLeak(err);
  });
});

describe('bodies pop-core does not turn into API errors', () => {
  it('an HTML 502 (json-bigint throws a plain object): NonJsonResponse, retryable', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(`<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>AccessKeyId=${AK_ID}</p></body></html>`);
    });
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'NonJsonResponse', kind: 'malformed', retryable: true, httpStatus: 502 });
    expectNoLeak(err);
  });

  it('a 503 JSON body without Code (pop-core returns it as a success): ServiceUnavailable, retryable', async () => {
    const s = await serve(json(503, { RequestId: 'REQ-503', Message: 'Service is busy' }, { 'x-acs-retry-after': '250' }));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'ServiceUnavailable', kind: 'api', httpStatus: 503, retryable: true, retryAfterMs: 250, requestId: 'REQ-503' });
    expectNoLeak(err);
  });

  it('a 4xx JSON body without Code is an error too, not retryable', async () => {
    const s = await serve(json(400, { RequestId: 'REQ-400' }));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'Http400', httpStatus: 400, retryable: false });
    expectNoLeak(err);
  });

  it('a 200 JSON body of the wrong shape: MalformedResponse, retryable', async () => {
    const s = await serve(json(200, { RequestId: 'REQ-ok', Invocations: { Invocation: [{ CommandId: 'c-1' }] } }));
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'MalformedResponse', kind: 'malformed', retryable: true });
  });
});

describe('network failures', () => {
  it('a connection reset: retryable network error', async () => {
    const s = await serve((req) => req.socket.destroy());
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'ECONNRESET', kind: 'network', retryable: true });
    expectNoLeak(err);
  });

  it('a hang beyond the timeout: RequestTimeout, retryable', async () => {
    const s = await serve(() => {
      /* never answers */
    });
    const err = await rejection(client(s.endpoint, { timeoutMs: 200 }).describeInvocations({}));
    expect(err).toMatchObject({ code: 'RequestTimeout', kind: 'timeout', retryable: true });
    expectNoLeak(err);
  });

  it('a refused port: ECONNREFUSED, retryable', async () => {
    const s = await serve(() => {});
    const endpoint = s.endpoint;
    await s.close();
    const err = await rejection(client(endpoint).describeInvocations({}));
    expect(err).toMatchObject({ code: 'ECONNREFUSED', kind: 'network', retryable: true });
    expectNoLeak(err);
  });
});

describe('a GET-style failure (why every call is a POST)', () => {
  const requireCjs = createRequire(import.meta.url);
  type Rpc = { request(action: string, params: object, opts: object): Promise<unknown> };
  const { RPCClient } = requireCjs('@alicloud/pop-core') as { RPCClient: new (config: object) => Rpc };
  const popClient = (endpoint: string) =>
    new RPCClient({ endpoint, apiVersion: '2014-05-26', accessKeyId: AK_ID, accessKeySecret: AK_SECRET, securityToken: TOKEN });

  it('pop-core under GET puts the signed URL, AccessKeyId and token in its API error; our mapping leaks none of it', async () => {
    const s = await serve(json(400, apiError('Throttling.User', 'Request was denied due to user flow control.'), { 'x-acs-retry-after': '900' }));
    const raw = await popClient(s.endpoint).request('DescribeInvocations', { RegionId: 'cn-hangzhou' }, { method: 'GET' }).catch((e: unknown) => e);
    const rawError = raw as Error & { url: string };
    expect(rawError.message).toContain('http://127.0.0.1');
    expect(rawError.message).toContain(`AccessKeyId=${AK_ID}`);
    expect(rawError.message).toContain(`SecurityToken=${ENC_TOKEN}`);
    expect(rawError.message).toContain('Signature=');

    const err = toApiError(raw, [AK_ID, AK_SECRET, TOKEN]);
    expect(err).toMatchObject({ code: 'Throttling.User', httpStatus: 400, retryable: true, retryAfterMs: 900 });
    expectNoLeak(err);
    // Even without the secrets passed in, the URL and the signed fragments go.
    expectNoLeak(toApiError(raw));
  });

  it('pop-core under GET puts the signed URL in a network error too; our mapping leaks none of it', async () => {
    const s = await serve(() => {});
    const endpoint = s.endpoint;
    await s.close();
    const raw = await popClient(endpoint).request('DescribeInvocations', { RegionId: 'cn-hangzhou' }, { method: 'GET' }).catch((e: unknown) => e);
    expect((raw as Error).message).toContain(`AccessKeyId=${AK_ID}`);
    const err = toApiError(raw);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
    expectNoLeak(err);
  });

  it('an unknown Error whose message holds a signed URL is scrubbed', () => {
    const err = toApiError(new Error(`boom GET http://127.0.0.1:1/?AccessKeyId=${AK_ID}&SecurityToken=${ENC_TOKEN}&Signature=abc%3D failed.`));
    expect(err).toMatchObject({ code: 'UnexpectedError', retryable: false });
    expectNoLeak(err);
  });
});

describe('what goes on the wire', () => {
  const page = { RequestId: 'REQ-ok', TotalCount: 0, PageNumber: 1, PageSize: 10, Invocations: { Invocation: [] } };

  it('POSTs a form with string params only, no undefined or null, and counts the calls', async () => {
    const s = await serve(json(200, page));
    const c = client(s.endpoint, { userAgent: 'catop/test' });
    await c.describeInvocations({ invokeId: undefined, commandName: '', timed: false, pageSize: 50, contentEncoding: 'plaintext' as 'PlainText' });
    expect(c.calls).toBe(1);
    const req = s.seen[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['user-agent']).toBe('catop/test');
    expect(req.headers['x-acs-action']).toBe('DescribeInvocations');
    expect(req.form.get('Action')).toBe('DescribeInvocations');
    expect(req.form.get('Version')).toBe('2014-05-26');
    expect(req.form.get('RegionId')).toBe('cn-hangzhou');
    expect(req.form.get('Timed')).toBe('false');
    expect(req.form.get('PageSize')).toBe('50');
    expect(req.form.get('ContentEncoding')).toBe('PlainText');
    expect(req.form.has('InvokeId')).toBe(false);
    expect(req.form.has('CommandName')).toBe(false);
    expect(req.form.get('AccessKeyId')).toBe(AK_ID);
    expect(req.form.get('SecurityToken')).toBe(TOKEN);
    for (const v of req.form.values()) expect(v === 'undefined' || v === 'null').toBe(false);
  });

  it('sends StopInvocation with InstanceId.1..N', async () => {
    const s = await serve(json(200, { RequestId: 'REQ-stop' }));
    const r = await client(s.endpoint).stopInvocation('t-9', ['i-1', 'i-2']);
    expect(r).toEqual({ requestId: 'REQ-stop' });
    const form = s.seen[0].form;
    expect(form.get('Action')).toBe('StopInvocation');
    expect(form.get('InvokeId')).toBe('t-9');
    expect(form.get('InstanceId.1')).toBe('i-1');
    expect(form.get('InstanceId.2')).toBe('i-2');
    expect(form.has('InstanceId.3')).toBe(false);
  });

  it('refuses invalid params before sending anything', async () => {
    const s = await serve(json(200, page));
    const c = client(s.endpoint);
    const err = await rejection(c.describeInvocations({ pageSize: 51 }));
    expect(err).toMatchObject({ kind: 'validation', message: 'PageSize must be an integer from 1 to 50 (got 51)' });
    await rejection(c.describeInvocations({ includeOutput: true }));
    await rejection(c.stopInvocation(''));
    expect(c.calls).toBe(0);
    expect(s.seen).toHaveLength(0);
  });
});

describe('credentials', () => {
  const page = { RequestId: 'REQ-ok', TotalCount: 0, Invocations: { Invocation: [] } };

  it('signs with what a provider returns', async () => {
    const s = await serve(json(200, page));
    const c = client(s.endpoint, { credentials: { provider: { getCredentials: async () => ({ accessKeyId: 'LTAIprovided0001', accessKeySecret: 'providedsecret0001' }) } } });
    await c.describeInvocations({});
    expect(s.seen[0].form.get('AccessKeyId')).toBe('LTAIprovided0001');
    expect(s.seen[0].form.get('Signature')).toBeTruthy();
    expect(s.seen[0].form.has('SecurityToken')).toBe(false);
  });

  it('a failing provider: MissingCredentials, kind credentials, not retryable, nothing sent, no secret in the text', async () => {
    const s = await serve(json(200, page));
    const provider = {
      getCredentials: async (): Promise<never> => {
        throw new Error(`refresh failed for https://sts.aliyuncs.com/?AccessKeyId=${AK_ID}&AccessKeySecret=${AK_SECRET}`);
      },
    };
    const c = client(s.endpoint, { credentials: { provider } });
    const err = await rejection(c.describeInvocations({}));
    expect(err).toMatchObject({ code: 'MissingCredentials', kind: 'credentials', retryable: false });
    expect(isAuthError(err)).toBe(true);
    expect(err.message).toMatch(/^Could not get credentials/);
    expect(s.seen).toHaveLength(0);
    expect(c.calls).toBe(0);
    expectNoLeak(err);
  });

  it("keeps the message of the config module's CredentialsError as it is", async () => {
    const s = await serve(json(200, page));
    const failure = Object.assign(new Error('No credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID or run aliyun configure'), { name: 'CredentialsError' });
    const c = client(s.endpoint, { credentials: { provider: { getCredentials: () => Promise.reject(failure) } } });
    const err = await rejection(c.describeInvocations({}));
    expect(err.message).toBe('No credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID or run aliyun configure');
  });

  it('a provider that returns empty keys is refused instead of sending an unsigned request', async () => {
    const s = await serve(json(200, page));
    const c = client(s.endpoint, { credentials: { provider: { getCredentials: async () => ({ accessKeyId: '', accessKeySecret: '' }) } } });
    const err = await rejection(c.describeInvocations({}));
    expect(err).toMatchObject({ code: 'MissingCredentials', kind: 'credentials' });
    expect(s.seen).toHaveLength(0);
  });

  it('static keys must both be there; the endpoint must be a bare http(s) origin', () => {
    expect(() => client('http://127.0.0.1:1', { credentials: { accessKeyId: AK_ID, accessKeySecret: '' } })).toThrow(/AccessKeySecret/);
    expect(() => client('ftp://example.com')).toThrow(/endpoint/);
    expect(() => client('http://example.com/path?x=1')).toThrow(/endpoint/);
    expect(() => client('http://127.0.0.1:1', { regionId: '' })).toThrow(/RegionId/);
  });
});
