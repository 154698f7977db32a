import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpointUrl, isLoopbackHost, resolveEndpoint, resolveRegion } from '../../src/config/endpoint.js';
import { resolveConnection } from '../../src/config/index.js';
import { UsageError } from '../../src/config/errors.js';
import { makeHome, type HomeFixture } from './helpers/home.js';

const noFlags = { allowHttp: false, vpc: false };

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('resolveRegion', () => {
  const profile = { name: 'default', regionId: 'eu-central-1' };
  it('takes --region, then ALIBABA_CLOUD_REGION_ID, then the profile', () => {
    expect(resolveRegion('cn-hangzhou', { ALIBABA_CLOUD_REGION_ID: 'cn-beijing' }, profile)).toEqual({ regionId: 'cn-hangzhou', source: '--region' });
    expect(resolveRegion(undefined, { ALIBABA_CLOUD_REGION_ID: 'cn-beijing' }, profile).regionId).toBe('cn-beijing');
    expect(resolveRegion(undefined, {}, profile)).toEqual({ regionId: 'eu-central-1', source: 'profile default' });
  });
  it('says how to set one when there is none', () => {
    expect(usageMessage(() => resolveRegion(undefined, {}, undefined))).toMatch(/--region .*ALIBABA_CLOUD_REGION_ID.*region_id/);
  });
  it('refuses region ids that are not letters, digits and dashes', () => {
    expect(usageMessage(() => resolveRegion(undefined, { ALIBABA_CLOUD_REGION_ID: 'cn/../x' }, undefined))).toContain('ALIBABA_CLOUD_REGION_ID must be a region id');
    expect(usageMessage(() => resolveRegion(undefined, {}, { name: 'p', regionId: 'evil.example.com#' }))).toContain('region_id of aliyun CLI profile "p"');
  });
});

describe('endpoints', () => {
  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', '[::1]', '::1', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', '128.0.0.1', 'example.com', '[::2]', '::ffff:10.0.0.1', 'localhost.example.com', 'api.localhost', '0.0.0.0']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('defaults to the public endpoint, the VPC one with --vpc, the profile or ALIBABA_CLOUD_ENDPOINT_TYPE', () => {
    expect(resolveEndpoint(noFlags, 'cn-hangzhou', {}, undefined)).toBe('https://ecs.cn-hangzhou.aliyuncs.com');
    expect(resolveEndpoint({ ...noFlags, vpc: true }, 'cn-hangzhou', {}, undefined)).toBe('https://ecs-vpc.cn-hangzhou.aliyuncs.com');
    expect(resolveEndpoint(noFlags, 'cn-beijing', {}, { name: 'p', endpointType: 'vpc' })).toBe('https://ecs-vpc.cn-beijing.aliyuncs.com');
    expect(resolveEndpoint(noFlags, 'cn-beijing', { ALIBABA_CLOUD_ENDPOINT_TYPE: 'VPC' }, undefined)).toBe('https://ecs-vpc.cn-beijing.aliyuncs.com');
  });

  it('takes --endpoint: https anywhere, http to loopback, http elsewhere only with --allow-http', () => {
    expect(checkEndpointUrl('https://ecs.example.com/', false)).toBe('https://ecs.example.com');
    expect(checkEndpointUrl('http://127.0.0.1:8080', false)).toBe('http://127.0.0.1:8080');
    expect(checkEndpointUrl('http://[::1]:9', false)).toBe('http://[::1]:9');
    expect(checkEndpointUrl('http://localhost:9', false)).toBe('http://localhost:9');
    expect(usageMessage(() => checkEndpointUrl('http://10.1.2.3:8080', false))).toContain('plain http to a non-loopback host');
    expect(checkEndpointUrl('http://10.1.2.3:8080', true)).toBe('http://10.1.2.3:8080');
  });

  it('refuses URLs that are not a scheme, host and port', () => {
    expect(usageMessage(() => checkEndpointUrl('ecs.cn-hangzhou.aliyuncs.com', false))).toContain('--endpoint must be a URL');
    expect(usageMessage(() => checkEndpointUrl('ftp://x.example', false))).toContain('https:// or http://');
    expect(usageMessage(() => checkEndpointUrl('https://user:pw@x.example', false))).toContain('scheme, host and port only');
    expect(usageMessage(() => checkEndpointUrl('https://x.example/path?q=1', false))).toContain('scheme, host and port only');
  });
});

describe('resolveConnection with an aliyun CLI config', () => {
  let home: HomeFixture | undefined;
  afterEach(() => home?.remove());

  const config = {
    current: 'work',
    profiles: [
      { name: 'work', mode: 'AK', access_key_id: 'LTAIwork', access_key_secret: 'work-secret', region_id: 'cn-shanghai' },
      { name: 'bastion', mode: 'EcsRamRole', ram_role_name: 'ops', region_id: 'cn-beijing', endpoint_type: 'vpc' },
    ],
  };

  it('uses the current profile for region and endpoint', () => {
    home = makeHome({ aliyun: config });
    const c = resolveConnection({ ...noFlags }, {}, home.dir);
    expect(c).toMatchObject({ regionId: 'cn-shanghai', endpoint: 'https://ecs.cn-shanghai.aliyuncs.com', profileName: 'work' });
  });

  it('follows --profile, then ALIBABA_CLOUD_PROFILE, including endpoint_type vpc', () => {
    home = makeHome({ aliyun: config });
    expect(resolveConnection({ ...noFlags, profile: 'bastion' }, {}, home.dir)).toMatchObject({
      regionId: 'cn-beijing',
      endpoint: 'https://ecs-vpc.cn-beijing.aliyuncs.com',
    });
    expect(resolveConnection({ ...noFlags }, { ALIBABA_CLOUD_PROFILE: 'bastion' }, home.dir).regionId).toBe('cn-beijing');
  });

  it('refuses an unknown profile, naming the ones there are', () => {
    home = makeHome({ aliyun: config });
    expect(usageMessage(() => resolveConnection({ ...noFlags, profile: 'prod' }, {}, home!.dir))).toBe(
      '--profile prod: no such profile in ~/.aliyun/config.json (profiles there: work, bastion) or ~/.alibabacloud/credentials',
    );
    expect(usageMessage(() => resolveConnection({ ...noFlags }, { ALIBABA_CLOUD_PROFILE: 'prod' }, home!.dir))).toContain('ALIBABA_CLOUD_PROFILE=prod: no such profile');
  });

  it('accepts a --profile that only the credentials file has', () => {
    home = makeHome({ credentials: '[ci]\ntype = access_key\naccess_key_id = a\naccess_key_secret = b\n' });
    expect(resolveConnection({ ...noFlags, profile: 'ci', region: 'cn-hangzhou' }, {}, home.dir).regionId).toBe('cn-hangzhou');
  });

  it('says so when the config is not JSON, without quoting it', () => {
    home = makeHome({ aliyun: '{"profiles": [{"access_key_secret": "do-not-print"' });
    const message = usageMessage(() => resolveConnection({ ...noFlags }, {}, home!.dir));
    expect(message).toContain('~/.aliyun/config.json is not valid JSON');
    expect(message).not.toContain('do-not-print');
    // With the region given elsewhere a broken file is not in the way.
    expect(resolveConnection({ ...noFlags, region: 'cn-hangzhou' }, {}, home.dir).regionId).toBe('cn-hangzhou');
  });

  it('needs a region when there is no config at all', () => {
    home = makeHome();
    expect(usageMessage(() => resolveConnection({ ...noFlags }, {}, home!.dir))).toContain('no region');
  });
});
