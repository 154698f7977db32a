// The invocation's results line: instances counted per exit code, error code or status, the most
// common first, cut to the width with `+N more`.
import { describe, expect, it } from 'vitest';
import type { InstanceResult } from '../../src/api/model.js';
import { displayWidth } from '../../src/text/index.js';
import { countResults, resultsText } from '../../src/ui/resultCounts.js';

const inst = (invocationStatus: InstanceResult['invocationStatus'], exitCode: number | null, errorCode?: string, statusValue?: string): InstanceResult =>
  ({ invokeId: 't-1', instanceId: 'i-x', invocationStatus, exitCode, errorCode, statusValue, dropped: 0, repeats: 0 }) as InstanceResult;

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe('result counts', () => {
  it('counts exit codes, error codes and statuses, the most common first', () => {
    const list = [
      ...times(5, () => inst('Failed', null, 'ClientNotRunning')),
      ...times(21, () => inst('Failed', 1, 'ExitCodeNonzero')),
      ...times(972, () => inst('Success', 0)),
      ...times(2, () => inst('Running', null)),
      inst('Stopped', -1),
      inst('Timeout', null, 'InstanceTimeout' as string),
      inst('Unknown', null, undefined, 'Rebooting'),
    ];
    expect(countResults(list)).toEqual([
      { label: 'exit 0', count: 972 },
      { label: 'exit 1', count: 21 },
      { label: 'ClientNotRunning', count: 5 },
      { label: 'Running', count: 2 },
      { label: 'Stopped', count: 1 },
      { label: 'InstanceTimeout', count: 1 },
      { label: 'unknown (Rebooting)', count: 1 },
    ]);
    expect(countResults([])).toEqual([]);
  });

  it('keeps the order first seen between equal counts', () => {
    expect(countResults([inst('Failed', 2, 'ExitCodeNonzero'), inst('Success', 0)]).map((c) => c.label)).toEqual(['exit 2', 'exit 0']);
  });

  const counts = [
    { label: 'exit 0', count: 1972 },
    { label: 'exit 1', count: 21 },
    { label: 'ClientNotRunning', count: 5 },
    { label: 'Running', count: 2 },
  ];

  it('writes them as exit 0 ×1,972 · exit 1 ×21 · …', () => {
    expect(resultsText(counts, 200)).toBe('exit 0 ×1,972 · exit 1 ×21 · ClientNotRunning ×5 · Running ×2');
  });

  it('cuts to the width, saying how many more', () => {
    const full = resultsText(counts, 200);
    expect(resultsText(counts, displayWidth(full) - 1)).toBe('exit 0 ×1,972 · exit 1 ×21 · ClientNotRunning ×5 · +1 more');
    expect(resultsText(counts, 40)).toBe('exit 0 ×1,972 · exit 1 ×21 · +2 more');
    expect(resultsText(counts, 30)).toBe('exit 0 ×1,972 · +3 more');
    expect(resultsText(counts, 5)).toBe('+4 more');
    for (const w of [24, 30, 40, 50, 60]) expect(displayWidth(resultsText(counts, w))).toBeLessThanOrEqual(w);
  });

  it('shows an error code from the service sanitised', () => {
    expect(resultsText([{ label: 'Bad\u001b[31mCode\u0007', count: 1 }], 80)).not.toMatch(/[\u0000-\u001f]/);
  });
});
