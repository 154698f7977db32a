// `y`: ids one per line to a new file (0600, never over an existing file or through a link) named
// like saved output, and with --clipboard the same text by OSC 52.
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copiedText, copyIds, idsFileName } from '../../src/ui/copyIds.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catop-ids-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('copying ids', () => {
  it('writes the ids one per line to catop-<invokeId>-ids.txt, mode 0600; the flash says where', () => {
    const c = copyIds({ dir }, 't-hz1', ['i-bp1aaa', 'i-bp1bbb']);
    expect(c.path).toBe(join(dir, 'catop-t-hz1-ids.txt'));
    expect(readFileSync(c.path, 'utf8')).toBe('i-bp1aaa\ni-bp1bbb\n');
    expect(statSync(c.path).mode & 0o777).toBe(0o600);
    expect(c.clipboard).toBeUndefined();
    expect(copiedText(c)).toBe(`wrote 2 instance ids to ${c.path}`);
  });

  it('never overwrites nor follows a link: the next free -N', () => {
    writeFileSync(join(dir, 'catop-t-hz1-ids.txt'), 'earlier');
    symlinkSync('/etc/passwd', join(dir, 'catop-t-hz1-ids-1.txt'));
    const c = copyIds({ dir }, 't-hz1', ['i-bp1aaa']);
    expect(c.path).toBe(join(dir, 'catop-t-hz1-ids-2.txt'));
    expect(readFileSync(join(dir, 'catop-t-hz1-ids.txt'), 'utf8')).toBe('earlier');
    expect(lstatSync(join(dir, 'catop-t-hz1-ids-1.txt')).isSymbolicLink()).toBe(true);
  });

  it('a hostile id stays on its line and out of the file name; the clipboard refuses it', () => {
    const written: string[] = [];
    const c = copyIds({ dir, clipboard: { tmux: false, write: (b) => written.push(b) } }, 't-../../x\u001b]0;', ['i-ok', 'i-a\nb\u001b]52;c;x\u0007']);
    expect(c.path).toMatch(/\/catop-t-\.\._\.\._x__0_-ids-[0-9a-f]{10}\.txt$/);
    expect(idsFileName('t-../../x\u001b]0;')).not.toContain('/');
    const lines = readFileSync(c.path, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toMatch(/[\u0000-\u001f]/);
    expect(written).toEqual([]);
    expect(c.clipboard).toEqual({ sent: false, reason: expect.stringContaining('characters other than') });
    expect(copiedText(c)).toContain('not sent to the clipboard');
  });

  it('with --clipboard: the same text by OSC 52, tmux-wrapped when asked', () => {
    const written: string[] = [];
    const c = copyIds({ dir, clipboard: { tmux: true, write: (b) => written.push(b) } }, 't-hz1', ['i-bp1aaa', 'i-bp1bbb']);
    expect(written).toEqual(['\u001bPtmux;\u001b\u001b]52;c;aS1icDFhYWEKaS1icDFiYmIK\u0007\u001b\\']);
    expect(copiedText(c)).toBe(`wrote 2 instance ids to ${c.path} and sent them to the clipboard (OSC 52)`);
  });
});
