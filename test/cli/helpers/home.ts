// Temporary HOME directories holding aliyun CLI and credentials-file configurations.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliProfileFixture {
  name: string;
  mode: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  region_id?: string;
  endpoint_type?: string;
  ram_role_name?: string;
  ram_role_arn?: string;
  ram_session_name?: string;
  sts_endpoint?: string;
}

export interface HomeFixture {
  dir: string;
  remove(): void;
}

export function makeHome(files: { aliyun?: { current?: string; profiles: CliProfileFixture[] } | string; credentials?: string } = {}): HomeFixture {
  const dir = mkdtempSync(join(tmpdir(), 'catop-home-'));
  if (files.aliyun !== undefined) {
    mkdirSync(join(dir, '.aliyun'));
    const text = typeof files.aliyun === 'string' ? files.aliyun : JSON.stringify({ meta_path: '', ...files.aliyun }, null, 2);
    writeFileSync(join(dir, '.aliyun', 'config.json'), text, { mode: 0o600 });
  }
  if (files.credentials !== undefined) {
    mkdirSync(join(dir, '.alibabacloud'));
    writeFileSync(join(dir, '.alibabacloud', 'credentials'), files.credentials, { mode: 0o600 });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
