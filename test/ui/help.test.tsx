// The help overlay's key table (ink-table): every binding, bordered, within the width, scrolling.
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/index.js';
import { helpRows } from '../../src/ui/keymap.js';
import { HelpOverlay } from '../../src/ui/widgets/HelpOverlay.js';

function draw(width: number, height: number): string[] {
  const { lastFrame, unmount } = render(<HelpOverlay width={width} height={height} active={false} onClose={() => {}} onQuit={() => {}} />);
  const lines = (lastFrame() ?? '').split('\n');
  unmount();
  return lines;
}

describe('help overlay key table', () => {
  it('lists every binding in a bordered table with a heading, one line per key', () => {
    const lines = draw(120, 60);
    expect(lines[1]).toMatch(/^┌─+┬─+┬─+┐$/);
    expect(lines[2]).toMatch(/^│ key +│ action +│ where +│$/);
    expect(lines[3]).toMatch(/^├─+┼─+┼─+┤$/);
    const rows = helpRows();
    rows.forEach((row, i) => {
      const line = lines[4 + i];
      expect(line.startsWith(`│ ${row.keys} `)).toBe(true);
      expect(line).toContain(` ${row.description} `);
      expect(line).toContain(` ${row.where} `);
    });
    expect(lines[4 + rows.length]).toMatch(/^└─+┴─+┴─+┘$/);
    expect(lines.filter((l) => l.trim() !== '').at(-1)).toBe('Esc or ? closes · q quits');
  });

  it('fits a narrow terminal and keeps every line within the width', () => {
    const lines = draw(60, 20);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^Keys {2}\(1-14 of \d+, j\/k scroll\)$/);
    expect(lines[1]).toMatch(/^┌─+┬─+┬─+┐$/);
    expect(lines[18]).toMatch(/^└─+┴─+┴─+┘$/);
  });
});
