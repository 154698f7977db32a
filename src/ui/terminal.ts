// The terminal around the live UI: the alternate screen on entry, and its restore (main screen,
// cursor shown, raw mode off) on every way out: quit, Ctrl-C, SIGTERM, SIGINT, SIGQUIT, and an
// uncaught exception or rejection anywhere. Ink 6 has no alternate-screen option, so we write the
// sequences ourselves. A terminal that is gone (SIGHUP, EIO on a write, the end of input) is left
// without a byte (deadTerminal.ts). While the UI is up, process warnings stay off its screen.
import { appendFileSync } from 'node:fs';
import { redact } from '../api/redact.js';
import { HANGUP_EXIT, isHangupError, leaveDeadTerminal, silence, terminalAlive } from './deadTerminal.js';

// 1049 saves the cursor and switches screens but leaves the cursor on its old row: home it, or
// Ink's first frame starts mid-screen, scrolls, and every incremental update lands a row low.
export const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
export const LEAVE_ALT_SCREEN = '\u001b[?1049l';
export const SHOW_CURSOR = '\u001b[?25h';

/** Exit codes of a process ended by a signal: 128 + the signal number. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 };

type Events = Pick<NodeJS.EventEmitter, 'on' | 'off'> & Partial<Pick<NodeJS.EventEmitter, 'listeners'>>;

export interface TerminalGuardOptions {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** A signal or a crash: the caller unmounts, returns `code`, and prints `error` after restore. */
  onExit: (code: number, error?: unknown) => void;
  /** Where signals and uncaught errors are heard (the process; tests pass an emitter). */
  events?: Events;
  /** False when Ink draws no live frames (CI): the main screen keeps the warning in view. */
  altScreen?: boolean;
  /** A file for process warnings while the UI is up (default CATOP_LOG); without one they are dropped. */
  warningLog?: string;
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
  // The process's own terminal: a hangup ends the process on the spot (tests pass their streams).
  const ownTerminal = stdout === process.stdout;
  let restored = false;

  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
    } catch {
      // stdin already closed: nothing to restore.
    }
    try {
      stdout.write((altScreen ? LEAVE_ALT_SCREEN : '') + SHOW_CURSOR);
    } catch {
      // The terminal is gone.
    }
  };

  /** The terminal may be gone: if it is, touch it no more and leave; if not, restore and leave. */
  const hangup = (gone: boolean) => {
    if (restored) return;
    if (!gone && terminalAlive(stdout)) {
      restore();
      onExit(HANGUP_EXIT);
      return;
    }
    restored = true;
    if (ownTerminal) leaveDeadTerminal(stdin);
    silence(stdout, stdin);
    onExit(HANGUP_EXIT);
  };

  const listeners: [Pick<NodeJS.EventEmitter, 'on' | 'off'>, string, (...args: unknown[]) => void][] = [];
  const listen = (on: Pick<NodeJS.EventEmitter, 'on' | 'off'>, event: string, fn: (...args: unknown[]) => void) => {
    listeners.push([on, event, fn]);
    on.on(event, fn);
  };
  for (const signal of Object.keys(SIGNAL_EXIT)) {
    listen(events, signal, () => {
      restore();
      onExit(SIGNAL_EXIT[signal]);
    });
  }
  listen(events, 'SIGHUP', () => hangup(false));
  const crash = (error: unknown) => {
    restore();
    onExit(1, error);
  };
  listen(events, 'uncaughtException', crash);
  listen(events, 'unhandledRejection', crash);
  // Last resort: a process.exit() from anywhere still leaves the terminal usable.
  listen(events, 'exit', restore);
  // A write that fails with EIO or EPIPE, or input that ends: the terminal hung up (without a
  // SIGHUP when the shell ignored it, or the process is in another session).
  // (Ahead of the entry point's own listener, so that the UI's input is silenced too.)
  const writeFailed = (error: unknown) => (isHangupError(error) ? hangup(true) : crash(error));
  listeners.push([stdout, 'error', writeFailed]);
  stdout.prependListener('error', writeFailed);
  listen(stdin, 'end', () => hangup(false));
  listen(stdin, 'error', (error) => (isHangupError(error) ? hangup(true) : crash(error)));
  const undoWarnings = divertWarnings(events, options.warningLog ?? process.env['CATOP_LOG']);
  if (ownTerminal) keepCursorShowOffStderr(process.stderr);

  try {
    if (altScreen) stdout.write(ENTER_ALT_SCREEN);
    // Raw at once: Ink turns it on in an effect after its first frame, and a key typed before
    // that (Enter as soon as the list shows) is echoed by the terminal, a line break that
    // scrolls the full-height frame up one row for good.
    if (altScreen && stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
  } catch {
    // Nothing to enter; restore stays harmless.
  }

  return {
    restore,
    dispose() {
      for (const [on, event, fn] of listeners.splice(0)) on.off(event, fn);
      undoWarnings();
    },
  };
}

/**
 * Node prints process warnings (a TimeoutOverflowWarning, a deprecation) on stderr, the terminal
 * the UI draws on: one such line shifts every frame after it. While the UI is up they go to `log`
 * (one line each) or nowhere. Returns the undo.
 */
function divertWarnings(events: Events, log: string | undefined): () => void {
  const printers = events.listeners?.('warning') ?? [];
  for (const fn of printers) events.off('warning', fn as (...args: unknown[]) => void);
  const divert = (warning: unknown) => {
    if (!log) return;
    try {
      appendFileSync(log, `${new Date().toISOString()} ${fatalLine(warning)}\n`, { mode: 0o600 });
    } catch {
      // Nowhere to say it: the screen is not the place.
    }
  };
  events.on('warning', divert);
  return () => {
    events.off('warning', divert);
    for (const fn of printers) events.on('warning', fn as (...args: unknown[]) => void);
  };
}

const quietStderr = new WeakSet<object>();

/**
 * Ink hides the cursor through cli-cursor, whose restore-cursor writes ESC[?25h to process.stderr
 * at exit: into the log of `catop 2>err.log`. The cursor is the terminal's, and `restore` shows it
 * there (stdout); that one write to stderr is dropped.
 */
function keepCursorShowOffStderr(stderr: NodeJS.WriteStream): void {
  if (quietStderr.has(stderr)) return;
  quietStderr.add(stderr);
  const write = stderr.write.bind(stderr) as (...args: unknown[]) => boolean;
  (stderr as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (chunk !== SHOW_CURSOR) return write(chunk, ...rest);
    (rest.find((a) => typeof a === 'function') as (() => void) | undefined)?.();
    return true;
  };
}

/** CI set to anything but 0/false makes Ink draw no live frames (the rule of `is-in-ci`). */
export function liveRenderingOff(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (key: string) => key in env && env[key] !== '0' && env[key] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

/**
 * Why a terminal cannot host the live UI, or undefined when it can: Ink draws no live frames under
 * CI, and TERM=dumb (an Emacs shell, an IDE pane) has no cursor control or alternate screen. There
 * the monitor prints the snapshot it prints without a terminal.
 */
export function whyNoLiveScreen(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const then = 'so here is the snapshot that --once prints';
  if (liveRenderingOff(env)) {
    const name = 'CI' in env ? 'CI' : 'CONTINUOUS_INTEGRATION';
    return `${name} is set in the environment, where the live monitor cannot draw, ${then} (unset ${name} or set ${name}=0 for the live monitor)`;
  }
  if (env['TERM'] === 'dumb') return `TERM=dumb cannot draw the live monitor, ${then} (set TERM to the terminal's type for the live monitor)`;
  return undefined;
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
