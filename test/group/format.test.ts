import { describe, expect, it } from 'vitest';
import { createGrouper, groupsJsonLines, groupsTable, idsToFit, PENDING } from '../../src/group/index.js';
import { displayWidth } from '../../src/text/index.js';

function sampleGroups() {
  const g = createGrouper();
  for (let k = 0; k < 30; k++) g.add({ instanceId: `i-ok${String(k).padStart(3, '0')}`, invocationStatus: 'Success', exitCode: 0 }, `all good at 2026-12-01T00:00:${String(k).padStart(2, '0')}Z\nbye\n`);
  g.add({ instanceId: 'i-bad', invocationStatus: 'Failed', exitCode: 1, errorCode: 'ExitCodeNonzero' }, 'error: \u001b]52;c;aGk=\u0007disk full\n');
  g.add({ instanceId: 'i-none', invocationStatus: 'Failed', exitCode: null, errorCode: 'ClientNotRunning' });
  return g.groups();
}

describe('--groups --json lines', () => {
  it('says when a sample holds only its first lines', async () => {
    const { SAMPLE_BUDGET } = await import('../../src/group/grouper.js');
    const g = createGrouper('strict');
    const big = 'y'.repeat(SAMPLE_BUDGET - 10);
    g.add({ instanceId: 'i-a', invocationStatus: 'Success', exitCode: 0 }, `a\n${big}`);
    g.add({ instanceId: 'i-b', invocationStatus: 'Success', exitCode: 0 }, `b\n${big}`);
    const records = groupsJsonLines(g.groups(), true).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.instanceIds, r.sampleCut ?? false])).toEqual([[['i-a'], false], [['i-b'], true]]);
    expect(records[1].sample).toBe('b\n');
  });

  it('has one line per group with every field, in the groups order', () => {
    const text = groupsJsonLines(sampleGroups(), false);
    const lines = text.trimEnd().split('\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(3);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(records[0])).toEqual(['status', 'exitCode', 'errorCode', 'fingerprint', 'count', 'instanceIds', 'sample', 'final']);
    expect(records.map((r) => [r.status, r.exitCode, r.errorCode, r.count, r.final])).toEqual([
      ['Failed', 1, 'ExitCodeNonzero', 1, false],
      ['Failed', null, 'ClientNotRunning', 1, false],
      ['Success', 0, null, 30, false],
    ]);
    expect(records[1]).toMatchObject({ fingerprint: PENDING, sample: null, instanceIds: ['i-none'] });
    expect(records[2].instanceIds).toHaveLength(30);
    expect(records[2].sample).toBe('all good at 2026-12-01T00:00:00Z\nbye\n');
    // The sample's escape sequence is escaped in the line itself: printing it applies nothing.
    expect(lines[0]).not.toContain('\u001b');
    expect(records[0].sample).toBe('error: \u001b]52;c;aGk=\u0007disk full\n');
    expect(JSON.parse(groupsJsonLines(sampleGroups(), true).split('\n')[0]).final).toBe(true);
  });
});

describe('--groups table', () => {
  it('shows count, status, exit, error, the first line and the ids cut to fit the width', () => {
    const text = groupsTable(sampleGroups(), 100);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^COUNT {2}STATUS +EXIT {2}ERROR +SAMPLE +INSTANCES$/);
    expect(lines[1]).toMatch(/^ {4}1 {2}Failed +1 {2}ExitCodeNonzero {3}error: disk full +i-bad$/);
    expect(lines[2]).toMatch(/ClientNotRunning +\(output not fetched yet\) +i-none$/);
    expect(lines[3]).toMatch(/^ {3}30 {2}Success +0 {2}- +all good at 2026-12-01T00:00… +i-ok000, i-ok001 \+28 more$/);
    // An output fetched and empty says so, as the groups view does.
    const quiet = createGrouper();
    quiet.add({ instanceId: 'i-quiet', invocationStatus: 'Success', exitCode: 0 }, '');
    expect(groupsTable(quiet.groups(), 100).trimEnd().split('\n')[1]).toMatch(/^ {4}1 {2}Success +0 {2}- +\(no output\) +i-quiet$/);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(100);
    expect(text).not.toContain('\u001b');
    expect(groupsTable([], 80)).toMatch(/^COUNT/);
  });

  it('cuts a long first line and keeps wide characters whole', () => {
    const g = createGrouper();
    g.add({ instanceId: 'i-1', invocationStatus: 'Success', exitCode: 0 }, '界'.repeat(5_000));
    const [, row] = groupsTable(g.groups(), 60).trimEnd().split('\n');
    expect(displayWidth(row)).toBeLessThanOrEqual(60);
    expect(row).toContain('…');
  });

  it('names how many ids did not fit', () => {
    const ids = Array.from({ length: 100 }, (_, k) => `i-${k}`);
    expect(idsToFit(ids, 20)).toBe('i-0, i-1 +98 more');
    expect(idsToFit(['i-a', 'i-b'], 40)).toBe('i-a, i-b');
    expect(idsToFit(['i-a-very-long-instance-id'], 10)).toBe('+1 more');
    expect(idsToFit([], 10)).toBe('');
  });
});
