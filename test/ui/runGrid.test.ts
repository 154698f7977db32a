import { describe, expect, it } from 'vitest';
import { mergeRuns, type RunRecord } from '../../src/store/runs.js';
import { buildGrid, cellGlyph } from '../../src/ui/runGrid.js';

const run = (instanceId: string, startTime: number, exitCode = 0): RunRecord => ({
  instanceId,
  startTime,
  status: exitCode ? 'Failed' : 'Success',
  exitCode,
  errorCode: exitCode ? 'ExitCodeNonzero' : undefined,
  dropped: 0,
  repeats: 1,
});

describe('the run grid', () => {
  it('puts the runs of one fire in one column, newest on the right, a gap where an instance did not run', () => {
    const h = mergeRuns(
      undefined,
      't-1',
      [run('i-a', 0), run('i-a', 600_000), run('i-a', 1_200_000, 3), run('i-b', 2_000), run('i-b', 1_201_000)],
      new Map(),
      1,
      true,
    );
    const grid = buildGrid(h, ['i-b', 'i-a']);
    expect(grid.instances).toEqual(['i-b', 'i-a']);
    expect(grid.columns).toEqual([2_000, 600_000, 1_201_000]);
    expect(grid.cells.map((row) => row.map((c) => cellGlyph(c).text).join(''))).toEqual(['✓ · ✓ ', '✓ ✓ ✗!']);
  });

  it('marks only the failure that follows a success, readable without colour', () => {
    const h = mergeRuns(undefined, 't-1', [run('i-a', 0, 1), run('i-a', 600_000), run('i-a', 1_200_000, 2), run('i-a', 1_800_000, 2)], new Map(), 1, true);
    const [row] = buildGrid(h).cells;
    expect(row.map((c) => cellGlyph(c))).toEqual([
      { text: '✗ ', tone: 'failed' },
      { text: '✓ ', tone: 'success' },
      { text: '✗!', tone: 'failed' },
      { text: '✗ ', tone: 'failed' },
    ]);
  });
});
