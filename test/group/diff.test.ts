import { describe, expect, it } from 'vitest';
import { diffSamples, diffText } from '../../src/group/index.js';

describe('a sample against the reference', () => {
  it('is a unified diff of line records marked + - and space', () => {
    const reference = 'start\nstep 1 ok\nstep 2 ok\nstep 3 ok\nstep 4 ok\nstep 5 ok\nstep 6 ok\ndone\n';
    const sample = 'start\nstep 1 ok\nstep 2 ok\nstep 3 FAILED: disk full\nstep 4 ok\nstep 5 ok\nstep 6 ok\ndone\nextra\n';
    const d = diffSamples(reference, sample);
    expect(d.lines).toEqual([
      { mark: '@', text: '@@ -1,8 +1,9 @@' },
      { mark: ' ', text: 'start' },
      { mark: ' ', text: 'step 1 ok' },
      { mark: ' ', text: 'step 2 ok' },
      { mark: '-', text: 'step 3 ok' },
      { mark: '+', text: 'step 3 FAILED: disk full' },
      { mark: ' ', text: 'step 4 ok' },
      { mark: ' ', text: 'step 5 ok' },
      { mark: ' ', text: 'step 6 ok' },
      { mark: ' ', text: 'done' },
      { mark: '+', text: 'extra' },
    ]);
    expect([d.added, d.removed, d.whole]).toEqual([2, 1, false]);
    // Readable without colour.
    expect(diffText(d).split('\n').slice(3, 6)).toEqual([' step 2 ok', '-step 3 ok', '+step 3 FAILED: disk full']);
  });

  it('keeps three lines of context and splits far changes into hunks', () => {
    const lines = Array.from({ length: 30 }, (_, k) => `line ${k}`);
    const changed = [...lines];
    changed[2] = 'changed 2';
    changed[25] = 'changed 25';
    const d = diffSamples(lines.join('\n') + '\n', changed.join('\n') + '\n');
    expect(d.lines.filter((l) => l.mark === '@').map((l) => l.text)).toEqual(['@@ -1,6 +1,6 @@', '@@ -23,7 +23,7 @@']);
    expect(diffSamples('a\nb\n', 'a\nc\n', { context: 0 }).lines.map((l) => l.mark)).toEqual(['@', '-', '+']);
  });

  it('is empty for the same text, and ignores a missing final newline', () => {
    expect(diffSamples('a\nb\n', 'a\nb\n').lines).toEqual([]);
    expect(diffSamples('a\nb', 'a\nb\n').lines).toEqual([]);
    expect(diffSamples('', 'x').lines).toEqual([
      { mark: '@', text: '@@ -0,0 +1,1 @@' },
      { mark: '+', text: 'x' },
    ]);
  });

  it('passes raw text through untouched (sanitising is for display)', () => {
    const d = diffSamples('ok\n', '\u001b[31mred\u001b[0m\r\n');
    expect(d.lines.find((l) => l.mark === '+')?.text).toBe('\u001b[31mred\u001b[0m\r');
  });

  it('gives up aligning texts that differ beyond the edit bound: all removed, then all added', () => {
    const a = Array.from({ length: 300 }, (_, k) => `a${k}`).join('\n');
    const b = Array.from({ length: 200 }, (_, k) => `b${k}`).join('\n');
    const d = diffSamples(a, b, { maxEdits: 50 });
    expect(d.whole).toBe(true);
    expect([d.removed, d.added]).toEqual([300, 200]);
    expect(d.lines[0]).toEqual({ mark: '@', text: '@@ -1,300 +1,200 @@' });
    expect(d.lines[1]).toEqual({ mark: '-', text: 'a0' });
    expect(d.lines[301]).toEqual({ mark: '+', text: 'b0' });
    expect(diffSamples(a, b).whole).toBe(false);
  });
});
