// The terminal is gone (its window closed, the SSH link dropped, tmux killed the session): every
// write to it fails with EIO, every mode change too. The process leaves at once without touching
// it again: no frame, no restore, no cursor byte, and none of Node's own reset of the terminal's
// modes at exit (`ResetStdio`), which aborts with a native stack when that reset fails.
import { closeSync, openSync } from 'node:fs';
import { isatty } from 'node:tty';

/** 128 + SIGHUP: what a shell reports for a process that a hangup ended. */
export const HANGUP_EXIT = 129;

/** Write errors that mean the terminal itself is gone, not a full disk. */
const GONE = new Set(['EIO', 'ENXIO', 'EPIPE']);

export function isHangupError(error: unknown): boolean {
  return GONE.has(String((error as { code?: unknown } | null)?.code));
}

/**
 * Whether `stream` is a terminal that still answers. A hung-up terminal fails every ioctl with
 * EIO, so `isatty` says no; a stream without a file descriptor (a test's) counts as alive.
 */
export function terminalAlive(stream: object): boolean {
  const fd = (stream as { fd?: unknown }).fd;
  return typeof fd !== 'number' || isatty(fd);
}

/** Replace what would reach the terminal with nothing: writes succeed silently, modes stay. */
export function silence(stdout: NodeJS.WritableStream, stdin?: NodeJS.ReadStream): void {
  const quiet = (...args: unknown[]): boolean => {
    const done = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  (stdout as { write: unknown }).write = quiet;
  if (stdin && typeof stdin.setRawMode === 'function') stdin.setRawMode = () => stdin;
}

/**
 * Point file descriptors 0-2 at /dev/null. Node resets the modes of the terminal it found there at
 * start only while they still name that terminal, so its exit then leaves the dead one alone.
 * Closing a descriptor and opening a file takes the lowest free number: the one just closed.
 */
function releaseStdio(): void {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
      openSync('/dev/null', fd === 0 ? 'r' : 'w');
    } catch {
      // Already closed: nothing of the terminal is left on it.
    }
  }
}

/**
 * libuv puts back at exit the modes it found before raw mode, through the descriptor of the input
 * it set raw (its own copy of the terminal, above 2): closed, that reset reaches nothing.
 */
function releaseRawInput(stdin: NodeJS.ReadStream): void {
  const fd = (stdin as { _handle?: { fd?: unknown } })._handle?.fd;
  if (typeof fd !== 'number' || fd <= 2) return;
  try {
    closeSync(fd);
  } catch {
    // Not open: nothing to reset through it.
  }
}

/** Exit 129 now. `stdin`: the live UI's input, whose raw mode must not be touched on the way out. */
export function leaveDeadTerminal(stdin?: NodeJS.ReadStream): never {
  // Ink unmounts on exit (a last frame, raw mode off) and restore-cursor writes to stderr: silenced.
  silence(process.stdout, stdin);
  silence(process.stderr);
  if (stdin) releaseRawInput(stdin);
  releaseStdio();
  process.exit(HANGUP_EXIT);
}
