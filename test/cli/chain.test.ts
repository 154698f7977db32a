// The credential chain in process: a failure does not leave it stuck (a fresh
// DefaultCredentialsProvider per attempt), and its error names the places, never a secret.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialsProvider } from '../../src/config/credentials.js';
import { CredentialsError } from '../../src/config/errors.js';
import { makeHome, type HomeFixture } from './helpers/home.js';

const KEYS = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_PROFILE', 'ALIBABA_CLOUD_CREDENTIALS_FILE', 'ALIBABA_CLOUD_CREDENTIALS_URI', 'ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'HOME'];
let saved: Record<string, string | undefined>;
let home: HomeFixture;

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) delete process.env[k];
  home = makeHome();
  // The library reads os.homedir(), which follows HOME; no metadata-service traffic from tests.
  process.env.HOME = home.dir;
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
});

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  home.remove();
});

describe('ChainCredentialsProvider', () => {
  it('recovers after a failure once credentials appear', async () => {
    const provider = createCredentialsProvider({ home: home.dir });
    await expect(provider.getCredentials()).rejects.toBeInstanceOf(CredentialsError);
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAIchainTest01';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'chain-secret-value';
    await expect(provider.getCredentials()).resolves.toEqual({ accessKeyId: 'LTAIchainTest01', accessKeySecret: 'chain-secret-value', securityToken: undefined });
    expect(provider.providerName).toBe('default/env');
  });

  it('keeps a profile secret out of its failure message', async () => {
    home.remove();
    home = makeHome({ aliyun: { current: 'p', profiles: [{ name: 'p', mode: 'StsToken', access_key_id: 'LTAIvisibleId01', access_key_secret: 'hidden-secret-123', sts_token: '' }] } });
    process.env.HOME = home.dir;
    const provider = createCredentialsProvider({ home: home.dir });
    const err = await provider.getCredentials().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(CredentialsError);
    expect(err!.message).toContain('~/.aliyun/config.json (profile "p", mode StsToken');
    expect(err!.message).not.toContain('hidden-secret-123');
    expect(err!.message).not.toContain('\n');
  });
});
