#!/usr/bin/env node
// Entry point: flags -> config -> live UI | --once | --json | --wait | emulator.
process.stdout.write('catop: under construction\n');
