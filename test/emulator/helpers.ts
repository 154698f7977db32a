// Shared by the emulator tests: the real pop-core client pointed at a running emulator.
import RPCClient from '@alicloud/pop-core';
import type { RunningEmulator } from '../../src/emulator/index.js';

export type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CallError {
  code: string;
  status: number | undefined;
  data: Body | undefined;
  headers: Record<string, string | string[] | undefined>;
  message: string;
}

export function client(emu: RunningEmulator, over: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string; apiVersion?: string } = {}) {
  const Ctor = RPCClient as unknown as new (c: object) => { request(a: string, p: object, o: object): Promise<Body> };
  return new Ctor({
    accessKeyId: over.accessKeyId ?? emu.accessKeyId,
    accessKeySecret: over.accessKeySecret ?? emu.accessKeySecret,
    securityToken: over.securityToken,
    endpoint: emu.endpoint,
    apiVersion: over.apiVersion ?? '2014-05-26',
  });
}

/** Strip undefined params (pop-core would send the string "undefined"). */
function clean(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

export async function call(
  emu: RunningEmulator,
  action: string,
  params: Record<string, unknown> = {},
  opts: { method?: 'GET' | 'POST'; accessKeyId?: string; accessKeySecret?: string; securityToken?: string; apiVersion?: string } = {},
): Promise<Body> {
  const withRegion = { RegionId: emu.regionId, ...params };
  return client(emu, opts).request(action, clean(withRegion), { method: opts.method ?? 'POST', timeout: 10_000 });
}

/** Call and expect a failure; returns its code, HTTP status and body. */
export async function callError(
  emu: RunningEmulator,
  action: string,
  params: Record<string, unknown> = {},
  opts: Parameters<typeof call>[3] = {},
): Promise<CallError> {
  try {
    const body = await call(emu, action, params, opts);
    throw new Error(`expected ${action} to fail, got ${JSON.stringify(body).slice(0, 200)}`);
  } catch (err) {
    const e = err as { code?: string; data?: Body; message?: string; entry?: { response?: { statusCode?: number; headers?: Record<string, string> } } };
    if (e.message?.startsWith('expected ')) throw err;
    return {
      code: e.code ?? '',
      status: e.entry?.response?.statusCode,
      data: e.data,
      headers: e.entry?.response?.headers ?? {},
      message: e.message ?? String(err),
    };
  }
}

export function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function unb64(text: string): string {
  return Buffer.from(text, 'base64').toString('utf8');
}

/** All invocations of a listing. */
export function invocations(body: Body): Body[] {
  return body.Invocations.Invocation as Body[];
}
