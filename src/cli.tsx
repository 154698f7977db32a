#!/usr/bin/env node
// Entry point: flags -> config -> live UI | --once | --json | --wait | emulator (see src/cli/main.ts).
import { exitWhenWritten, guardProcess } from './cli/io.js';
import { main } from './cli/main.js';

guardProcess();
main(process.argv.slice(2)).then(exitWhenWritten, () => {
  // main() turns every error into a line; this is the last guard against a stack trace.
  process.stderr.write('catop: unexpected failure\n');
  exitWhenWritten(1);
});
