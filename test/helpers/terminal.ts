// A real terminal for end-to-end tests: a command runs in a pseudo-terminal (node-pty) and every
// byte it writes is parsed by a headless xterm.js, so tests assert on the screen a person would see
// (alternate screen, cursor visibility, wide characters, resizes) instead of on Ink's frame strings.
// Parser hooks record what the program tried to do to the terminal (title, clipboard, hyperlinks,
// cursor moves), so hostile output can be shown to be inert.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pty, { type IPty } from 'node-pty';
import type { IBufferCell, Terminal as XtermTerminal } from '@xterm/headless';
import { explainOnFailure } from './explain.js';

// @xterm/headless names a "module" entry it does not ship, which Vite follows; load its CommonJS build.
const require = createRequire(import.meta.url);
const { Terminal } = require('@xterm/headless') as typeof import('@xterm/headless');
const { Unicode11Addon } = require('@xterm/addon-unicode11') as typeof import('@xterm/addon-unicode11');

/** Keys by name, as a terminal sends them (normal cursor-key mode). Anything else is sent as typed. */
export const KEYS: Readonly<Record<string, string>> = {
  enter: '\r',
  return: '\r',
  esc: '\u001b',
  escape: '\u001b',
  tab: '\t',
  space: ' ',
  backspace: '\u007f',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  home: '\u001b[H',
  end: '\u001b[F',
  pgup: '\u001b[5~',
  pgdn: '\u001b[6~',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
  delete: '\u001b[3~',
};

/** `ctrl-c` -> \x03 and so on; other names from KEYS; a single character as itself. */
export function keyBytes(key: string): string {
  const named = KEYS[key.toLowerCase()];
  if (named !== undefined) return named;
  const ctrl = /^ctrl-([a-z@[\\\]^_])$/i.exec(key);
  if (ctrl) return String.fromCharCode(ctrl[1].toUpperCase().charCodeAt(0) & 0x1f);
  if ([...key].length === 1) return key;
  throw new Error(`unknown key name ${JSON.stringify(key)} (use write() for raw bytes)`);
}

export interface ExitInfo {
  exitCode: number;
  /** The signal number that ended the process, if a signal did. */
  signal?: number;
}

/** An OSC sequence that reached the terminal: `ESC ] id ; data`. */
export interface OscEffect {
  id: number;
  data: string;
  /** Index into `chunks` when it was parsed. */
  chunk: number;
}

/** A CSI sequence of interest (cursor moves, erases, scroll regions, save/restore, modes). */
export interface CsiEffect {
  /** e.g. 'H', 'A', 's', '?h' (prefix and final byte). */
  seq: string;
  params: (number | number[])[];
  chunk: number;
}

export interface EscEffect {
  /** e.g. '7' (save cursor), '8' (restore cursor). */
  final: string;
  chunk: number;
}

export interface Effects {
  osc: OscEffect[];
  titles: string[];
  csi: CsiEffect[];
  esc: EscEffect[];
  /** DCS sequences that reached the parser (final byte and payload). */
  dcs: { final: string; data: string; chunk: number }[];
  bells: number;
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  cwd?: string;
  /** Added to the child's environment (after CI variables are removed); `undefined` removes a key. */
  env?: Record<string, string | undefined>;
  /** Name for the byte statistics (e.g. the test's name). */
  label?: string;
}

/** Cursor and erase CSI finals recorded for the hostile-output checks. */
const CSI_RECORDED = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'f', 'd', 'J', 'K', 'r', 's', 'u', 'S', 'T', 'L', 'M', 'P', '@', 'X'];

/**
 * The child's environment: ours without CI markers (Ink prints no live frames when CI is set) or
 * NO_COLOR, with a 256-colour TERM.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_') || k === 'NO_COLOR' || k === 'FORCE_COLOR') continue;
    if (k.startsWith('VITEST') || k === 'TMUX' || k === 'TMUX_PANE') continue;
    env[k] = v;
  }
  env.TERM = 'xterm-256color';
  // A dark background by the terminal's own variable, so catop does not ask (OSC 11) by default.
  env.COLORFGBG = '15;0';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

interface Waiter {
  test: () => boolean;
  resolve: () => void;
  reject: (e: Error) => void;
  what: string;
  /** Checked inside a half-written synchronized frame too (waits on the raw stream). */
  raw: boolean;
  settle: () => void;
}

export class TerminalSession {
  readonly term: XtermTerminal;
  readonly pty: IPty;
  readonly label: string;
  /** Resolves when the child exits (never rejects). */
  readonly exit: Promise<ExitInfo>;
  /** Bytes of every chunk the child wrote, in order (a chunk is usually one Ink frame). */
  readonly chunks: number[] = [];
  readonly effects: Effects = { osc: [], titles: [], csi: [], esc: [], dcs: [], bells: 0 };
  /** Everything the child wrote, as text (for raw-stream assertions). */
  raw = '';
  private exitInfo: ExitInfo | undefined;
  private cursorHidden = false;
  /** Inside a synchronized update (`ESC[?2026h` ... `ESC[?2026l`): a frame is half written. */
  private synchronized = false;
  private waiters = new Set<Waiter>();
  private parsing = 0;
  private disposed = false;
  private closedDump: string | undefined;

  constructor(file: string, args: string[], opts: SpawnOptions = {}) {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 40;
    this.label = opts.label ?? [file, ...args].join(' ');
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.installHooks();

    this.pty = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: opts.cwd ?? process.cwd(),
      env: childEnv(opts.env),
    });
    this.pty.onData((data) => {
      this.chunks.push(Buffer.byteLength(data));
      this.raw += data;
      this.parsing++;
      this.term.write(data, () => {
        this.parsing--;
        this.checkWaiters();
      });
    });
    this.exit = new Promise<ExitInfo>((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.exitInfo = signal ? { exitCode, signal } : { exitCode };
        // Let the parser finish what was already written before waiters see the exit.
        this.term.write('', () => {
          this.checkWaiters();
          resolve(this.exitInfo as ExitInfo);
        });
      });
    });
  }

  // ------------------------------------------------------------------ observing the terminal

  private installHooks(): void {
    const parser = this.term.parser;
    const chunk = () => this.chunks.length - 1;
    for (const id of [0, 1, 2, 4, 7, 8, 10, 11, 12, 52, 104, 133, 1337]) {
      parser.registerOscHandler(id, (data) => {
        this.effects.osc.push({ id, data, chunk: chunk() });
        return false; // let xterm apply it too, so onTitleChange sees titles
      });
    }
    this.term.onTitleChange((title) => this.effects.titles.push(title));
    this.term.onBell(() => this.effects.bells++);
    for (const final of CSI_RECORDED) {
      parser.registerCsiHandler({ final }, (params) => {
        this.effects.csi.push({ seq: final, params: [...params], chunk: chunk() });
        return false;
      });
    }
    for (const final of ['h', 'l']) {
      parser.registerCsiHandler({ prefix: '?', final }, (params) => {
        this.effects.csi.push({ seq: `?${final}`, params: [...params], chunk: chunk() });
        if (params.includes(25)) this.cursorHidden = final === 'l';
        if (params.includes(2026)) this.synchronized = final === 'h';
        return false;
      });
    }
    for (const final of ['7', '8', 'c', 'D', 'E', 'M']) {
      parser.registerEscHandler({ final }, () => {
        this.effects.esc.push({ final, chunk: chunk() });
        return false;
      });
    }
    for (const final of ['q', 'p', 'r', '|', '{']) {
      for (const intermediates of ['', '$', '+']) {
        parser.registerDcsHandler({ intermediates, final }, (data) => {
          this.effects.dcs.push({ final: `${intermediates}${final}`, data, chunk: chunk() });
          return false;
        });
      }
    }
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** The visible grid, one string per row, trailing blanks trimmed (wide characters once). */
  screenText(): string[] {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    }
    return lines;
  }

  /** The visible grid as one string (rows joined by newlines). */
  screen(): string {
    return this.screenText().join('\n');
  }

  /** The cell at (x, y) of the visible grid, for colour checks. */
  cell(x: number, y: number): IBufferCell | undefined {
    const buf = this.term.buffer.active;
    return buf.getLine(buf.viewportY + y)?.getCell(x);
  }

  /** Row index of the first visible line matching, or -1. */
  rowOf(match: string | RegExp): number {
    return this.screenText().findIndex((l) => matches(l, match));
  }

  /** The alternate screen buffer is the active one. */
  get altScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /** DECTCEM as last set by the program (`ESC[?25h` / `ESC[?25l`). */
  get cursorVisible(): boolean {
    return !this.cursorHidden;
  }

  get exited(): ExitInfo | undefined {
    return this.exitInfo;
  }

  // ------------------------------------------------------------------ bytes

  get bytesWritten(): number {
    return this.chunks.reduce((a, b) => a + b, 0);
  }

  /** A point in the byte stream, for `bytesSince` and effects since then. */
  mark(): number {
    return this.chunks.length;
  }

  bytesSince(mark: number): number {
    return this.chunks.slice(mark).reduce((a, b) => a + b, 0);
  }

  /**
   * Bytes of each frame: a synchronized update (`ESC[?2026h` ... `ESC[?2026l`, both included), as
   * the app writes one per render. A pty read holds at most 4 KB, so chunks are not frames.
   */
  frameBytes(): number[] {
    const begin = '\u001b[?2026h';
    const end = '\u001b[?2026l';
    const frames: number[] = [];
    let at = this.raw.indexOf(begin);
    while (at >= 0) {
      const stop = this.raw.indexOf(end, at);
      if (stop < 0) break;
      frames.push(Buffer.byteLength(this.raw.slice(at, stop + end.length)));
      at = this.raw.indexOf(begin, stop);
    }
    return frames;
  }

  // ------------------------------------------------------------------ waiting

  /** Resolve as soon as the screen contains `match`; reject with the screen if the process exits first. */
  waitForText(match: string | RegExp): Promise<void> {
    return this.waitFor(() => matches(this.screen(), match), `screen to show ${String(match)}`);
  }

  /** Resolve as soon as the screen no longer contains `match`. */
  waitForNoText(match: string | RegExp): Promise<void> {
    return this.waitFor(() => !matches(this.screen(), match), `screen to stop showing ${String(match)}`);
  }

  /** Resolve once the bytes written so far contain `match` and are parsed, inside a half-written frame too. */
  waitForRaw(match: string): Promise<void> {
    return this.waitFor(() => this.raw.includes(match), `the output to contain ${JSON.stringify(match)}`, true);
  }

  /**
   * Resolve when `test` holds, checked now and after every chunk the terminal parses; reject with
   * the screen at exit or close. No clock of its own: the test's timeout bounds it, and a test that
   * fails while it is pending prints the screen.
   */
  waitFor(test: () => boolean, what: string, raw = false): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = explainOnFailure(() => `${this.label}: waiting for ${what}\n${this.dump()}`);
      this.waiters.add({ test, resolve, reject, what, raw, settle });
      // Check once everything already written has been parsed.
      this.term.write('', () => this.checkWaiters());
    });
  }

  /** Resolve with the exit once the child is gone. */
  async waitForExit(): Promise<ExitInfo> {
    await this.waitFor(() => this.exitInfo !== undefined, 'the process to exit');
    return this.exit;
  }

  private checkWaiters(): void {
    // A terminal shows a synchronized frame only when it is complete; so do the waits (a frame
    // may span several reads of the pseudo-terminal).
    const held = this.synchronized && !this.exitInfo;
    for (const w of [...this.waiters]) {
      if (held && !w.raw) continue;
      let ok = false;
      try {
        ok = w.test();
      } catch (e) {
        this.waiters.delete(w);
        w.settle();
        w.reject(e as Error);
        continue;
      }
      if (ok) {
        this.waiters.delete(w);
        w.settle();
        w.resolve();
      } else if (this.exitInfo && this.parsing === 0) {
        this.waiters.delete(w);
        w.settle();
        w.reject(new Error(`process exited (${JSON.stringify(this.exitInfo)}) while waiting for ${w.what}\n${this.dump()}`));
      }
    }
  }

  /** The screen with a frame and the modes, for failure messages. */
  dump(): string {
    if (this.closedDump !== undefined) return this.closedDump;
    const rule = '-'.repeat(Math.min(this.cols, 120));
    const state = `alt=${this.altScreen} cursorVisible=${this.cursorVisible} bytes=${this.bytesWritten} exit=${JSON.stringify(this.exitInfo ?? null)}`;
    return `${state}\n${rule}\n${this.screenText().join('\n')}\n${rule}`;
  }

  // ------------------------------------------------------------------ input

  /** Send one key by name ('enter', 'esc', 'down', 'pgdn', 'ctrl-c', ...) or one character. */
  press(key: string): void {
    this.write(keyBytes(key));
  }

  /** Send raw bytes in one write (e.g. 'jjj' to prove keys arriving together are all handled). */
  write(raw: string): void {
    if (this.exitInfo) throw new Error(`cannot write ${JSON.stringify(raw)}: process exited\n${this.dump()}`);
    this.pty.write(raw);
  }

  /** Resize the pseudo-terminal (the child gets SIGWINCH) and the headless terminal together. */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    if (!this.exitInfo) this.pty.resize(cols, rows);
  }

  /** Send a signal to the child (default SIGTERM). */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (!this.exitInfo) this.pty.kill(signal);
  }

  /**
   * End the session: SIGTERM, then SIGKILL if the child lingers; record the byte counts when
   * CATOP_E2E_BYTES names a file (one JSON line per session, read by the benchmarks).
   */
  async close(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.exitInfo) {
      this.pty.kill('SIGTERM');
      const guard = setTimeout(() => {
        if (!this.exitInfo) this.pty.kill('SIGKILL');
      }, 5_000);
      await this.exit;
      clearTimeout(guard);
    }
    // Left pending (not settled), so a failed test still prints what they waited for: the screen
    // as it was at close, since the terminal is gone after.
    this.closedDump = this.dump();
    for (const w of this.waiters) w.reject(new Error(`session closed while waiting for ${w.what}`));
    this.waiters.clear();
    recordBytes(this);
    this.term.dispose();
  }
}

function matches(text: string, match: string | RegExp): boolean {
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

/** Byte counts of a session, as written to CATOP_E2E_BYTES. */
export interface ByteStats {
  label: string;
  cols: number;
  rows: number;
  /** Every byte the child wrote. */
  total: number;
  /** Bytes per synchronized frame, in order. */
  frames: number[];
  /** Bytes per pseudo-terminal read, in order. */
  chunks: number[];
}

function recordBytes(s: TerminalSession): void {
  const file = process.env.CATOP_E2E_BYTES;
  if (!file) return;
  const stats: ByteStats = { label: s.label, cols: s.cols, rows: s.rows, total: s.bytesWritten, frames: s.frameBytes(), chunks: s.chunks };
  appendFileSync(file, `${JSON.stringify(stats)}\n`);
}

/** Start `file args` in a pseudo-terminal of `cols` x `rows` (default 120x40) behind a headless terminal. */
export function spawnTerminal(file: string, args: string[], opts: SpawnOptions = {}): TerminalSession {
  return new TerminalSession(file, args, opts);
}
