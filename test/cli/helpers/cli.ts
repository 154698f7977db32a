// Runs the BUILT catop (dist/cli.js) as a child process with a controlled environment: a temporary
// HOME, no real credentials, no CI, the ECS metadata service switched off (no traffic leaves
// loopback), UTC. Every output is kept so a test file can check that no secret ever appeared.
import { spawn, type ChildProcess } from 'node:child_process';
import { getCurrentTest } from 'vitest/suite';
import { explainOnFailure } from '../../helpers/explain.js';
import { CLI, ROOT, ensureBuilt as buildOnce } from '../../helpers/terminalCli.js';

export { CLI, ROOT };

/**
 * `npm run build` when dist/ is older than src/, under the same lock as the terminal tests'
 * helper, so test workers never run two builds into dist/ at once.
 */
export async function ensureBuilt(): Promise<void> {
  buildOnce();
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  home: string;
  env?: Record<string, string | undefined>;
}

/** Everything any child printed in this worker, for the no-secret check. */
export const transcript: { args: string[]; stdout: string; stderr: string; printsKeysByDesign: boolean }[] = [];

export function childEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    // The default credential chain would otherwise ask 100.100.100.200.
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves with the first stdout line matching `re` (lines seen so far included). */
  line(re: RegExp): Promise<string>;
  /** stdout so far. */
  stdout(): string;
  done: Promise<CliResult>;
}

export function startCli(args: string[], opts: RunOptions): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { env: childEnv(opts.home, opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const check = () => {
    const lines = stdout.split('\n');
    for (const w of [...waiters]) {
      const hit = lines.find((l) => w.re.test(l));
      if (hit !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(hit);
      }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    check();
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // No clock: the test's timeout bounds the run; a child still running when its test ends is
  // killed then, and a failed test prints what it had written.
  const settle = explainOnFailure(() => `catop ${args.join(' ')} still running\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  let endedByTest = false;
  getCurrentTest()?.context.onTestFinished(() => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    endedByTest = true;
    child.kill('SIGKILL');
  });
  const done = new Promise<CliResult>((resolveDone) => {
    child.on('close', (code) => {
      if (!endedByTest) settle();
      transcript.push({ args, stdout, stderr, printsKeysByDesign: args[0] === 'emulator' });
      for (const w of waiters) w.resolve(`<exited before a line matched ${w.re}>`);
      resolveDone({ code, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stdout: () => stdout,
    line: (re) =>
      new Promise((resolveLine) => {
        waiters.push({ re, resolve: resolveLine });
        check();
      }),
  };
}

export function runCli(args: string[], opts: RunOptions): Promise<CliResult> {
  return startCli(args, opts).done;
}

/** No recorded output (but `catop emulator`'s own key pair lines) contains any of `secrets`. */
export function leakedSecrets(secrets: string[]): string[] {
  const leaks: string[] = [];
  for (const t of transcript) {
    for (const s of secrets) {
      if (!s) continue;
      if (t.stderr.includes(s) || (!t.printsKeysByDesign && t.stdout.includes(s))) leaks.push(`${t.args.join(' ')}: ${s.slice(0, 4)}...`);
    }
  }
  return leaks;
}
