// parseArgs as the flag tests read it: the monitor's options, or the one-line usage error.
import { expect } from 'vitest';
import { parseArgs, type MonitorOptions } from '../../../src/config/args.js';
import { UsageError } from '../../../src/config/errors.js';

export function monitor(args: string[]): MonitorOptions {
  const parsed = parseArgs(args);
  if (parsed.kind !== 'monitor') throw new Error(`expected monitor, got ${parsed.kind}`);
  return parsed.options;
}

/** The usage error's message, checked to be one line. */
export function usage(args: string[]): string {
  try {
    parseArgs(args);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`expected a usage error for ${args.join(' ')}`);
}
