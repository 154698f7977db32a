// Every way a pop-core 1.8 call can fail, mapped into one ApiError. pop-core throws four shapes:
// an Error with `code`/`data` (API error), a native network error, a plain non-Error
// object from json-bigint (non-JSON body), and it *returns* 4xx/5xx JSON bodies without `Code`
// (handled by `httpStatusError`). Messages are rebuilt from parts we trust; every field taken from
// the network (Code, Message, RequestId, Recommend) goes through `redact`: pop-core appends the
// request URL (with AccessKeyId, SecurityToken and Signature under GET) to its messages, and an
// endpoint may echo the token or escape sequences into any field.
import { MAX_ID_CHARS } from './bounds.js';
import { ApiError, AUTH_ERROR_CODES } from './errors.js';
import { redact, type Secrets } from './redact.js';

export type { Secrets } from './redact.js';

/** A Code or RequestId from the network: redacted, one id's length at most. */
function idField(v: string, secrets: Secrets): string {
  return redact(v, secrets, { max: MAX_ID_CHARS });
}

/** API error codes worth retrying: the service is busy or broken, not the request. */
export function isRetryableCode(code: string, httpStatus?: number): boolean {
  if (AUTH_ERROR_CODES.has(code) || code.startsWith('Forbidden')) return false;
  if (/^Throttling/i.test(code)) return true;
  if (/^InternalError/i.test(code)) return true;
  if (/^ServiceUnavailable/i.test(code)) return true;
  if (code === 'UnknownError') return true;
  if (httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 429)) return true;
  return false;
}

/** `x-acs-retry-after` is in milliseconds. */
export function parseRetryAfter(headers: unknown): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const raw = (headers as Record<string, unknown>)['x-acs-retry-after'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

const NETWORK_CODES = new Map<string, string>([
  ['ECONNREFUSED', 'connection refused'],
  ['ECONNRESET', 'connection reset'],
  ['ECONNABORTED', 'connection aborted'],
  ['EPIPE', 'connection closed while sending'],
  ['ENOTFOUND', 'host not found'],
  ['EAI_AGAIN', 'DNS lookup failed'],
  ['EHOSTUNREACH', 'host unreachable'],
  ['ENETUNREACH', 'network unreachable'],
  ['ENETDOWN', 'network down'],
  ['EPROTO', 'TLS/protocol error'],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS/protocol error'],
  ['UND_ERR_SOCKET', 'connection closed'],
]);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function requestIdOf(data: Record<string, unknown>, secrets: Secrets): string | undefined {
  const id = str(data.RequestId);
  return id === undefined ? undefined : idField(id, secrets) || undefined;
}

function httpStatusOf(entry: unknown): number | undefined {
  const res = (entry as { response?: { statusCode?: unknown } } | undefined)?.response;
  return typeof res?.statusCode === 'number' ? res.statusCode : undefined;
}

function headersOf(entry: unknown): unknown {
  return (entry as { response?: { headers?: unknown } } | undefined)?.response?.headers;
}

/** The status code of a gateway's HTML error page (`<title>502 Bad Gateway</title>`), if any. */
function sniffHtmlStatus(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /<title>\s*([1-5]\d\d)\b/i.exec(text) ?? /<h1>\s*([1-5]\d\d)\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Thrown by the client's credentials wrapper; mapped to kind 'credentials'. */
export class CredentialsFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CredentialsFailure';
  }
}

/** Maps anything pop-core (or our credentials wrapper) threw into an ApiError. */
export function toApiError(err: unknown, secrets: Secrets = []): ApiError {
  if (err instanceof ApiError) return err;

  if (err instanceof CredentialsFailure) {
    return new ApiError({
      code: 'MissingCredentials',
      kind: 'credentials',
      retryable: false,
      message: redact(err.reason, secrets),
    });
  }

  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;

    // (a) API error: pop-core's Error with `code` and the parsed body in `data`. pop-core takes
    // any truthy `Code` the body has: an object or a list there is junk, not a code.
    const apiCode = e.data && typeof e.data === 'object' ? e.code : undefined;
    if (apiCode !== undefined && typeof apiCode !== 'string' && typeof apiCode !== 'number') return malformedBody('Code is not a string');
    if (apiCode !== undefined) {
      const data = e.data as Record<string, unknown>;
      const httpStatus = httpStatusOf(e.entry);
      const code = idField(String(apiCode), secrets) || 'UnknownError';
      return new ApiError({
        code,
        kind: 'api',
        message: redact(str(data.Message) ?? `The API refused the request (${code})`, secrets),
        requestId: requestIdOf(data, secrets),
        httpStatus,
        retryable: isRetryableCode(code, httpStatus),
        retryAfterMs: parseRetryAfter(headersOf(e.entry)),
        recommend: recommendText(data.Recommend, secrets),
      });
    }

    // (b) Timeouts: httpx names both its connect and read timeouts RequestTimeoutError.
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (/RequestTimeout/.test(name) || e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT') {
      return new ApiError({
        code: 'RequestTimeout',
        kind: 'timeout',
        retryable: true,
        message: 'The endpoint did not answer in time',
      });
    }

    // (b) Native network errors.
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) {
      return new ApiError({
        code: e.code,
        kind: 'network',
        retryable: true,
        message: `Network error: ${NETWORK_CODES.get(e.code)}`,
      });
    }
    if (/socket hang up/i.test(message)) {
      return new ApiError({ code: 'ECONNRESET', kind: 'network', retryable: true, message: 'Network error: connection reset' });
    }

    // (c) json-bigint's plain object on a body that is not JSON (a gateway's HTML page), or JSON
    // it cannot read (`1e400`, a truncated body): the reason is json-bigint's, with its position.
    if (!(err instanceof Error) && name === 'SyntaxError' && 'text' in e) {
      const httpStatus = sniffHtmlStatus(e.text);
      const looksJson = typeof e.text === 'string' && /^\s*[[{]/.test(e.text.slice(0, 1024));
      const at = typeof e.at === 'number' ? ` at character ${e.at}` : '';
      return new ApiError({
        code: 'NonJsonResponse',
        kind: 'malformed',
        retryable: true,
        httpStatus,
        message: looksJson
          ? `The endpoint's JSON could not be read: ${jsonReason(message, secrets)}${at}`
          : `The endpoint answered with something that is not JSON${httpStatus ? ` (HTTP ${httpStatus})` : ''}`,
      });
    }

    // pop-core reads `Code` off whatever it parsed and makes a name of it (a TypeError on `null`
    // or on a prototype-less object as Code); its parser recurses (a RangeError on JSON nested
    // thousands deep). Nothing else under the call throws these.
    if (err instanceof TypeError || err instanceof RangeError) {
      return malformedBody(err instanceof RangeError ? 'the body is nested too deeply' : 'the body is null or has a field of the wrong type');
    }

    if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) {
      return new ApiError({ code: e.code, kind: 'network', retryable: true, message: `Network error: ${e.code}` });
    }

    if (err instanceof Error) {
      return new ApiError({
        code: 'UnexpectedError',
        kind: 'api',
        retryable: false,
        message: redact(`${err.name}: ${err.message}`, secrets),
      });
    }
  }

  return new ApiError({
    code: 'UnexpectedError',
    kind: 'api',
    retryable: false,
    message: 'The request failed for an unknown reason',
  });
}

function malformedBody(what: string): ApiError {
  return new ApiError({ code: 'MalformedResponse', kind: 'malformed', retryable: true, message: `Unexpected response from the API: ${what}` });
}

/** json-bigint's reasons, said plainly ("Bad number" is also a number out of range). */
function jsonReason(message: string, secrets: Secrets): string {
  if (message === 'Bad number') return 'a number out of range or malformed';
  return redact(message, secrets, { max: 80 }) || 'unreadable';
}

/** (d) pop-core returns 4xx/5xx JSON bodies without `Code` as if they succeeded. */
export function httpStatusError(status: number, body: unknown, headers: unknown, secrets: Secrets = []): ApiError {
  const data = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = status === 503 ? 'ServiceUnavailable' : status === 429 ? 'Throttling' : `Http${status}`;
  return new ApiError({
    code,
    kind: 'api',
    httpStatus: status,
    requestId: requestIdOf(data, secrets),
    retryable: isRetryableCode(code, status),
    retryAfterMs: parseRetryAfter(headers),
    message: redact(str(data.Message) ?? `HTTP ${status} without an error code`, secrets),
  });
}

/** `Recommend` is usually a diagnosis link; keep only what is not a URL. */
function recommendText(v: unknown, secrets: Secrets): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = redact(s, secrets).replace(/<url>/g, '').trim();
  return t === '' ? undefined : t;
}
