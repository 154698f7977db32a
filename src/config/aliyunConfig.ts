// Reads the aliyun CLI's ~/.aliyun/config.json for what credentials do not cover: the selected
// profile's region_id and endpoint_type. Credentials themselves come from @alicloud/credentials;
// nothing secret is kept from this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliProfileInfo {
  name: string;
  mode?: string;
  regionId?: string;
  /** `vpc` selects the VPC endpoint (aliyun CLI `--endpoint-type vpc`). */
  endpointType?: string;
}

export type CliConfigRead =
  | { state: 'missing'; path: string }
  | { state: 'invalid'; path: string; reason: string }
  | { state: 'ok'; path: string; current?: string; profiles: CliProfileInfo[] };

export function aliyunConfigPath(home: string): string {
  return join(home, '.aliyun', 'config.json');
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function readAliyunConfig(home: string): CliConfigRead {
  const path = aliyunConfigPath(home);
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return { state: 'missing', path };
  }
  let conf: unknown;
  try {
    conf = JSON.parse(content);
  } catch {
    // Never echo the content: it holds keys.
    return { state: 'invalid', path, reason: 'is not valid JSON' };
  }
  const profiles = (conf as { profiles?: unknown })?.profiles;
  if (!Array.isArray(profiles)) return { state: 'invalid', path, reason: 'has no "profiles" list' };
  return {
    state: 'ok',
    path,
    current: text((conf as { current?: unknown }).current),
    profiles: profiles
      .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && typeof p.name === 'string')
      .map((p) => ({
        name: p.name as string,
        mode: text(p.mode),
        regionId: text(p.region_id),
        endpointType: text(p.endpoint_type),
      })),
  };
}

/** The profile name the credential chain will use: `--profile`, else ALIBABA_CLOUD_PROFILE, else `current`. */
export function selectedProfileName(flag: string | undefined, env: NodeJS.ProcessEnv, conf: CliConfigRead): string | undefined {
  if (flag) return flag;
  if (env.ALIBABA_CLOUD_PROFILE) return env.ALIBABA_CLOUD_PROFILE;
  return conf.state === 'ok' ? conf.current : undefined;
}

export function findProfile(conf: CliConfigRead, name: string | undefined): CliProfileInfo | undefined {
  if (conf.state !== 'ok' || !name) return undefined;
  return conf.profiles.find((p) => p.name === name);
}
