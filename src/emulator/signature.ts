// Verifying the two signature schemes real clients send (computed here, compared in constant time):
// - RPC v1: `Signature` param, HMAC-SHA1 over `METHOD&%2F&encode(sorted canonical query)`, key `secret&`
//   (pop-core, the aliyun CLI).
// - V3: `Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..` over a
//   canonical request with `x-acs-*` headers and `x-acs-content-sha256` (generated SDKs such as
//   @alicloud/ecs20140526 through @alicloud/openapi-core).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Alibaba's percent-encoding: RFC 3986 unreserved kept, everything else %XX (space is %20, `*` is %2A). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function rpcV1Signature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parse `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`; undefined when malformed. */
export function parseV3Authorization(header: string): V3Authorization | undefined {
  const m = /^(ACS3-[A-Z0-9-]+)\s+(.*)$/.exec(header.trim());
  if (!m) return undefined;
  const fields = new Map<string, string>();
  for (const part of m[2].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || signedHeaders === undefined || !signature) return undefined;
  return { algorithm: m[1], accessKeyId, signedHeaders: signedHeaders.split(';').filter(Boolean), signature };
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function v3Signature(input: {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  signedHeaders: readonly string[];
  payloadHash: string;
  secret: string;
}): string {
  const canonicalQuery = Object.keys(input.query)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(input.query[k])}`)
    .join('&');
  let canonicalHeaders = '';
  for (const name of input.signedHeaders) {
    const raw = input.headers[name.toLowerCase()];
    const value = Array.isArray(raw) ? raw.map((v) => v.trim()).sort().join(',') : (raw ?? '').trim();
    canonicalHeaders += `${name.toLowerCase()}:${value}\n`;
  }
  const canonicalRequest = [
    input.method,
    input.path || '/',
    canonicalQuery,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', input.secret).update(stringToSign).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
