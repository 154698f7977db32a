// runLiveUi end to end in-process: fake TTY streams whose output is parsed by a headless xterm,
// the emulator on loopback, and an emitter standing in for the process (signals, uncaught errors).
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Terminal as XtermTerminal } from '@xterm/headless';
import { EcsClient } from '../../src/api/client.js';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runLiveUi, type LiveUiOptions } from '../../src/cli/liveUi.js';
import { CI_WARNING, ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR } from '../../src/ui/terminal.js';
import { explainOnFailure } from '../helpers/explain.js';
import { T0 } from './fixture.js';

// @xterm/headless names a "module" entry it does not ship: load its CommonJS build.
const require = createRequire(import.meta.url);
const { Terminal } = require('@xterm/headless') as typeof import('@xterm/headless');

/** Emitted by a FakeTtyOut after each write: what waits on the screen listen to. */
const WRITTEN = 'catop:written';

class FakeTtyOut extends EventEmitter {
  isTTY = true;
  columns: number;
  rows: number;
  text = '';
  constructor(
    private readonly log: string[],
    private readonly name: string,
    size: { columns: number; rows: number },
    private readonly term?: XtermTerminal,
  ) {
    super();
    this.columns = size.columns;
    this.rows = size.rows;
  }
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.text += s;
    this.log.push(`${this.name}:${s}`);
    this.term?.write(s);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    this.emit(WRITTEN);
    return true;
  }
}

class FakeTtyIn extends EventEmitter {
  isTTY = true;
  raw: boolean[] = [];
  private data: string | null = null;
  setRawMode(on: boolean) {
    this.raw.push(on);
    return this;
  }
  setEncoding() {
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  type(keys: string) {
    this.data = keys;
    this.emit('readable');
  }
}

interface Session {
  term: XtermTerminal;
  stdout: FakeTtyOut;
  stderr: FakeTtyOut;
  stdin: FakeTtyIn;
  events: EventEmitter;
  log: string[];
  exit: Promise<number>;
  screen(): string[];
  waitForScreen(predicate: (rows: string[]) => boolean, what: string): Promise<string[]>;
}

let emu: RunningEmulator;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock(T0);
  emu = await startEmulator({ port: 0, seed: 3, preset: 'empty', clock, fleet: 4 });
  emu.sim.seedHistory(40);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await emu.stop();
});

function start(overrides: Partial<LiveUiOptions> = {}, size = { columns: 100, rows: 30 }): Session {
  const term = new Terminal({ cols: size.columns, rows: size.rows, allowProposedApi: true, convertEol: true });
  const log: string[] = [];
  const stdout = new FakeTtyOut(log, 'out', size, term);
  const stderr = new FakeTtyOut(log, 'err', size);
  const stdin = new FakeTtyIn();
  const events = new EventEmitter();
  const api = new EcsClient({
    regionId: emu.regionId,
    endpoint: emu.endpoint,
    credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
  });
  const exit = runLiveUi({
    api,
    filters: {},
    intervalMs: 2000,
    pageSize: 50,
    history: 100,
    maxRps: 10_000,
    readOnly: false,
    color: false,
    demo: true,
    header: { region: emu.regionId, endpoint: emu.endpoint },
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    clock,
    processEvents: events,
    ...overrides,
  });
  const screen = () => {
    const b = term.buffer.active;
    return Array.from({ length: term.rows }, (_, i) => b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
  };
  return {
    term,
    stdout,
    stderr,
    stdin,
    events,
    log,
    exit,
    screen,
    waitForScreen(predicate, what) {
      // Checked after each write, once xterm has parsed it (its parser runs asynchronously, in
      // order); given up when the run ends without it. The test's timeout is the only clock.
      return new Promise((resolve, reject) => {
        const settle = explainOnFailure(() => `no screen ${what}:\n${screen().join('\n')}`);
        let over = false;
        const finish = () => {
          over = true;
          settle();
          stdout.off(WRITTEN, check);
          stderr.off(WRITTEN, check);
        };
        const attempt = (ended: boolean) => {
          if (over) return;
          const rows = screen();
          if (predicate(rows)) {
            finish();
            resolve(rows);
          } else if (ended) {
            finish();
            reject(new Error(`no screen ${what} before the run ended:\n${rows.join('\n')}`));
          }
        };
        function check() {
          term.write('', () => attempt(false));
        }
        stdout.on(WRITTEN, check);
        stderr.on(WRITTEN, check);
        const ended = () => term.write('', () => attempt(true));
        exit.then(ended, ended);
        check();
      });
    },
  };
}

async function expectRestored(s: Session) {
  await new Promise<void>((resolve) => s.term.write('', resolve));
  const text = s.stdout.text;
  expect(text.startsWith(ENTER_ALT_SCREEN)).toBe(true);
  // Back on the main screen with the cursor shown; Ink may show the cursor again, nothing else.
  const left = text.lastIndexOf(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  expect(left).toBeGreaterThan(text.lastIndexOf(ENTER_ALT_SCREEN));
  expect(text.slice(left + LEAVE_ALT_SCREEN.length)).toMatch(/^(\u001b\[\?25h)+$/);
  expect(s.stdin.raw.at(-1)).toBe(false);
  expect(s.term.buffer.active.type).toBe('normal');
  for (const event of ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'warning', 'uncaughtException', 'unhandledRejection', 'exit']) {
    expect(s.events.listenerCount(event), event).toBe(0);
  }
}

describe('runLiveUi', () => {
  it('draws on the alternate screen, each update in place, and restores the terminal on q', async () => {
    const s = start();
    let rows = await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    expect(s.term.buffer.active.type).toBe('alternate');
    // Several updates later (time passes, ticks, a key), every line is still where it belongs.
    for (let i = 0; i < 3; i++) {
      clock.advance(2000);
      s.stdin.type('j');
    }
    rows = await s.waitForScreen((r) => r.findIndex((l) => l.startsWith('> ')) === 8, 'with the cursor moved');
    expect(rows[0]).toMatch(/^catop DEMO · region cn-hangzhou/);
    expect(rows[2]).toMatch(/^● /);
    expect(rows[3]).toMatch(/^Invocations /);
    expect(rows[4]).toMatch(/^ {2}STATUS +INVOKE ID/);
    expect(rows.filter((l) => l.startsWith('catop '))).toHaveLength(1);
    expect(rows[28]).toMatch(/^Enter open/);
    expect(rows[29]).toBe('');
    // Unchanged rows are stepped over in one movement each run, never one "next line" per row.
    expect(s.stdout.text).toMatch(/\u001b\[\d+E/);
    expect(s.stdout.text).not.toContain('\u001b[E\u001b[E');
    s.stdin.type('q');
    expect(await s.exit).toBe(0);
    await expectRestored(s);
    expect(s.stderr.text).toBe('');
  });

  it('turns raw mode on before the first frame, so a key typed at once is not echoed onto the screen', async () => {
    const s = start();
    let rawAtFirstFrame: boolean | undefined;
    const onWrite = () => {
      if (rawAtFirstFrame === undefined && s.stdout.text.includes('catop')) rawAtFirstFrame = s.stdin.raw.at(-1) === true;
    };
    s.stdout.on(WRITTEN, onWrite);
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    s.stdout.off(WRITTEN, onWrite);
    expect(rawAtFirstFrame).toBe(true);
    s.stdin.type('q');
    expect(await s.exit).toBe(0);
    await expectRestored(s);
  });

  it('quits on ctrl-c', async () => {
    const s = start();
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    s.stdin.type('\u0003');
    expect(await s.exit).toBe(0);
    await expectRestored(s);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGQUIT', 131],
  ])('restores the terminal on %s and exits with %i', async (signal, code) => {
    const s = start();
    await s.waitForScreen((r) => r[0].startsWith('catop'), 'with the header');
    s.events.emit(signal);
    expect(await s.exit).toBe(code);
    await expectRestored(s);
  });

  it('a write that fails with EIO (the terminal hung up): exits 129 without another byte or mode change', async () => {
    const s = start();
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    const written = s.stdout.text.length;
    const modes = s.stdin.raw.length;
    s.stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(await s.exit).toBe(129);
    expect(s.stdout.text.length).toBe(written);
    expect(s.stdin.raw.length).toBe(modes);
    expect(s.stderr.text).toBe('');
  });

  it('input that ends (the terminal closed it) exits 129 instead of polling on', async () => {
    const s = start();
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    s.stdin.emit('end');
    expect(await s.exit).toBe(129);
    await expectRestored(s);
  });

  it.each([
    ['dropped', false],
    ['written to CATOP_LOG', true],
  ])('keeps process warnings off the terminal while it is up (%s), and hands them back after', async (_how, logged) => {
    const dir = mkdtempSync(join(tmpdir(), 'catop-warnings-'));
    const log = join(dir, 'catop.log');
    if (logged) vi.stubEnv('CATOP_LOG', log);
    // The process, with Node's warning printer already listening.
    const events = new EventEmitter();
    const printed: string[] = [];
    events.on('warning', (w: Error) => printed.push(w.name));
    const s = start({ processEvents: events });
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    const warning = Object.assign(new Error('1000000000000 does not fit into a 32-bit signed integer.'), { name: 'TimeoutOverflowWarning' });
    events.emit('warning', warning);
    expect(printed).toEqual([]);
    s.stdin.type('q');
    expect(await s.exit).toBe(0);
    events.emit('warning', warning);
    expect(printed).toEqual(['TimeoutOverflowWarning']);
    expect(s.stderr.text).toBe('');
    expect(s.stdout.text).not.toContain('does not fit');
    if (logged) expect(readFileSync(log, 'utf8')).toMatch(/^\S+Z TimeoutOverflowWarning: 1000000000000 does not fit into a 32-bit signed integer\.\n$/);
    else expect(existsSync(log)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores the terminal on an uncaught error, then prints it once on one line without secrets', async () => {
    const s = start();
    await s.waitForScreen((r) => r[0].startsWith('catop'), 'with the header');
    s.events.emit('uncaughtException', new Error('poller blew up AccessKeySecret=hunter2\n    at tick (poller.js:1:1)'));
    expect(await s.exit).toBe(1);
    await expectRestored(s);
    expect(s.stderr.text).toBe('catop: Error: poller blew up AccessKeySecret=***\n');
    const restoredAt = s.log.findIndex((w) => w.includes(LEAVE_ALT_SCREEN));
    const printedAt = s.log.findIndex((w) => w.startsWith('err:catop:'));
    expect(restoredAt).toBeGreaterThanOrEqual(0);
    expect(printedAt).toBeGreaterThan(restoredAt);
  });

  it('restores the terminal on an error thrown while rendering', async () => {
    const header = {
      get region(): string {
        throw new Error('render failed');
      },
      endpoint: 'http://127.0.0.1:1',
    };
    const s = start({ header });
    expect(await s.exit).toBe(1);
    await expectRestored(s);
    expect(s.stderr.text).toBe('catop: Error: render failed\n');
  });

  it('warns on stderr that live rendering is off when CI is set', async () => {
    vi.stubEnv('CI', 'true');
    const s = start();
    await s.waitForScreen(() => s.stderr.text.length > 0, 'with the warning');
    expect(s.stderr.text).toBe(CI_WARNING + '\n');
    // No alternate screen: it would hide the warning behind a blank page.
    expect(s.stdout.text).not.toContain(ENTER_ALT_SCREEN);
    s.stdin.type('q');
    expect(await s.exit).toBe(0);
    expect(s.stdin.raw.at(-1)).toBe(false);
    expect(s.stdout.text.endsWith(SHOW_CURSOR)).toBe(true);
  });

  it('re-lays out on resize, through too small and back', async () => {
    const s = start();
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    const resize = (columns: number, rows: number) => {
      s.stdout.columns = columns;
      s.stdout.rows = rows;
      s.term.resize(columns, rows);
      s.stdout.emit('resize');
    };
    resize(40, 10);
    await s.waitForScreen((r) => r[0] === 'terminal too small (40x10, need 60x15)', 'too small');
    resize(20, 5);
    await s.waitForScreen((r) => r[0] === 'too small: 20x5', 'tiny');
    resize(120, 40);
    const rows = await s.waitForScreen((r) => r.some((l) => /^ {2}STATUS +INVOKE ID/.test(l)), 'full size again');
    expect(rows.filter((l) => l.startsWith('catop '))).toHaveLength(1);
    s.stdin.type('q');
    expect(await s.exit).toBe(0);
  });

  it('survives quick repeated resizes from 200x60 to 20x5 and back, keeping the selection', async () => {
    const s = start();
    await s.waitForScreen((r) => r.some((l) => l.startsWith('> ')), 'with the list');
    s.stdin.type('jjjj');
    const before = await s.waitForScreen((r) => r.findIndex((l) => l.startsWith('> ')) === 9, 'moved');
    const selectedId = before.find((l) => l.startsWith('> '))!.match(/t-\w+/)![0];
    const sizes = [
      [200, 60],
      [20, 5],
      [60, 15],
      [150, 40],
      [20, 5],
      [59, 14],
      [200, 60],
      [30, 8],
      [120, 40],
    ];
    // First round: each size gets drawn; then two rounds faster than a frame.
    for (let round = 0; round < 3; round++) {
      for (const [columns, rows] of sizes) {
        const written = s.stdout.text.length;
        s.stdout.columns = columns;
        s.stdout.rows = rows;
        s.term.resize(columns, rows);
        s.stdout.emit('resize');
        if (round === 0) await s.waitForScreen(() => s.stdout.text.length > written, `drawn at ${columns}x${rows}`);
      }
    }
    const rows = await s.waitForScreen(
      (r) => r.length === 40 && r[0].startsWith('catop ') && r.some((l) => l.startsWith('> ')),
      'laid out at 120x40',
    );
    expect(rows.find((l) => l.startsWith('> '))).toContain(selectedId);
    expect(rows.filter((l) => l.startsWith('catop '))).toHaveLength(1);
    expect(rows.some((l) => l.includes('too small'))).toBe(false);
    expect(rows[4]).toMatch(/^ {2}STATUS +INVOKE ID/);
    expect(rows[39]).toBe('');
    s.stdin.type('q');
    expect(await s.exit).toBe(0);
    await expectRestored(s);
  });
});
