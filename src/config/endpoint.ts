// Region and endpoint resolution. Pure: the caller passes flags, environment and the CLI profile.
import { isIP } from 'node:net';
import { UsageError } from './errors.js';
import type { CliProfileInfo } from './aliyunConfig.js';
import { parseRegionId, shown } from './values.js';

export interface ResolvedRegion {
  regionId: string;
  /** Where it came from, for the header and error lines. */
  source: string;
}

export function resolveRegion(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  profile: CliProfileInfo | undefined,
): ResolvedRegion {
  if (flag) return { regionId: parseRegionId('--region', flag), source: '--region' };
  const fromEnv = env.ALIBABA_CLOUD_REGION_ID?.trim();
  if (fromEnv) return { regionId: parseRegionId('ALIBABA_CLOUD_REGION_ID', fromEnv), source: 'ALIBABA_CLOUD_REGION_ID' };
  if (profile?.regionId) {
    return {
      regionId: parseRegionId(`region_id of aliyun CLI profile "${profile.name}"`, profile.regionId),
      source: `profile ${profile.name}`,
    };
  }
  throw new UsageError(
    'no region: pass --region cn-hangzhou, set ALIBABA_CLOUD_REGION_ID, or set region_id in your aliyun CLI profile (aliyun configure)',
  );
}

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form) and `localhost`: traffic that never leaves the host. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // Only the name itself: `*.localhost` may go to a DNS server that answers anything.
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) {
    if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return mapped[1].startsWith('127.');
    // Node's URL normalises ::ffff:127.0.0.1 to ::ffff:7f00:1.
    return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  }
  return false;
}

export interface EndpointChoice {
  endpoint?: string;
  allowHttp: boolean;
  vpc: boolean;
}

/** The endpoint URL to call, without a trailing slash. */
export function resolveEndpoint(
  choice: EndpointChoice,
  regionId: string,
  env: NodeJS.ProcessEnv,
  profile: CliProfileInfo | undefined,
): string {
  if (choice.endpoint !== undefined) return checkEndpointUrl(choice.endpoint, choice.allowHttp);
  const endpointType = (profile?.endpointType ?? env.ALIBABA_CLOUD_ENDPOINT_TYPE ?? '').toLowerCase();
  if (choice.vpc || endpointType === 'vpc') return `https://ecs-vpc.${regionId}.aliyuncs.com`;
  return `https://ecs.${regionId}.aliyuncs.com`;
}

export function checkEndpointUrl(raw: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`--endpoint must be a URL such as https://ecs.cn-hangzhou.aliyuncs.com (got ${shown(raw)})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--endpoint must start with https:// or http:// (got ${shown(raw)})`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new UsageError(`--endpoint takes a scheme, host and port only, such as https://ecs.cn-hangzhou.aliyuncs.com (got ${shown(raw)})`);
  }
  if (url.protocol === 'http:' && !allowHttp && !isLoopbackHost(url.hostname)) {
    throw new UsageError(
      `--endpoint ${url.host} is plain http to a non-loopback host: signed requests would cross the network in clear; use https:// or add --allow-http`,
    );
  }
  return `${url.protocol}//${url.host}`;
}
