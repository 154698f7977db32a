#!/usr/bin/env node
// Entry point: flags -> config -> live UI | --once | --json | --wait | emulator (see src/cli/main.ts).
import { main } from './cli/main.js';

/** Exit once stdout has taken every byte (pipes can be asynchronous), even if a keep-alive socket lingers. */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

// `catop --wait ... | head -1`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(141); // 128 + SIGPIPE, as a shell tool killed by it
});

main(process.argv.slice(2)).then(exitWith, () => {
  // main() turns every error into a line; this is the last guard against a stack trace.
  process.stderr.write('catop: unexpected failure\n');
  exitWith(1);
});
