#!/usr/bin/env node
// Entry point: flags -> config -> live UI | --once | --json | --wait | emulator (see src/cli/main.ts).
import { main } from './cli/main.js';

/** Exit once stdout has taken every byte (pipes can be asynchronous), even if a keep-alive socket lingers. */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exitWith, () => {
  // main() turns every error into a line; this is the last guard against a stack trace.
  process.stderr.write('catop: unexpected failure\n');
  exitWith(1);
});
