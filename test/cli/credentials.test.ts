// Every credential source and the region/endpoint resolution, through the built CLI against the
// emulator on loopback. HOME is a temporary directory per case; the ECS metadata service is off.
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { rpcV1Signature, safeEqual } from '../../src/emulator/signature.js';
import { makeHome, type CliProfileFixture, type HomeFixture } from './helpers/home.js';
import { ensureBuilt, leakedSecrets, runCli } from './helpers/cli.js';

const AK = { id: 'LTAI5tTestKeyId0001', secret: 'catopTestSecret-7f3a9c2e' };
const STS = { id: 'STS.NTestStsKeyId002', secret: 'catopStsSecret-1b8d4e6f', token: 'CAIS-catop-token-5a1c9e7b2d' };
const WRONG = 'catopWrongSecret-0000';

let ak: RunningEmulator;
let sts: RunningEmulator;
let home: HomeFixture | undefined;

beforeAll(async () => {
  await ensureBuilt();
  ak = await startEmulator({ fleet: 3, seed: 11, invocations: 4, accessKeyId: AK.id, accessKeySecret: AK.secret });
  sts = await startEmulator({ fleet: 3, seed: 12, invocations: 2, accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.token });
}, 180_000);

afterEach(() => {
  home?.remove();
  home = undefined;
});

afterAll(async () => {
  await ak?.stop();
  await sts?.stop();
  expect(leakedSecrets([AK.secret, STS.secret, STS.token, WRONG])).toEqual([]);
});

const rows = (stdout: string) => stdout.trimEnd().split('\n').slice(1).filter(Boolean);

function once(emu: RunningEmulator, env: Record<string, string | undefined>, extra: string[] = []) {
  return runCli(['--endpoint', emu.endpoint, '--once', ...extra], { home: home!.dir, env });
}

const akProfile = (over: Partial<CliProfileFixture> = {}): CliProfileFixture => ({
  name: 'default',
  mode: 'AK',
  access_key_id: AK.id,
  access_key_secret: AK.secret,
  region_id: 'cn-hangzhou',
  ...over,
});

describe('environment variables', () => {
  it('AccessKey pair', async () => {
    home = makeHome();
    const r = await once(ak, { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toHaveLength(4);
  });

  it('STS token, and its absence refused with exit 3', async () => {
    home = makeHome();
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: STS.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: STS.secret, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' };
    const ok = await once(sts, { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: STS.token });
    expect(ok.code).toBe(0);
    expect(rows(ok.stdout)).toHaveLength(2);
    const missing = await once(sts, env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^catop: MissingSecurityToken: /);
    const wrong = await once(sts, { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: `${STS.token}x` });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/^catop: InvalidSecurityToken\.MismatchWithAccessKey: /);
  });

  it('a wrong secret or an unknown AccessKeyId is exit 3 with the API code, in one line', async () => {
    home = makeHome();
    const bad = await once(ak, { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(bad.code).toBe(3);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^catop: SignatureDoesNotMatch: .*\(RequestId [^)]+\); check the AccessKey \(environment, --profile\) and its RAM permissions\n$/);
    const unknown = await once(ak, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tNoSuchKey', ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^catop: InvalidAccessKeyId\.NotFound: /);
    const json = await runCli(['--endpoint', ak.endpoint, '--json'], {
      home: home.dir,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' },
    });
    expect(json.code).toBe(3);
  });

  it('win over the aliyun CLI profile, as in the library default chain', async () => {
    home = makeHome({ aliyun: { current: 'default', profiles: [akProfile({ access_key_secret: WRONG })] } });
    const r = await once(ak, { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret });
    expect(r.code).toBe(0);
  });
});

// A local STS for RamRoleArn: AssumeRole over TLS (the credentials library only speaks https
// to STS) with a test certificate for 127.0.0.1 that the CLI trusts through NODE_EXTRA_CA_CERTS.
const TLS_CERT = fileURLToPath(new URL('./fixtures/sts-test.crt', import.meta.url));
const TLS_KEY = fileURLToPath(new URL('./fixtures/sts-test.key', import.meta.url));
const ROLE_ARN = 'acs:ram::1234567890123456:role/catop-reader';

interface AssumeRoleCall {
  accessKeyId: string;
  roleArn: string;
  signedWithTheKey: boolean;
}

async function startSts(): Promise<{ server: HttpsServer; endpoint: string; calls: AssumeRoleCall[] }> {
  const calls: AssumeRoleCall[] = [];
  const server = createHttpsServer({ cert: readFileSync(TLS_CERT), key: readFileSync(TLS_KEY) }, (req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const params: Record<string, string> = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body)]);
      const { Signature: signature = '', ...signed } = params;
      calls.push({
        accessKeyId: params.AccessKeyId,
        roleArn: params.RoleArn,
        signedWithTheKey: params.Action === 'AssumeRole' && safeEqual(rpcV1Signature('POST', signed, AK.secret), signature),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          RequestId: 'sts-request-1',
          AssumedRoleUser: { Arn: `${ROLE_ARN}/catop`, AssumedRoleId: '3001:catop' },
          Credentials: { AccessKeyId: STS.id, AccessKeySecret: STS.secret, SecurityToken: STS.token, Expiration: '2099-01-01T00:00:00Z' },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, endpoint: `127.0.0.1:${port}`, calls };
}

describe('the aliyun CLI config (~/.aliyun/config.json)', () => {
  it('RamRoleArn mode: AssumeRole at sts_endpoint signed with the AccessKey, then the role\'s STS token on every call', async () => {
    const stsService = await startSts();
    try {
      home = makeHome({
        aliyun: {
          current: 'role',
          profiles: [akProfile({ name: 'role', mode: 'RamRoleArn', ram_role_arn: ROLE_ARN, ram_session_name: 'catop', sts_endpoint: stsService.endpoint })],
        },
      });
      // The emulator holding the STS key pair answers only requests signed with it and carrying its token.
      const r = await once(sts, { NODE_EXTRA_CA_CERTS: TLS_CERT });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toHaveLength(2);
      expect(stsService.calls).toEqual([{ accessKeyId: AK.id, roleArn: ROLE_ARN, signedWithTheKey: true }]);
    } finally {
      await new Promise((resolve) => stsService.server.close(resolve));
    }
  });


  it('AK mode, current profile, region from region_id', async () => {
    home = makeHome({ aliyun: { current: 'default', profiles: [akProfile()] } });
    const r = await once(ak, {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toHaveLength(4);
  });

  it('StsToken mode', async () => {
    home = makeHome({
      aliyun: { current: 'sts', profiles: [{ name: 'sts', mode: 'StsToken', access_key_id: STS.id, access_key_secret: STS.secret, sts_token: STS.token, region_id: 'cn-hangzhou' }] },
    });
    const r = await once(sts, {});
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toHaveLength(2);
  });

  it('--profile picks a profile that is not current, and beats environment keys', async () => {
    home = makeHome({
      aliyun: { current: 'broken', profiles: [akProfile({ name: 'broken', access_key_secret: WRONG }), akProfile({ name: 'work' })] },
    });
    expect((await once(ak, {})).code).toBe(3);
    expect((await once(ak, {}, ['--profile', 'work'])).code).toBe(0);
    const envKeysWrong = { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG };
    expect((await once(ak, envKeysWrong, ['--profile', 'work'])).code).toBe(0);
  });

  it('ALIBABA_CLOUD_PROFILE picks a profile too', async () => {
    home = makeHome({
      aliyun: { current: 'broken', profiles: [akProfile({ name: 'broken', access_key_secret: WRONG }), akProfile({ name: 'work' })] },
    });
    expect((await once(ak, { ALIBABA_CLOUD_PROFILE: 'work' })).code).toBe(0);
  });

  it('an unknown --profile is exit 2 before any call, naming the profiles there are', async () => {
    home = makeHome({ aliyun: { current: 'default', profiles: [akProfile(), akProfile({ name: 'work' })] } });
    const before = ak.requestCount();
    const r = await once(ak, {}, ['--profile', 'prod']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'catop: --profile prod: no such profile in ~/.aliyun/config.json (profiles there: default, work) or ~/.alibabacloud/credentials\n',
    });
    expect(ak.requestCount()).toBe(before);
  });

  it('a profile without a secret is exit 3, naming the profile and its mode', async () => {
    home = makeHome({ aliyun: { current: 'default', profiles: [akProfile({ access_key_secret: '' })] } });
    const r = await once(ak, {});
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^catop: no credentials found; looked at: environment \(ALIBABA_CLOUD_ACCESS_KEY_ID not set\); ~\/\.aliyun\/config\.json \(profile "default", mode AK: [^)]*\); /);
    expect(r.stderr).not.toContain(AK.id);
  });

  it('a config that is not JSON is named, never quoted', async () => {
    home = makeHome({ aliyun: `{"current": "default", "profiles": [{"access_key_secret": "${AK.secret}"` });
    const r = await once(ak, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('catop: ~/.aliyun/config.json is not valid JSON: fix it (aliyun configure) or pass --region\n');
    const withRegion = await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(withRegion.code).toBe(3);
    expect(withRegion.stderr).toContain('~/.aliyun/config.json (is not valid JSON)');
  });
});

describe('the credentials file (~/.alibabacloud/credentials)', () => {
  const ini = (section: string, secret = AK.secret) => `[${section}]\ntype = access_key\naccess_key_id = ${AK.id}\naccess_key_secret = ${secret}\n`;

  it('[default] section', async () => {
    home = makeHome({ credentials: ini('default') });
    const r = await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('--profile names a section', async () => {
    home = makeHome({ credentials: ini('default', WRONG) + ini('ci') });
    expect((await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' })).code).toBe(3);
    expect((await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' }, ['--profile', 'ci'])).code).toBe(0);
  });
});

describe('no credentials anywhere', () => {
  it('exits 3 with one line listing every place looked at', async () => {
    home = makeHome();
    const before = ak.requestCount();
    const r = await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
    expect(r).toEqual({
      code: 3,
      stdout: '',
      stderr:
        'catop: no credentials found; looked at: environment (ALIBABA_CLOUD_ACCESS_KEY_ID not set); ~/.aliyun/config.json (not found); ' +
        '~/.alibabacloud/credentials (not found); ECS RAM role (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED). ' +
        'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `aliyun configure`\n',
    });
    expect(ak.requestCount()).toBe(before);
  });

  it('names a missing secret', async () => {
    home = makeHome();
    const r = await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou', ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('environment (ALIBABA_CLOUD_ACCESS_KEY_SECRET not set)');
  });
});

describe('region and endpoint', () => {
  const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret };

  it('--region beats ALIBABA_CLOUD_REGION_ID, which beats the profile', async () => {
    home = makeHome({ aliyun: { current: 'default', profiles: [akProfile({ region_id: 'cn-beijing' })] } });
    // The emulator serves cn-hangzhou; another region is valid and empty.
    expect(rows((await once(ak, {})).stdout)).toHaveLength(0);
    expect(rows((await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' })).stdout)).toHaveLength(4);
    expect(rows((await once(ak, { ALIBABA_CLOUD_REGION_ID: 'cn-beijing' }, ['--region', 'cn-hangzhou'])).stdout)).toHaveLength(4);
  });

  it('no region is exit 2 saying how to set one', async () => {
    home = makeHome();
    const r = await once(ak, keys);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'catop: no region: pass --region cn-hangzhou, set ALIBABA_CLOUD_REGION_ID, or set region_id in your aliyun CLI profile (aliyun configure)\n',
    });
  });

  it('plain http is refused off loopback, before any call, and accepted on loopback (also with --allow-http)', async () => {
    home = makeHome();
    const port = new URL(ak.endpoint).port;
    const off = await runCli(['--endpoint', `http://192.0.2.10:${port}`, '--once'], { home: home.dir, env: { ...keys, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' } });
    expect(off.code).toBe(2);
    expect(off.stderr).toBe(
      `catop: --endpoint 192.0.2.10:${port} is plain http to a non-loopback host: signed requests would cross the network in clear; use https:// or add --allow-http\n`,
    );
    for (const endpoint of [`http://localhost:${port}`, `http://127.0.0.1:${port}/`]) {
      const r = await runCli(['--endpoint', endpoint, '--once'], { home: home.dir, env: { ...keys, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' } });
      expect(r.code, endpoint).toBe(0);
    }
    const allowed = await runCli(['--endpoint', ak.endpoint, '--allow-http', '--once'], { home: home.dir, env: { ...keys, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' } });
    expect(allowed.code).toBe(0);
  });

  it('an endpoint nobody answers on is exit 1 after a few retries, with a hint', async () => {
    home = makeHome();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runCli(['--endpoint', `http://127.0.0.1:${port}`, '--once'], { home: home.dir, env: { ...keys, ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' } });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe(
      'catop: ECONNREFUSED: Network error: connection refused; check --region/--endpoint and that this host can reach it (in a VPC without internet access: --vpc)',
    );
  });
});
