// The terminal around the live UI: the alternate screen on entry, and its restore (main screen,
// cursor shown, raw mode off) on every way out: quit, Ctrl-C, SIGTERM, SIGHUP (an SSH session
// that drops), SIGINT, and an uncaught exception or rejection anywhere. Ink 6 has no
// alternate-screen option, so we write the sequences ourselves.
import { redact } from '../api/redact.js';

// 1049 saves the cursor and switches screens but leaves the cursor on its old row: home it, or
// Ink's first frame starts mid-screen, scrolls, and every incremental update lands a row low.
export const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
export const LEAVE_ALT_SCREEN = '\u001b[?1049l';
export const SHOW_CURSOR = '\u001b[?25h';

/** Exit codes of a process ended by a signal: 128 + the signal number. */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

type Events = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

export interface TerminalGuardOptions {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** A signal or a crash: the caller unmounts, returns `code`, and prints `error` after restore. */
  onExit: (code: number, error?: unknown) => void;
  /** Where signals and uncaught errors are heard (the process; tests pass an emitter). */
  events?: Events;
  /** False when Ink draws no live frames (CI): the main screen keeps the warning in view. */
  altScreen?: boolean;
}

export interface TerminalGuard {
  /** Back to the main screen with the cursor shown and raw mode off. Acts once. */
  restore(): void;
  /** Stop listening to signals and uncaught errors. */
  dispose(): void;
}

export function enterFullScreen(options: TerminalGuardOptions): TerminalGuard {
  const { stdout, stdin, onExit } = options;
  const events: Events = options.events ?? process;
  const altScreen = options.altScreen ?? true;
  let restored = false;

  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
    } catch {
      // stdin already closed (hangup): nothing to restore.
    }
    try {
      stdout.write((altScreen ? LEAVE_ALT_SCREEN : '') + SHOW_CURSOR);
    } catch {
      // The terminal is gone.
    }
  };

  const listeners: [string, (...args: unknown[]) => void][] = [];
  const listen = (event: string, fn: (...args: unknown[]) => void) => {
    listeners.push([event, fn]);
    events.on(event, fn);
  };
  for (const signal of Object.keys(SIGNAL_EXIT)) {
    listen(signal, () => {
      // After a hangup, writes to the dead terminal fail with EIO/EPIPE: do not let that crash us.
      if (signal === 'SIGHUP') stdout.on('error', () => {});
      restore();
      onExit(SIGNAL_EXIT[signal]);
    });
  }
  const crash = (error: unknown) => {
    restore();
    onExit(1, error);
  };
  listen('uncaughtException', crash);
  listen('unhandledRejection', crash);
  // Last resort: a process.exit() from anywhere still leaves the terminal usable.
  listen('exit', restore);

  try {
    if (altScreen) stdout.write(ENTER_ALT_SCREEN);
  } catch {
    // Nothing to enter; restore stays harmless.
  }

  return {
    restore,
    dispose() {
      for (const [event, fn] of listeners.splice(0)) events.off(event, fn);
    },
  };
}

/** CI set to anything but 0/false makes Ink draw no live frames (the rule of `is-in-ci`). */
export function liveRenderingOff(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (key: string) => key in env && env[key] !== '0' && env[key] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

export const CI_WARNING =
  'catop: CI is set in the environment, so live rendering is off and the screen would stay blank; ' +
  'unset CI (or set CI=0) for the live monitor, or use --once for a snapshot';

/**
 * A fatal error as one line for stderr: no stack, no control characters, no credential values
 * (an error message may quote a request), at most 300 columns.
 */
export function fatalLine(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const oneLine = (error as Error & { oneLine?: () => string }).oneLine;
    text = typeof oneLine === 'function' ? oneLine.call(error) : `${error.name}: ${error.message}`;
  } else {
    text = String(error);
  }
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return redact(first, [], { mask: '***', max: 300 });
}
