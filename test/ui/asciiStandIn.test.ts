import { describe, expect, it } from 'vitest';
import { asciiStandIn } from '../../src/ui/widgets/asciiStandIn.js';

const RED = (s: string) => `\u001b[31m${s}\u001b[39m`;
const BOLD_ON_BLUE = (s: string) => `\u001b[1m\u001b[44m${s}\u001b[49m\u001b[22m`;

describe('asciiStandIn', () => {
  it('stands a filler in for every cell (two for CJK and emoji), each line filled out to the width, part for part', () => {
    const standIn = asciiStandIn(['> 部署 ', 'deploy 🚀', '\nthe com…'], 20)!;
    // The filling of the first line goes before the line break, in the part that holds it.
    expect(standIn.parts).toEqual(['_'.repeat(7), '_'.repeat(9), '_'.repeat(4) + '\n' + '_'.repeat(8) + '_'.repeat(12)]);
  });

  it('is the same for every text of the same shape, whatever it says', () => {
    const a = asciiStandIn(['i-abc\n10.0.0.1\n'], 12)!;
    const b = asciiStandIn(['名前…\nx\nlonger text!'], 12)!;
    expect(a.parts).toEqual(b.parts);
  });

  it('puts the real text back into the line Ink draws, its style codes kept, without the filling', () => {
    const parts = ['  ab ', '部署…', ' 🚀x'];
    const standIn = asciiStandIn(parts, 30)!;
    const drawn = standIn.parts[0] + RED(standIn.parts[1]) + BOLD_ON_BLUE(standIn.parts[2]);
    expect(standIn.restore(drawn, 0)).toBe(parts[0] + RED(parts[1]) + BOLD_ON_BLUE(parts[2]));
  });

  it('restores each line of a run that spans lines by its index', () => {
    const standIn = asciiStandIn(['Failed…\nok', '\n名前'], 8)!;
    const lines = standIn.parts.join('').split('\n');
    expect(lines.map((line) => line.length)).toEqual([8, 8, 8]);
    expect(lines.map((line, i) => standIn.restore(line, i))).toEqual(['Failed…', 'ok', '名前']);
  });

  it("keeps a character Ink drew in place of the stand-in, and a line it was never given", () => {
    const standIn = asciiStandIn(['ab名'], 4)!;
    // Ink's own ellipsis where it cut the line: not a filler, so it stays.
    expect(standIn.restore('__…', 0)).toBe('ab…');
    expect(standIn.restore('later', 3)).toBe('later');
  });

  it('declines text holding a cluster of no width (no cell to stand in)', () => {
    expect(asciiStandIn(['a', '\u0301b…'], 10)).toBeUndefined();
  });
});
