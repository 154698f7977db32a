// The HTTP face of the emulator: what ECS's RPC gateway does before and around an action.
// Order per request: gateway faults (latency, reset, 502) -> Version -> Action -> signature ->
// service faults (throttling, 500) -> the action. Nothing is logged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API_VERSION } from '../api/wire.js';
import { ACTIONS, RpcError, type Json, type Params } from './actions/index.js';
import type { FaultInjector } from './faults.js';
import { Prng } from './prng.js';
import { parseV3Authorization, rpcV1Signature, safeEqual, sha256Hex, v3Signature } from './signature.js';
import type { Simulation } from './sim.js';

export interface ServerConfig {
  /** One fleet per served region; RegionId selects it. */
  sims: ReadonlyMap<string, Simulation>;
  faults: FaultInjector;
  accessKeyId: string;
  accessKeySecret: string;
  /** When set (STS credentials), requests must carry this SecurityToken. */
  securityToken?: string;
  /** The first region served (the host id of error bodies). */
  regionId: string;
  seed: number;
}

const MAX_BODY = 1024 * 1024;

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

export interface EmulatorServer {
  server: Server;
  requestCount(): number;
}

export function createEmulatorServer(config: ServerConfig): EmulatorServer {
  let count = 0;
  const ids = new Prng((config.seed ^ 0x1d5e_ed01) >>> 0);
  const hostId = `ecs.${config.regionId}.aliyuncs.com`;

  function requestId(): string {
    const hex = (n: number) => ids.chars(n, '0123456789ABCDEF');
    return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  }

  function send(res: ServerResponse, status: number, body: Json, rid: string, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json;charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'x-acs-request-id': rid,
      ...headers,
    });
    res.end(text);
  }

  function sendError(res: ServerResponse, err: RpcError, rid: string): void {
    const body = {
      RequestId: rid,
      HostId: hostId,
      Code: err.code,
      Message: err.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=Ecs&requestId=${rid}`,
    };
    send(res, err.status, body, rid, err.headers);
  }

  function authenticate(req: IncomingMessage, url: URL, params: Params, query: Params, body: Buffer): void {
    const auth = req.headers.authorization;
    if (auth && auth.startsWith('ACS3-')) {
      const parsed = parseV3Authorization(auth);
      if (!parsed) throw new RpcError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
      if (parsed.algorithm !== 'ACS3-HMAC-SHA256') {
        throw new RpcError(400, 'InvalidSignatureMethod', `The signature algorithm ${parsed.algorithm} is not supported here; use ACS3-HMAC-SHA256.`);
      }
      if (parsed.accessKeyId !== config.accessKeyId) {
        throw new RpcError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
      }
      checkToken(req.headers['x-acs-security-token']);
      const declared = req.headers['x-acs-content-sha256'];
      const payloadHash = sha256Hex(body);
      if (typeof declared !== 'string' || declared.toLowerCase() !== payloadHash) {
        throw new RpcError(400, 'IncompleteSignature', 'The x-acs-content-sha256 header does not match the request body.');
      }
      const expected = v3Signature({
        method: req.method ?? 'GET',
        path: url.pathname,
        query,
        headers: req.headers,
        signedHeaders: parsed.signedHeaders,
        payloadHash,
        secret: config.accessKeySecret,
      });
      if (!safeEqual(expected, parsed.signature.toLowerCase())) {
        throw new RpcError(403, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
      }
      return;
    }
    const keyId = params.AccessKeyId;
    const signature = params.Signature;
    if (!keyId || !signature) {
      throw new RpcError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards: AccessKeyId and Signature are required.');
    }
    if (params.SignatureMethod !== undefined && params.SignatureMethod !== 'HMAC-SHA1') {
      throw new RpcError(400, 'InvalidSignatureMethod', `SignatureMethod ${params.SignatureMethod} is not supported; use HMAC-SHA1.`);
    }
    if (keyId !== config.accessKeyId) throw new RpcError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    checkToken(params.SecurityToken);
    const expected = rpcV1Signature(req.method ?? 'GET', params, config.accessKeySecret);
    if (!safeEqual(expected, signature)) {
      throw new RpcError(403, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
  }

  function checkToken(sent: string | string[] | undefined): void {
    if (config.securityToken === undefined) return;
    if (sent === undefined || sent === '') throw new RpcError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for these credentials.');
    if (sent !== config.securityToken) {
      throw new RpcError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'The SecurityToken does not match the AccessKeyId.');
    }
  }

  const primary = config.sims.get(config.regionId) as Simulation;
  const regions = [...config.sims.keys()];

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const { url, query, params } = readParams(req, body);
    const draw = config.faults.draw(params.RegionId);
    if (draw.latencyMs > 0) await new Promise((r) => setTimeout(r, draw.latencyMs));
    if (draw.gateway === 'reset') {
      req.socket.destroy();
      return;
    }
    if (draw.gateway === 'badGateway') {
      res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(BAD_GATEWAY_HTML) });
      res.end(BAD_GATEWAY_HTML);
      return;
    }
    const rid = requestId();
    try {
      if (req.method !== 'GET' && req.method !== 'POST') {
        throw new RpcError(400, 'UnsupportedHTTPMethod', `The HTTP method ${req.method} is not supported; use GET or POST.`);
      }
      const version = params.Version ?? header(req, 'x-acs-version');
      if (!version) throw new RpcError(400, 'MissingVersion', 'Version is mandatory for this action.');
      if (version !== API_VERSION) throw new RpcError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
      const actionName = params.Action ?? header(req, 'x-acs-action');
      if (!actionName) throw new RpcError(400, 'MissingAction', 'Action is mandatory for this request.');
      const action = url.pathname === '/' ? ACTIONS[actionName] : undefined;
      if (!action) throw new RpcError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
      authenticate(req, url, params, query, body);
      if (draw.service === 'throttle') {
        const headers: Record<string, string> = draw.retryAfterMs !== undefined ? { 'x-acs-retry-after': String(draw.retryAfterMs) } : {};
        throw new RpcError(400, 'Throttling.User', 'Request was denied due to user flow control.', headers);
      }
      if (draw.service === 'error500') {
        throw new RpcError(500, 'InternalError.Dispatch', 'An error occurred when you dispatched the request.');
      }
      const served = params.RegionId !== undefined ? config.sims.get(params.RegionId) : undefined;
      const ctx = { sim: served ?? primary, regionId: served ? (params.RegionId as string) : config.regionId, regions, requestId: rid };
      const result = action(params, ctx);
      send(res, 200, result, rid);
    } catch (err) {
      if (err instanceof RpcError) sendError(res, err, rid);
      else sendError(res, new RpcError(500, 'InternalError', 'The request processing has failed due to some unknown error.'), rid);
    }
  }

  const server = createServer((req, res) => {
    count++;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) {
        sendError(res, new RpcError(413, 'RequestEntityTooLarge', 'The request body is larger than 1 MB.'), requestId());
        return;
      }
      handle(req, res, Buffer.concat(chunks)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    req.on('error', () => req.socket.destroy());
  });
  server.keepAliveTimeout = 5_000;
  return { server, requestCount: () => count };
}

/** Query and form parameters (form fields win), read before anything else so faults can go by region. */
function readParams(req: IncomingMessage, body: Buffer): { url: URL; query: Params; params: Params } {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://emulator');
  } catch {
    url = new URL('http://emulator/?');
  }
  const query: Params = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (body.length > 0 && (type.includes('application/x-www-form-urlencoded') || type === '')) {
    return { url, query, params: { ...query, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) } };
  }
  return { url, query, params: query };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
