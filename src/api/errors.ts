// One error value for every way an API call can fail. The UI explains it by `code`;
// `message` never holds a URL, an AccessKeyId, a secret or a token.

export type ApiErrorKind = 'api' | 'network' | 'timeout' | 'malformed' | 'validation' | 'credentials';

export interface ApiErrorInit {
  code: string;
  message: string;
  kind: ApiErrorKind;
  requestId?: string;
  httpStatus?: number;
  retryable: boolean;
  retryAfterMs?: number;
  recommend?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly kind: ApiErrorKind;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly recommend?: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.kind = init.kind;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.recommend = init.recommend;
  }

  /** `Code: Message (RequestId ...)` in one line. */
  oneLine(): string {
    const rid = this.requestId ? ` (RequestId ${this.requestId})` : '';
    return `${this.code}: ${this.message}${rid}`;
  }
}

/** Codes that mean "the credentials or permissions are wrong": exit 3, stop polling. */
export const AUTH_ERROR_CODES: ReadonlySet<string> = new Set([
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  // STS credentials sent without their token.
  'MissingSecurityToken',
  'Forbidden.RAM',
  'Forbidden',
  'Forbidden.AccessKeyDisabled',
  'NoPermission',
  'InvalidAccessKeySecret',
  'MissingCredentials',
]);

export function isAuthError(err: ApiError): boolean {
  return err.kind === 'credentials' || AUTH_ERROR_CODES.has(err.code) || err.code.startsWith('Forbidden');
}

/** `Throttling`, `Throttling.User`, `Throttling.Api` (HTTP 400), or a bare HTTP 429: the account's rate limit. */
export function isThrottling(err: ApiError): boolean {
  return /^Throttling/i.test(err.code) || err.httpStatus === 429;
}
