// Credentials through @alicloud/credentials' default chain (environment, aliyun CLI profile,
// ~/.alibabacloud/credentials, ECS RAM role). We only add: a fresh chain after a failure (a failed
// DefaultCredentialsProvider stays stuck on its last provider), and a failure message that lists
// the places looked at without a single secret in it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLIProfileCredentialsProvider,
  DefaultCredentialsProvider,
  ProfileCredentialsProvider,
  type CredentialsProvider,
} from '@alicloud/credentials';
import type { CredentialsProviderLike, StaticCredentials } from '../api/client.js';
import { redact } from '../api/redact.js';
import { CredentialsError } from './errors.js';
import { findProfile, readAliyunConfig, selectedProfileName, type CliConfigRead } from './aliyunConfig.js';

export interface ChainOptions {
  /**
   * `--profile`: use this profile only (the aliyun CLI profile of that name, else that section of
   * ~/.alibabacloud/credentials), so environment keys for another account cannot win silently.
   */
  profile?: string;
  /** Where `profile` lives; decided by `resolveConfig`. */
  profileSource?: 'cli' | 'file';
  env?: NodeJS.ProcessEnv;
  home: string;
}

const truthy = (v: string | undefined) => v?.toLowerCase() === 'true';

export class ChainCredentialsProvider implements CredentialsProviderLike {
  private chain?: CredentialsProvider;
  /** e.g. `default/cli_profile/static_ak`: which source answered, for the header. Not secret. */
  providerName?: string;

  constructor(private readonly options: ChainOptions) {}

  async getCredentials(): Promise<StaticCredentials> {
    const chain = this.chain ?? buildChain(this.options);
    this.chain = chain;
    try {
      const c = await chain.getCredentials();
      this.providerName = c.providerName;
      return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken || undefined };
    } catch {
      this.chain = undefined;
      throw new CredentialsError(await noCredentialsMessage(this.options));
    }
  }
}

/** A new provider each time: the library's providers keep state after a failure. */
function buildChain(options: ChainOptions): CredentialsProvider {
  if (options.profile && options.profileSource === 'cli') {
    return CLIProfileCredentialsProvider.builder().withProfileName(options.profile).build();
  }
  if (options.profile && options.profileSource === 'file') {
    return ProfileCredentialsProvider.builder().withProfileName(options.profile).build();
  }
  return DefaultCredentialsProvider.builder().build();
}

export function createCredentialsProvider(options: ChainOptions): ChainCredentialsProvider {
  return new ChainCredentialsProvider(options);
}

function credentialsFilePath(env: NodeJS.ProcessEnv, home: string): { path: string; shown: string } {
  if (env.ALIBABA_CLOUD_CREDENTIALS_FILE) return { path: env.ALIBABA_CLOUD_CREDENTIALS_FILE, shown: env.ALIBABA_CLOUD_CREDENTIALS_FILE };
  return { path: join(home, '.alibabacloud', 'credentials'), shown: '~/.alibabacloud/credentials' };
}

export function credentialsFileHasSection(env: NodeJS.ProcessEnv, home: string, section: string): boolean {
  try {
    const content = readFileSync(credentialsFilePath(env, home).path, 'utf8');
    return content.split(/\r?\n/).some((line) => line.trim() === `[${section}]`);
  } catch {
    return false;
  }
}

/** Library errors can quote files and responses: keep a short, printable line with known secrets cut out. */
function redactedReason(err: unknown, secrets: string[]): string {
  const text = err instanceof Error ? err.message : String(err);
  return redact(text.split(/ failed: /)[0], secrets, { mask: '***', max: 120 });
}

function secretsOf(env: NodeJS.ProcessEnv, home: string): string[] {
  const out = [env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, env.ALIBABA_CLOUD_SECURITY_TOKEN];
  try {
    const conf = JSON.parse(readFileSync(join(home, '.aliyun', 'config.json'), 'utf8')) as { profiles?: Record<string, unknown>[] };
    for (const p of conf.profiles ?? []) {
      for (const k of ['access_key_id', 'access_key_secret', 'sts_token', 'access_token', 'oauth_access_token', 'oauth_refresh_token', 'private_key']) {
        if (typeof p[k] === 'string') out.push(p[k] as string);
      }
    }
  } catch {
    // Not readable: nothing from it can be in a message either.
  }
  return out.filter((s): s is string => typeof s === 'string' && s !== '');
}

/** One line: every place the chain looked and why each gave nothing. */
export async function noCredentialsMessage(options: ChainOptions): Promise<string> {
  const env = options.env ?? process.env;
  if (options.profile && options.profileSource) {
    const where = options.profileSource === 'cli' ? '~/.aliyun/config.json' : credentialsFilePath(env, options.home).shown;
    let reason = 'gave no credentials';
    try {
      await buildChain(options).getCredentials();
    } catch (err) {
      reason = redactedReason(err, secretsOf(env, options.home));
    }
    return `--profile "${options.profile}" in ${where} gave no credentials (${reason}); check it with \`aliyun configure list\``;
  }
  const places: string[] = [];

  if (!env.ALIBABA_CLOUD_ACCESS_KEY_ID) places.push('environment (ALIBABA_CLOUD_ACCESS_KEY_ID not set)');
  else if (!env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) places.push('environment (ALIBABA_CLOUD_ACCESS_KEY_SECRET not set)');

  const conf: CliConfigRead = readAliyunConfig(options.home);
  const name = selectedProfileName(options.profile, env, conf);
  if (truthy(env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED)) places.push('~/.aliyun/config.json (disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED)');
  else if (conf.state === 'missing') places.push('~/.aliyun/config.json (not found)');
  else if (conf.state === 'invalid') places.push(`~/.aliyun/config.json (${conf.reason})`);
  else {
    const profile = findProfile(conf, name);
    if (!profile) places.push(`~/.aliyun/config.json (no profile "${name ?? ''}")`);
    else {
      let reason = 'gave no credentials';
      try {
        await CLIProfileCredentialsProvider.builder().withProfileName(profile.name).build().getCredentials();
      } catch (err) {
        reason = redactedReason(err, secretsOf(env, options.home));
      }
      places.push(`~/.aliyun/config.json (profile "${profile.name}", mode ${profile.mode ?? 'unset'}: ${reason})`);
    }
  }

  const file = credentialsFilePath(env, options.home);
  const section = options.profile ?? env.ALIBABA_CLOUD_PROFILE ?? 'default';
  if (!existsSync(file.path)) places.push(`${file.shown} (not found)`);
  else if (!credentialsFileHasSection(env, options.home, section)) places.push(`${file.shown} (no [${section}] section)`);
  else places.push(`${file.shown} ([${section}] gave no credentials)`);

  if (truthy(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED)) places.push('ECS RAM role (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)');
  else places.push('ECS RAM role (metadata service 100.100.100.200 did not answer)');

  return (
    `no credentials found; looked at: ${places.join('; ')}. ` +
    'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `aliyun configure`'
  );
}
