import { describe, expect, it } from 'vitest';
import { nextSplitMode, splitGeometry, splitKind, SPLIT_MODES } from '../../src/ui/screens/split/layout.js';

describe('the split layout by terminal size', () => {
  it('auto: side by side from 140 columns, stacked from 40 rows when narrower, else the drill-down', () => {
    expect(splitKind('auto', 160, 45)).toBe('side');
    expect(splitKind('auto', 200, 60)).toBe('side');
    expect(splitKind('auto', 140, 24)).toBe('side');
    expect(splitKind('auto', 139, 24)).toBe('off');
    expect(splitKind('auto', 120, 40)).toBe('stacked');
    expect(splitKind('auto', 100, 39)).toBe('off');
    expect(splitKind('auto', 100, 30)).toBe('off');
  });

  it('asked for: side by side from 100 columns, stacked from 30 rows, else the drill-down; off is off', () => {
    expect(splitKind('side', 100, 30)).toBe('side');
    expect(splitKind('side', 99, 60)).toBe('off');
    expect(splitKind('stacked', 200, 30)).toBe('stacked');
    expect(splitKind('stacked', 200, 29)).toBe('off');
    expect(splitKind('off', 200, 60)).toBe('off');
  });

  it('p cycles auto, side by side, stacked, off and back', () => {
    expect(SPLIT_MODES.map(nextSplitMode)).toEqual(['side', 'stacked', 'off', 'auto']);
  });

  it('fills the area: side by side with a rule column between, stacked with the output below', () => {
    const side = splitGeometry('side', 160, 30);
    expect(side.list.width + 1 + side.output.width).toBe(160);
    expect([side.list.height, side.output.height]).toEqual([30, 30]);
    const stacked = splitGeometry('stacked', 120, 30);
    expect(stacked.list.height + stacked.output.height).toBe(30);
    expect([stacked.list.width, stacked.output.width]).toEqual([120, 120]);
    expect(stacked.output.height).toBeGreaterThan(stacked.list.height);
  });
});
