// Bounds on every response under pop-core: bytes on the wire, bytes once decompressed, time, and
// no socket that outlives its call.
// Why a guard beside pop-core rather than our own HTTP: pop-core (signing, params, its error
// shapes) stays the client. httpx under it (node_modules/httpx/lib/index.js) buffers the whole
// body, inflates gzip/deflate without a limit, and on its read timeout rejects without closing the
// response, so a trickling server keeps the socket. pop-core hands `agent` and `beforeRequest` to
// httpx, and http.request passes the options on to the agent's `addRequest` with the request: a
// tag in the options lets one agent per client give each call's guard its own ClientRequest.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { MAX_DECODED_BYTES, MAX_RESPONSE_BYTES } from './bounds.js';
import { ApiError } from './errors.js';

const GUARD = Symbol('catop.callGuard');

export interface CallLimits {
  timeoutMs: number;
  /** Bytes received for the response: status line, headers, framing and (compressed) body. */
  maxBytes?: number;
  /** Bytes of the body after gzip/deflate. */
  maxDecodedBytes?: number;
}

function tooLarge(what: string, limit: number): ApiError {
  return new ApiError({
    code: 'ResponseTooLarge',
    kind: 'malformed',
    retryable: true,
    message: `The endpoint's answer was cut off: ${what} more than ${Math.round(limit / (1024 * 1024))} MB, no real page is that large`,
  });
}

export function timedOut(): ApiError {
  return new ApiError({ code: 'RequestTimeout', kind: 'timeout', retryable: true, message: 'The endpoint did not answer in time' });
}

type Options = Record<PropertyKey, unknown>;

/**
 * Watches the one request of one call. `failure` rejects with an ApiError when the response is
 * too large or too slow, after the request, the response, the decoder and the socket are
 * destroyed; `done()` (always, when the call settles) destroys whatever is still open.
 */
export class CallGuard {
  readonly failure: Promise<never>;
  private reject!: (err: ApiError) => void;
  private req?: http.ClientRequest;
  private res?: http.IncomingMessage;
  private decoder?: Readable;
  private socket?: Socket;
  private timer?: NodeJS.Timeout;
  private settled = false;
  private received = 0;
  private decoded = 0;
  private readonly maxBytes: number;
  private readonly maxDecodedBytes: number;

  constructor(private readonly limits: CallLimits) {
    this.maxBytes = limits.maxBytes ?? MAX_RESPONSE_BYTES;
    this.maxDecodedBytes = limits.maxDecodedBytes ?? MAX_DECODED_BYTES;
    this.failure = new Promise<never>((_, reject) => {
      this.reject = reject;
    });
    // Raced against the call; when the call settles first nobody awaits it.
    this.failure.catch(() => {});
  }

  /** pop-core's `beforeRequest` hook (through httpx): tags the options for the agent. */
  readonly tag = (options: Options): Options => ({ ...options, [GUARD]: this });

  /** Called by the agent with the call's request, before it has a socket. */
  attach(req: http.ClientRequest): void {
    if (this.settled) {
      req.destroy();
      return;
    }
    this.req = req;
    // The deadline runs from the request, not from the credentials lookup before it.
    this.timer = setTimeout(() => this.fail(timedOut()), this.limits.timeoutMs);
    req.on('socket', (socket: Socket) => {
      this.socket = socket;
      socket.on('data', this.onSocketData);
    });
    req.prependListener('response', (res: http.IncomingMessage) => this.onResponse(res));
  }

  /** The call settled (answered, failed or given up): stop watching; close what is still open. */
  done(): void {
    this.settled = true;
    clearTimeout(this.timer);
    this.unwatchSocket();
    if (this.req && !this.res?.complete) this.destroyAll();
  }

  private readonly onSocketData = (chunk: Buffer): void => {
    this.received += chunk.length;
    if (this.received > this.maxBytes) this.fail(tooLarge('received', this.maxBytes));
  };

  private onResponse(res: http.IncomingMessage): void {
    this.res = res;
    // A keep-alive socket goes on to the next request: stop counting on it when this one ends.
    // It is also whole by then: the deadline is for the network, not for parsing.
    res.once('end', () => {
      clearTimeout(this.timer);
      this.unwatchSocket();
    });
    const length = Number(res.headers['content-length']);
    if (length > this.maxBytes) {
      this.fail(tooLarge('announced', this.maxBytes));
      return;
    }
    const encoding = res.headers['content-encoding'];
    if (encoding && encoding !== 'identity') {
      // httpx inflates by piping the response into a zlib stream: count what comes out of it.
      const pipe = res.pipe.bind(res);
      res.pipe = (<T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }): T => {
        this.watchDecoder(dest as unknown as Readable);
        return pipe(dest, opts);
      }) as typeof res.pipe;
    }
  }

  private watchDecoder(decoder: Readable): void {
    this.decoder = decoder;
    decoder.on('data', (chunk: Buffer) => {
      this.decoded += chunk.length;
      if (this.decoded > this.maxDecodedBytes) this.fail(tooLarge('decompressed', this.maxDecodedBytes));
    });
  }

  private unwatchSocket(): void {
    this.socket?.off('data', this.onSocketData);
  }

  private fail(err: ApiError): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.unwatchSocket();
    this.destroyAll();
    this.reject(err);
  }

  private destroyAll(): void {
    this.decoder?.destroy();
    this.res?.destroy();
    this.req?.destroy();
    this.socket?.destroy();
  }
}

type AddRequest = (this: http.Agent, req: http.ClientRequest, options: Options) => void;

/** A keep-alive agent (as pop-core's own) that hands each tagged request to its call's guard. */
export function guardedAgent(secure: boolean): http.Agent {
  const agent = secure ? new https.Agent({ keepAlive: true, keepAliveMsecs: 3000 }) : new http.Agent({ keepAlive: true, keepAliveMsecs: 3000 });
  const hooked = agent as unknown as { addRequest: AddRequest };
  const addRequest = hooked.addRequest;
  hooked.addRequest = function (req, options) {
    (options[GUARD] as CallGuard | undefined)?.attach(req);
    addRequest.call(this, req, options);
  };
  return agent;
}
