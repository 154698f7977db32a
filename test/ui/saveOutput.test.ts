import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputFileName, saveOutput } from '../../src/ui/saveOutput.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catop-save-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saving output', () => {
  it('writes the output as returned, byte for byte, in a new file of mode 0600', () => {
    const text = 'tab\there\r\nbar\rbaz \u202Eevil\u202C back\b\b x\u001b]0;t\u0007 中文\n';
    const path = saveOutput(dir, 't-1', 'i-1', text);
    expect(path).toBe(join(dir, 'catop-t-1-i-1.log'));
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('never overwrites: a second save gets -1, a third -2', () => {
    writeFileSync(join(dir, 'catop-t-1-i-1.log'), 'earlier');
    const second = saveOutput(dir, 't-1', 'i-1', 'two');
    const third = saveOutput(dir, 't-1', 'i-1', 'three');
    expect([second, third]).toEqual([join(dir, 'catop-t-1-i-1-1.log'), join(dir, 'catop-t-1-i-1-2.log')]);
    expect(readFileSync(join(dir, 'catop-t-1-i-1.log'), 'utf8')).toBe('earlier');
    expect(readFileSync(third, 'utf8')).toBe('three');
  });

  it('does not follow a link planted under the name, dangling or not', () => {
    const target = join(dir, 'target');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(dir, 'catop-t-1-i-1.log'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'catop-t-1-i-1-1.log'));
    const path = saveOutput(dir, 't-1', 'i-1', 'new');
    expect(path).toBe(join(dir, 'catop-t-1-i-1-2.log'));
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).not.toContain('nowhere');
  });

  it('builds names from safe characters, with a hash when an id was changed, so ids never collide', () => {
    expect(outputFileName('t-hz0abc', 'i-bp1xyz')).toBe('catop-t-hz0abc-i-bp1xyz.log');
    const pairs: [string, string][] = [
      ['t-a/b', 't-a_b'],
      ['t-é', 't-ü'],
      ['t-' + 'x'.repeat(90) + 'A', 't-' + 'x'.repeat(90) + 'B'],
      ['../../etc/passwd', '.._.._etc_passwd'],
    ];
    for (const [a, b] of pairs) {
      const na = outputFileName(a, 'i-1');
      expect(na).not.toBe(outputFileName(b, 'i-1'));
      expect(na).toMatch(/^catop-[A-Za-z0-9._-]+\.log$/);
      expect(na).not.toMatch(/^catop-\./);
    }
    // The split between the two ids is part of what is hashed.
    expect(outputFileName('t-a', 'b/c')).not.toBe(outputFileName('t-a/b', 'c'));
    expect(outputFileName('t-' + 'y'.repeat(500), 'i-1').length).toBeLessThan(120);
  });
});
