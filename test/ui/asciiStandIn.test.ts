import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/index.js';
import { asciiStandIn } from '../../src/ui/widgets/asciiStandIn.js';

const RED = (s: string) => `\u001b[31m${s}\u001b[39m`;
const BOLD_ON_BLUE = (s: string) => `\u001b[1m\u001b[44m${s}\u001b[49m\u001b[22m`;

describe('asciiStandIn', () => {
  it('leaves printable ASCII alone', () => {
    expect(asciiStandIn(['  i-abc ', 'Success', '\n  i-def Failed'])).toBeUndefined();
  });

  it('stands ASCII in for CJK, emoji and the ellipsis, cell for cell, part for part', () => {
    const parts = ['> 部署 ', 'deploy 🚀', ' the com…'];
    const standIn = asciiStandIn(parts)!;
    expect(standIn.parts).toHaveLength(3);
    standIn.parts.forEach((p, k) => {
      expect(p).toMatch(/^[\u0020-\u007e]*$/);
      expect(p.length).toBe(displayWidth(parts[k]));
    });
    expect(standIn.parts[0]).toBe('> ____ ');
  });

  it('puts the real clusters back into the line Ink draws, its style codes kept', () => {
    const parts = ['  ab ', '部署…', ' 🚀x'];
    const standIn = asciiStandIn(parts)!;
    const drawn = standIn.parts[0] + RED(standIn.parts[1]) + BOLD_ON_BLUE(standIn.parts[2]);
    expect(standIn.restore(drawn, 0)).toBe(parts[0] + RED(parts[1]) + BOLD_ON_BLUE(parts[2]));
  });

  it('restores each line of a run that spans lines by its index', () => {
    const parts = ['Failed…\nok', '\n名前'];
    const standIn = asciiStandIn(parts)!;
    const lines = standIn.parts.join('').split('\n');
    expect(lines.map((line, i) => standIn.restore(line, i))).toEqual(['Failed…', 'ok', '名前']);
  });

  it('keeps a character Ink drew in place of the stand-in, and a line it was never given', () => {
    const standIn = asciiStandIn(['ab名'])!;
    expect(standIn.parts[0]).toBe('ab__');
    // Ink's own ellipsis where it cut the line: not a filler, so it stays.
    expect(standIn.restore('ab…', 0)).toBe('ab…');
    expect(standIn.restore('later', 3)).toBe('later');
  });

  it('declines text holding a cluster of no width (no cell to stand in)', () => {
    expect(asciiStandIn(['a', '\u0301b…'])).toBeUndefined();
  });
});
