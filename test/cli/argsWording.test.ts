// Our usage lines come from our option table, not from commander's English: with commander's
// messages reworded (as an upgrade or a translation could), every line stays the same.
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closestFlag } from '../../src/config/closestFlag.js';
import { usage } from './helpers/parse.js';


describe('usage errors without commander wording', () => {
  const original = Command.prototype.error;
  beforeEach(() => {
    Command.prototype.error = function (this: Command, _message: string, opts?: { code?: string; exitCode?: number }) {
      return original.call(this, 'erreur : quelque chose ne va pas', opts);
    } as typeof original;
  });
  afterEach(() => {
    Command.prototype.error = original;
  });

  it.each([
    [['--regoin', 'cn-hangzhou'], 'unknown flag --regoin (did you mean --region?); see catop --help'],
    [['--pagesize=5'], 'unknown flag --pagesize (did you mean --page-size?); see catop --help'],
    [['-x'], 'unknown flag -x; see catop --help'],
    [['--region'], '--region needs a value; see catop --help'],
    [['stray'], 'unexpected argument stray; catop takes flags'],
    [['--wait', 't-1'], 'unexpected argument t-1: did you mean --invoke-id t-1?'],
    [['emulator', '--seed'], '--seed needs a value; see catop emulator --help'],
    [['emulator', '--once'], 'unknown flag --once; see catop emulator --help'],
  ])('%j', (args, expected) => {
    expect(usage(args)).toContain(expected);
  });
});

describe('closestFlag', () => {
  it('suggests a flag a typo or two away, and nothing for what is far from all', () => {
    const known = ['--region', '--page-size', '--history'];
    expect(closestFlag('--regoin', known)).toBe('--region');
    expect(closestFlag('--histroy', known)).toBe('--history');
    expect(closestFlag('--zzz', known)).toBeUndefined();
    expect(closestFlag('-r', known)).toBeUndefined();
  });
});
