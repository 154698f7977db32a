// The RPC gateway part: Version and Action checks, RPC v1 signature verification (pop-core over
// GET and POST, Alibaba's percent-encoding), STS tokens, and the error body every failure carries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { rpcV1Signature, percentEncode } from '../../src/emulator/signature.js';
import { call, callError, invocations } from './helpers.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 3, fleet: 3, clock: new FakeClock() });
  emu.sim.runCommand({ name: 'a b*c~d+e/中文!', commandContent: 'true', outcome: 'Success' });
});

afterAll(async () => {
  await emu.stop();
});

/** A request signed here (the verifier's own algorithm), for cases pop-core cannot produce. */
function signed(params: Record<string, string>, secret = emu.accessKeySecret, method = 'POST'): Record<string, string> {
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: '2014-05-26',
    AccessKeyId: emu.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: 'n-' + Object.keys(params).join(''),
    Timestamp: '2026-11-28T09:00:00Z',
    RegionId: emu.regionId,
    ...params,
  };
  return { ...all, Signature: rpcV1Signature(method, all, secret) };
}

async function post(form: Record<string, string>, headers: Record<string, string> = {}) {
  const body = Object.entries(form)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
  const res = await fetch(`${emu.endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, string> };
}

describe('RPC v1 signature (pop-core)', () => {
  it('POST form and GET query both verify, with characters that need percent-encoding', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const body = await call(emu, 'DescribeInvocations', { CommandName: 'a b*c~d+e/中文!' }, { method });
      expect(invocations(body).map((i) => i.CommandName)).toEqual(['a b*c~d+e/中文!']);
    }
  });

  it('a wrong secret -> 403 SignatureDoesNotMatch', async () => {
    const err = await callError(emu, 'DescribeInvocations', {}, { accessKeySecret: 'not-the-secret' });
    expect([err.status, err.code]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('a parameter changed after signing -> 403 SignatureDoesNotMatch', async () => {
    const form = signed({ Action: 'DescribeInvocations', PageSize: '10' });
    expect((await post(form)).status).toBe(200);
    const res = await post({ ...form, PageSize: '20' });
    expect([res.status, res.json.Code]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('the signature covers the HTTP method', async () => {
    const form = signed({ Action: 'DescribeInvocations' }, emu.accessKeySecret, 'GET');
    const res = await post(form);
    expect(res.json.Code).toBe('SignatureDoesNotMatch');
  });

  it('an unknown AccessKeyId -> 404 InvalidAccessKeyId.NotFound', async () => {
    const err = await callError(emu, 'DescribeInvocations', {}, { accessKeyId: 'LTAI-unknown' });
    expect([err.status, err.code]).toEqual([404, 'InvalidAccessKeyId.NotFound']);
  });

  it('no signature at all -> 400 IncompleteSignature', async () => {
    const res = await post({ Action: 'DescribeInvocations', Version: '2014-05-26', RegionId: emu.regionId });
    expect([res.status, res.json.Code]).toEqual([400, 'IncompleteSignature']);
  });
});

describe('Version and Action', () => {
  it('a wrong Version -> 400 InvalidVersion', async () => {
    const err = await callError(emu, 'DescribeInvocations', {}, { apiVersion: '2016-03-14' });
    expect([err.status, err.code]).toEqual([400, 'InvalidVersion']);
  });

  it('no Version -> 400 MissingVersion', async () => {
    const res = await post({ Action: 'DescribeInvocations', RegionId: emu.regionId });
    expect([res.status, res.json.Code]).toEqual([400, 'MissingVersion']);
  });

  it('an unknown Action -> 404 InvalidAction.NotFound', async () => {
    const err = await callError(emu, 'DescribeInstancesOfMars');
    expect([err.status, err.code]).toEqual([404, 'InvalidAction.NotFound']);
  });

  it('Action and Version may come from the x-acs-action / x-acs-version headers', async () => {
    const form = signed({});
    delete form.Version;
    const fixed = { ...form, Signature: rpcV1Signature('POST', Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'Signature')), emu.accessKeySecret) };
    const res = await post(fixed, { 'x-acs-action': 'DescribeInvocations', 'x-acs-version': '2014-05-26' });
    expect(res.status).toBe(200);
    expect(res.json).toHaveProperty('TotalCount');
  });
});

describe('error body', () => {
  it('is {RequestId, HostId, Code, Message, Recommend} and the RequestId is also a header', async () => {
    const res = await post(signed({ Action: 'DescribeInvocations', PageSize: '99' }));
    expect(res.status).toBe(403);
    expect(Object.keys(res.json).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    expect(res.json.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(res.headers.get('x-acs-request-id')).toBe(res.json.RequestId);
    expect(res.json.HostId).toBe('ecs.cn-hangzhou.aliyuncs.com');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('STS credentials', () => {
  let sts: RunningEmulator;
  beforeAll(async () => {
    sts = await startEmulator({ port: 0, seed: 4, fleet: 1, clock: new FakeClock(), securityToken: 'CAIS-token-123' });
  });
  afterAll(async () => {
    await sts.stop();
  });

  it('accepts the SecurityToken it was given', async () => {
    const body = await call(sts, 'DescribeInvocations', {}, { securityToken: 'CAIS-token-123' });
    expect(body.TotalCount).toBe(0);
  });

  it('refuses a missing or different token', async () => {
    const none = await callError(sts, 'DescribeInvocations');
    expect([none.status, none.code]).toEqual([400, 'MissingSecurityToken']);
    const other = await callError(sts, 'DescribeInvocations', {}, { securityToken: 'CAIS-other' });
    expect([other.status, other.code]).toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey']);
  });
});

describe('server', () => {
  it('binds 127.0.0.1 by default and counts requests', async () => {
    expect(emu.endpoint).toBe(`http://127.0.0.1:${emu.port}`);
    const before = emu.requestCount();
    await call(emu, 'DescribeInvocations');
    expect(emu.requestCount()).toBe(before + 1);
  });

  it('stop() closes the port', async () => {
    const temp = await startEmulator({ port: 0, fleet: 1, clock: new FakeClock() });
    await call(temp, 'DescribeInvocations');
    await temp.stop();
    await expect(fetch(`${temp.endpoint}/`)).rejects.toThrow();
  });
});
