// flags -> help | version | emulator | monitor. Returns the exit code; the bin sets it.
// Errors become one `catop: ...` line, never a stack trace.
import { createRequire } from 'node:module';
import { parseArgs } from '../config/args.js';
import { CredentialsError, EXIT, UsageError } from '../config/errors.js';
import { EMULATOR_HELP_TEXT } from '../config/emulatorHelp.js';
import { HELP_TEXT } from '../config/help.js';
import { errorLine, processEnvironment, type CliEnvironment } from './io.js';

/** From dist/cli/main.js (tsc) or dist/cli.js (a bundle): the nearest package.json that is ours. */
function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../../package.json', '../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'catop' && pkg.version) return pkg.version;
    } catch {
      // Not at this level: try the next one.
    }
  }
  return 'unknown';
}

export async function main(args: string[], ce: CliEnvironment = processEnvironment()): Promise<number> {
  try {
    const parsed = parseArgs(args);
    switch (parsed.kind) {
      case 'help':
        ce.output.out(parsed.topic === 'emulator' ? EMULATOR_HELP_TEXT : HELP_TEXT);
        return EXIT.ok;
      case 'completion':
        ce.output.out((await import('./completion.js')).completionScript(parsed.shell, { home: ce.home, env: ce.env }));
        return EXIT.ok;
      case 'version':
        ce.output.out(`${packageVersion()}\n`);
        return EXIT.ok;
      // Loaded on demand: `--help` or a bad flag answers without loading pop-core, Ink or the emulator.
      case 'emulator':
        return await (await import('./emulator.js')).runEmulatorCommand(parsed.options, ce.output);
      case 'monitor':
        // The live UI is the longest load (Ink, React): it starts now and loads while the monitor
        // resolves credentials (or starts the demo emulator) and polls for the first time.
        if (parsed.options.mode === 'live' && ce.interactive) void import('./liveUi.js').then((ui) => ui.preloadLiveUi(), () => undefined);
        return await (await import('./monitor.js')).runMonitor(parsed.options, ce);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof CredentialsError) {
      ce.output.err(err.message);
      return err.exitCode;
    }
    ce.output.err(errorLine(err));
    return EXIT.failure;
  }
}

