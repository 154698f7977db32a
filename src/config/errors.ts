// Exit codes and the errors that carry them. Every message is one line that says what to do;
// the entry point prints `catop: <message>` and never a stack trace.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  credentials: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Bad flags, bad values, missing region, unsafe endpoint: exit 2, before any network call. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** No credentials anywhere, or the API refused them: exit 3. */
export class CredentialsError extends Error {
  readonly exitCode = EXIT.credentials;
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}
