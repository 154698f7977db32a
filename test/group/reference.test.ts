import { describe, expect, it } from 'vitest';
import { createGrouper, referenceGroup, type Group, type GroupMember } from '../../src/group/index.js';

const member = (instanceId: string, exitCode: number | null, status: GroupMember['invocationStatus'] = 'Success'): GroupMember => ({
  instanceId,
  invocationStatus: exitCode === 0 || exitCode === null ? status : 'Failed',
  exitCode,
});

function groupsOf(rows: Array<[string, number | null, string | undefined]>): readonly Group[] {
  const g = createGrouper('strict');
  for (const [id, exit, output] of rows) g.add(member(id, exit), output);
  return g.groups();
}

describe("the reference group (ClusterShell's rule)", () => {
  it('is the group of the lowest exit code, even when smaller', () => {
    const groups = groupsOf([
      ['i-1', 1, 'boom'],
      ['i-2', 1, 'boom'],
      ['i-3', 1, 'boom'],
      ['i-4', 2, 'bang'],
      ['i-5', 0, 'fine'],
    ]);
    expect(referenceGroup(groups)?.instanceIds).toEqual(['i-5']);
  });

  it('then the largest group', () => {
    const groups = groupsOf([
      ['i-1', 0, 'a'],
      ['i-2', 0, 'b'],
      ['i-3', 0, 'b'],
      ['i-4', 1, 'c'],
      ['i-5', 1, 'c'],
      ['i-6', 1, 'c'],
    ]);
    expect(referenceGroup(groups)?.sample).toBe('b');
  });

  it('then the first InstanceId', () => {
    const groups = groupsOf([
      ['i-9', 0, 'late'],
      ['i-3', 0, 'early'],
      ['i-7', 0, 'late'],
      ['i-4', 0, 'early'],
    ]);
    expect(referenceGroup(groups)?.sample).toBe('early');
    expect(referenceGroup([...groups].reverse())?.sample).toBe('early');
  });

  it('has a sample: groups still pending, or with no exit code, come last; none when no output is known', () => {
    const groups = groupsOf([
      ['i-1', 0, undefined],
      ['i-2', 0, undefined],
      ['i-3', 3, 'three'],
      ['i-4', null, ''],
    ]);
    expect(referenceGroup(groups)?.sample).toBe('three');
    expect(referenceGroup(groupsOf([['i-1', 0, undefined]]))).toBeUndefined();
    expect(referenceGroup(groupsOf([['i-4', null, '']]))?.instanceIds).toEqual(['i-4']);
    expect(referenceGroup([])).toBeUndefined();
  });
});
