// Flags + environment + the aliyun CLI config -> what the monitor connects to. No network here:
// every mistake is found before the first call.
import { UsageError } from './errors.js';
import type { MonitorOptions } from './args.js';
import { findProfile, readAliyunConfig, selectedProfileName, type CliProfileInfo } from './aliyunConfig.js';
import { resolveEndpoint, resolveRegion } from './endpoint.js';
import { createCredentialsProvider, credentialsFileHasSection, type ChainCredentialsProvider } from './credentials.js';
import { shown } from './values.js';

export interface ConnectionConfig {
  regionId: string;
  regionSource: string;
  endpoint: string;
  /** The aliyun CLI profile in use, when one is (for the header). */
  profileName?: string;
  credentials: ChainCredentialsProvider;
  /** Another region's endpoint, by the same rules (`--endpoint` given: that one, for every region). */
  endpointFor(regionId: string): string;
}

/** `--region all`: DescribeRegions goes to the home region when one is set, else to cn-hangzhou (any region answers it). */
function allHome(env: NodeJS.ProcessEnv, profile: CliProfileInfo | undefined): string | undefined {
  return env.ALIBABA_CLOUD_REGION_ID?.trim() || profile?.regionId ? undefined : 'cn-hangzhou';
}

export function resolveConnection(
  options: Pick<MonitorOptions, 'region' | 'regions' | 'endpoint' | 'allowHttp' | 'vpc' | 'profile'>,
  env: NodeJS.ProcessEnv,
  home: string,
): ConnectionConfig {
  const conf = readAliyunConfig(home);
  const name = selectedProfileName(options.profile, env, conf);
  let profile: CliProfileInfo | undefined = findProfile(conf, name);
  let profileSource: 'cli' | 'file' | undefined;

  if (options.profile) {
    if (profile) profileSource = 'cli';
    else if (credentialsFileHasSection(env, home, options.profile)) profileSource = 'file';
    else {
      const known = conf.state === 'ok' && conf.profiles.length > 0 ? ` (profiles there: ${conf.profiles.map((p) => p.name).join(', ')})` : '';
      const state = conf.state === 'invalid' ? ` (${conf.reason})` : conf.state === 'missing' ? ' (not found)' : known;
      throw new UsageError(
        `--profile ${shown(options.profile)}: no such profile in ~/.aliyun/config.json${state} or ~/.alibabacloud/credentials`,
      );
    }
  } else if (env.ALIBABA_CLOUD_PROFILE && conf.state === 'ok' && !profile && !credentialsFileHasSection(env, home, env.ALIBABA_CLOUD_PROFILE)) {
    throw new UsageError(
      `ALIBABA_CLOUD_PROFILE=${shown(env.ALIBABA_CLOUD_PROFILE)}: no such profile in ~/.aliyun/config.json (profiles there: ${conf.profiles.map((p) => p.name).join(', ')})`,
    );
  }
  // The region follows the profile the credentials come from; a broken file is only an error if we need it.
  if (!options.region && !env.ALIBABA_CLOUD_REGION_ID?.trim() && conf.state === 'invalid') {
    throw new UsageError(`~/.aliyun/config.json ${conf.reason}: fix it (aliyun configure) or pass --region`);
  }
  if (profileSource === 'file') profile = undefined;

  const region = resolveRegion(options.region ?? (options.regions === 'all' ? allHome(env, profile) : undefined), env, profile);
  const endpoint = resolveEndpoint(options, region.regionId, env, profile);
  return {
    regionId: region.regionId,
    regionSource: region.source,
    endpoint,
    profileName: profile?.name,
    credentials: createCredentialsProvider({ profile: options.profile, profileSource, env, home }),
    endpointFor: (regionId) => resolveEndpoint(options, regionId, env, profile),
  };
}
