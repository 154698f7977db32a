// Real tmux for the few tests about multiplexer behaviour: a private server per test
// (`tmux -L catop-e2e-<pid>-<n>`, no user config), panes read with capture-pane, keys sent with
// send-keys. Waits are driven by tmux itself: a control-mode client reports every %output, and the
// pane is captured again only then (the test's timeout is the only clock).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainOnFailure } from './explain.js';
import { childEnv } from './terminal.js';

let counter = 0;

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface TmuxStart {
  cols: number;
  rows: number;
  /** Environment for the server and so for every pane (CI variables are removed). */
  env?: Record<string, string | undefined>;
}

export class TmuxServer {
  readonly socket = `catop-e2e-${process.pid}-${++counter}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'catop-tmux-'));
  private readonly conf = join(this.dir, 'tmux.conf');
  private env: Record<string, string> = childEnv();
  private control: ChildProcess | undefined;
  private readonly onOutput = new Set<() => void>();

  constructor() {
    // Dead panes stay so the screen after exit can be read; no status line takes a row.
    writeFileSync(this.conf, 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 1000\n');
  }

  /** Run a tmux command against this server; throws with tmux's message on failure. */
  tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', this.conf, ...args], { encoding: 'utf8', env: this.env });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr.trim()}`);
    return r.stdout;
  }

  /**
   * A detached session `e2e` of cols x rows running `command` (and `beside` it, in a pane to its
   * right), watched by a control-mode client; resolves with the panes' ids, left to right. Both
   * panes are made by one tmux command before any client attaches: tmux 3.3a's server can exit
   * ("server exited unexpectedly", tmux issue 3450) on a split-window sent by another client
   * while panes draw.
   */
  start(command: string[], opts: TmuxStart, beside?: string[]): string[] {
    this.env = childEnv(opts.env);
    const session = ['new-session', '-d', '-s', 'e2e', '-x', String(opts.cols), '-y', String(opts.rows), '-P', '-F', '#{pane_id}', command.map(quote).join(' ')];
    const split = beside ? [';', 'split-window', '-h', '-t', 'e2e', '-P', '-F', '#{pane_id}', beside.map(quote).join(' ')] : [];
    const panes = this.tmux(...session, ...split).trim().split('\n');
    this.control = spawn('tmux', ['-L', this.socket, '-C', 'attach-session', '-t', 'e2e'], { env: this.env, stdio: ['pipe', 'pipe', 'ignore'] });
    this.control.stdout?.on('data', () => {
      for (const f of [...this.onOutput]) f();
    });
    return panes;
  }

  capture(target = 'e2e'): string[] {
    return this.tmux('capture-pane', '-p', '-t', target).replace(/\n$/, '').split('\n');
  }

  display(format: string, target = 'e2e'): string {
    return this.tmux('display-message', '-p', '-t', target, format).trim();
  }

  /** Keys by tmux name (Enter, Escape, C-c, Down) or literal characters with `-l`. */
  sendKeys(target: string, ...keys: string[]): void {
    this.tmux('send-keys', '-t', target, ...keys);
  }

  /**
   * Resolve once `test` holds for the pane, checked now and after each %output tmux reports. No
   * clock of its own: the test's timeout bounds it, and a test that fails meanwhile prints the pane.
   */
  waitFor(target: string, test: (lines: string[]) => boolean, what: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const pane = () => {
        try {
          return this.capture(target).join('\n');
        } catch {
          return '(the server is gone)';
        }
      };
      const settle = explainOnFailure(() => `tmux: waiting for ${what}\n${pane()}`);
      const check = () => {
        let lines: string[];
        try {
          lines = this.capture(target);
        } catch (e) {
          this.onOutput.delete(check);
          settle();
          reject(e as Error);
          return;
        }
        if (test(lines)) {
          this.onOutput.delete(check);
          settle();
          resolve(lines);
        }
      };
      this.onOutput.add(check);
      check();
    });
  }

  kill(): void {
    this.control?.kill();
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { env: this.env });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
