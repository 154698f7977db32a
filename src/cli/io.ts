// The edges of the non-interactive modes: where lines go, how time passes, and how an error
// becomes an exit code and one line on stderr.
import { homedir } from 'node:os';
import { ApiError, isAuthError } from '../api/errors.js';
import { EXIT, type ExitCode } from '../config/errors.js';
import { sanitizeInline } from '../text/index.js';

export interface Output {
  out(text: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (text) => void process.stdout.write(text),
  err: (line) => void process.stderr.write(`catop: ${line}\n`),
};

export interface Timing {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** `Code: Message (RequestId ...)`, made printable: the message is from the network. */
export function describeApiError(err: ApiError): string {
  let hint = '';
  if (isAuthError(err)) hint = '; check the AccessKey (environment, --profile) and its RAM permissions';
  else if (err.kind === 'network' || err.kind === 'timeout') {
    hint = '; check --region/--endpoint and that this host can reach it (in a VPC without internet access: --vpc)';
  }
  return `${sanitizeInline(err.oneLine())}${hint}`;
}

/** Final API failures: 3 for credentials or permission, 1 for the rest. */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof ApiError && isAuthError(err)) return EXIT.credentials;
  const code = (err as { exitCode?: unknown } | null)?.exitCode;
  if (code === EXIT.usage || code === EXIT.credentials) return code;
  return EXIT.failure;
}

export function errorLine(err: unknown): string {
  if (err instanceof ApiError) return describeApiError(err);
  if (err instanceof Error) return sanitizeInline(err.message);
  return 'unexpected failure';
}

export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  home: string;
  /** Both ends are terminals: the live UI can run. */
  interactive: boolean;
  output: Output;
  timing: Timing;
}

export function processEnvironment(): CliEnvironment {
  return {
    env: process.env,
    home: homedir(),
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    output: processOutput,
    timing: realTiming,
  };
}
