// The edges of the non-interactive modes: where lines go, how time passes, and how an error
// becomes an exit code and one line on stderr.
import { homedir } from 'node:os';
import { ApiError, isAuthError } from '../api/errors.js';
import { EXIT, type ExitCode } from '../config/errors.js';
import { sanitizeInline } from '../text/index.js';
import { isHangupError, leaveDeadTerminal } from '../ui/deadTerminal.js';
import { whyNoLiveScreen } from '../ui/terminal.js';

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
  /** Both ends are terminals that the live UI can draw on. */
  interactive: boolean;
  /** Both ends are terminals, but the live UI cannot draw there (CI, TERM=dumb): why, for stderr. */
  noLiveScreen?: string;
  output: Output;
  timing: Timing;
}

export function processEnvironment(): CliEnvironment {
  const terminals = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  const noLiveScreen = terminals ? whyNoLiveScreen(process.env) : undefined;
  return {
    env: process.env,
    home: homedir(),
    interactive: terminals && noLiveScreen === undefined,
    noLiveScreen,
    output: processOutput,
    timing: realTiming,
  };
}

/**
 * A failed write to stdout: the reader went away (`| head -1`: quietly, 141 = 128 + SIGPIPE, as a
 * shell tool killed by it), the terminal hung up (129, without another byte), or anything else
 * (a full disk: `> /dev/full`), which exits 1 with one line on stderr.
 */
function stdoutFailed(error: NodeJS.ErrnoException): void {
  if (process.stdout.isTTY && isHangupError(error)) leaveDeadTerminal();
  if (error.code === 'EPIPE') process.exit(141);
  process.stderr.write(`catop: cannot write the output: ${sanitizeInline(error.message)}\n`);
  process.exit(EXIT.failure);
}

/** The process around main(): what a failed write to stdout means, and no inspector on SIGUSR1. */
export function guardProcess(): void {
  process.stdout.on('error', stdoutFailed);
  // Node opens a debugger port on SIGUSR1 (and prints its address over the screen) unless the
  // signal has a listener: it does nothing here.
  process.on('SIGUSR1', () => {});
}

/** Exit once stdout has taken every byte (pipes can be asynchronous), even if a keep-alive socket lingers. */
export function exitWhenWritten(code: number): void {
  process.exitCode = code;
  process.stdout.write('', (error) => (error ? stdoutFailed(error as NodeJS.ErrnoException) : process.exit(code)));
}
