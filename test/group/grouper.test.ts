import { describe, expect, it } from 'vitest';
import { PENDING, createGrouper, fingerprint, type GroupMember } from '../../src/group/index.js';
import { SAMPLE_BUDGET, SAMPLE_CUT, TEMPLATES } from '../../src/group/grouper.js';
import { fleetInstance, memberOf, variantOf } from './fleet.js';

const ok = (instanceId: string): GroupMember => ({ instanceId, invocationStatus: 'Success', exitCode: 0 });

describe('a thousand instances with noisy outputs', () => {
  const fleet = Array.from({ length: 1000 }, (_, n) => fleetInstance(n, 3_000));

  it('group into exactly the five intended groups, worst first', () => {
    const g = createGrouper('masked');
    for (const f of fleet) g.add(f.member, f.output, f.own);
    const groups = g.groups();
    expect(groups.map((x) => [x.status, x.exitCode, x.errorCode, x.count])).toEqual([
      ['Failed', 1, 'ExitCodeNonzero', 21],
      ['Failed', null, 'ClientNotRunning', 5],
      ['Success', 0, undefined, 960],
      ['Success', 0, undefined, 12],
      ['Success', 0, undefined, 2],
    ]);
    // Each group holds exactly the instances of one variant.
    for (const group of groups) {
      const variants = new Set(group.instanceIds.map((id) => variantOf(parseInt(id.slice(5), 16))));
      expect(variants.size).toBe(1);
    }
    expect(groups[2].firstLine).toMatch(/INFO deploy step 0 on web-\d{4}/);
    expect(groups[1].sample).toBe('');
    expect(groups.every((x) => x.fingerprint !== PENDING)).toBe(true);
    expect(g.outputsKnown).toBe(1000);
  });

  it('without their own names every instance is apart; loose grouping merges the versions', () => {
    const bare = createGrouper('masked');
    for (const f of fleet.slice(0, 100)) bare.add(f.member, f.output);
    expect(bare.groups().length).toBeGreaterThan(90);
    const loose = createGrouper('loose');
    for (const f of fleet) loose.add(f.member, f.output, f.own);
    expect(loose.groups().map((x) => x.count)).toEqual([21, 5, 972, 2]);
    const strict = createGrouper('strict');
    for (const f of fleet.slice(0, 100)) strict.add(f.member, f.output, f.own);
    expect(strict.groups().length).toBe(100 - 5 + 1);
  });

  it('keep one sample per group and no other output', () => {
    const g = createGrouper();
    for (const f of fleet) g.add(f.member, f.output, f.own);
    const kept = g.retained();
    expect(kept.samples).toBe(5);
    const samples = g.groups().map((x) => x.sample ?? '');
    expect(kept.sampleChars).toBe(samples.reduce((a, s) => a + s.length, 0));
    expect(kept.sampleChars).toBeLessThan(5 * 3_200);
    expect(kept.fingerprints).toBe(1000);
    // Structure: no string held anywhere in a group longer than an id but the sample.
    for (const group of g.groups()) {
      for (const [field, value] of Object.entries(group)) {
        if (field === 'sample' || field === 'firstLine') continue;
        if (typeof value === 'string') expect(value.length).toBeLessThan(200);
      }
      expect(group.instanceIds.every((id) => id.length < 40)).toBe(true);
    }
  });
});

describe('incremental grouping', () => {
  it('groups by status, exit and error at once, and refines as outputs arrive', () => {
    const g = createGrouper();
    const n = 40;
    for (let k = 0; k < n; k++) g.add(memberOf(k));
    expect(g.outputsKnown).toBe(0);
    const coarse = g.groups();
    expect(coarse.map((x) => [x.status, x.errorCode, x.fingerprint, x.count])).toEqual([
      ['Failed', 'ExitCodeNonzero', PENDING, 21],
      ['Failed', 'ClientNotRunning', PENDING, 5],
      ['Success', undefined, PENDING, 14],
    ]);
    expect(coarse.every((x) => x.sample === undefined && x.firstLine === undefined)).toBe(true);
    // Outputs of the Success ones arrive: 12 old versions, 2 odd, in two pages.
    for (let k = 26; k < 33; k++) {
      const f = fleetInstance(k, 1_000);
      g.update(f.member, f.output, f.own);
    }
    const half = g.groups();
    expect(half.find((x) => x.status === 'Success' && x.fingerprint === PENDING)?.count).toBe(7);
    expect(half.filter((x) => x.status === 'Success').reduce((a, x) => a + x.count, 0)).toBe(14);
    for (let k = 33; k < n; k++) {
      const f = fleetInstance(k, 1_000);
      g.update(f.member, f.output, f.own);
    }
    const done = g.groups().filter((x) => x.status === 'Success');
    expect(done.map((x) => x.count)).toEqual([12, 2]);
    expect(done.some((x) => x.fingerprint === PENDING)).toBe(false);
    expect(g.outputsKnown).toBe(14);
  });

  it('keeps a fingerprint while the result stands, drops it when the result changes', () => {
    const g = createGrouper();
    const running: GroupMember = { instanceId: 'i-a', invocationStatus: 'Running', exitCode: null };
    g.add(running, 'partial');
    expect(g.groups()[0].fingerprint).toBe(fingerprint('partial'));
    expect(g.update(running)).toBe(false); // a refresh without output keeps it
    expect(g.groups()[0].fingerprint).toBe(fingerprint('partial'));
    expect(g.update(ok('i-a'))).toBe(true); // finished: the partial output says nothing of the result
    expect(g.groups().map((x) => [x.status, x.fingerprint, x.count])).toEqual([['Success', PENDING, 1]]);
    expect(g.outputsKnown).toBe(0);
    g.update(ok('i-a'), 'done');
    expect(g.groups().map((x) => [x.status, x.fingerprint])).toEqual([['Success', fingerprint('done')]]);
    expect(g.instanceCount).toBe(1);
  });

  it('masks a byte-identical output once (with the same own names), and stays bounded', () => {
    const g = createGrouper();
    const output = 'ok at 2026-12-01T00:00:00Z\n';
    for (let k = 0; k < 100; k++) g.add(ok(`i-${k}`), output);
    expect(g.outputsMasked).toBe(1);
    g.add(ok('i-x'), 'web-1 ok', { names: ['web-1'], ips: [] });
    g.add(ok('i-y'), 'web-1 ok', { names: ['web-2'], ips: [] });
    expect(g.outputsMasked).toBe(3);
    expect(g.groups().map((x) => x.count)).toEqual([100, 1, 1]);
    expect(g.retained().knownOutputs).toBe(3);
    const many = createGrouper();
    for (let k = 0; k < 10_050; k++) many.add(ok(`i-${k}`), `out ${k}`);
    // Looked up against the groups' samples only: nothing is held for it beyond them.
    expect(many.retained().knownOutputs).toBe(many.groups().length);
    expect(many.retained().samples).toBe(many.groups().length);
    const strict = createGrouper('strict');
    strict.add(ok('i-1'), output);
    expect(strict.retained().knownOutputs).toBe(0);
  });

  it('checks a majority again first after outliers, and holds a bounded number of templates', () => {
    const g = createGrouper('masked');
    const at = (n: number) => fleetInstance(n * 1000 + 100, 3_000); // always the ok variant
    // Outliers first: the majority's group comes after the samples checked before masking.
    for (let k = 0; k < 5; k++) g.add(ok(`i-odd${k}`), `odd output ${k}: ${'z'.repeat(k + 1)}\n`);
    for (let n = 0; n <= 50; n++) {
      const f = at(n);
      g.add(f.member, f.output, f.own);
    }
    // Its second member is masked whole, finds the group by fingerprint and puts it first.
    expect(g.outputsMasked).toBe(5 + 2);
    expect(g.groups().find((x) => x.count === 51)).toBeDefined();
    // Twenty exit codes, each a group whose sample is checked: templates for all of them built, the last few held.
    for (let code = 1; code <= 20; code++) {
      for (const n of [1, 2]) g.add({ instanceId: `i-x${code}-${n}`, invocationStatus: 'Failed', exitCode: code }, `failed at 2026-12-0${n}T00:00:00Z\n`);
    }
    expect(g.outputsMasked).toBe(5 + 2 + 20);
    expect(g.retained().templates).toBeLessThanOrEqual(TEMPLATES);
  });

  it("makes a new group's template by the masking that found it, while each group of its result was checked", () => {
    const g = createGrouper('masked');
    const f = fleetInstance(100, 3_000);
    g.add(f.member, f.output, f.own);
    expect(g.retained().templates).toBe(1);
    const next = fleetInstance(1_100, 3_000);
    g.add(next.member, next.output, next.own);
    expect(g.outputsMasked).toBe(1);
    // Four groups of one result: an output masked whole may join one not checked, so no template is made for it.
    for (let k = 0; k < 4; k++) g.add(ok(`i-other${k}`), `other output ${k}: ${'z'.repeat(k + 1)}\n`);
    expect(g.retained().templates).toBe(4);
    expect(g.groups().map((x) => x.count).sort()).toEqual([1, 1, 1, 1, 2]);
  });

  it('holds samples within a bound when every output differs, keeping their first lines past it', () => {
    const strict = createGrouper('strict');
    const body = 'x'.repeat(80) + '\n';
    const outputs = 300;
    for (let k = 0; k < outputs; k++) strict.add(ok(`i-${k}`), `run ${k}\n${body.repeat(300)}`);
    const groups = strict.groups();
    expect(groups).toHaveLength(outputs);
    const kept = strict.retained();
    expect(kept.sampleChars).toBeLessThanOrEqual(SAMPLE_BUDGET + outputs * SAMPLE_CUT);
    const cut = groups.filter((g) => g.sampleCut);
    const whole = groups.filter((g) => !g.sampleCut);
    expect(cut.length).toBeGreaterThan(0);
    expect(whole.reduce((n, g) => n + g.sample!.length, 0)).toBeLessThanOrEqual(SAMPLE_BUDGET);
    for (const g of cut) {
      expect(g.sample!.length).toBeLessThanOrEqual(SAMPLE_CUT);
      expect(g.sample!.endsWith('\n')).toBe(true);
      expect(g.firstLine).toBe(`run ${g.instanceIds[0].slice(2)}`);
    }
    // A group that empties gives its characters back to the bound.
    for (const g of groups.filter((x) => !x.sampleCut)) strict.remove(g.instanceIds[0]);
    strict.add(ok('i-new'), `new\n${body.repeat(300)}`);
    expect(strict.groups().find((g) => g.instanceIds[0] === 'i-new')?.sampleCut).toBeUndefined();
  });

  it('returns the same array until something changes, and removes instances and empty groups', () => {
    const g = createGrouper();
    g.add(ok('i-b'), 'x');
    g.add(ok('i-a'), 'x');
    g.add(ok('i-c'), 'y');
    const first = g.groups();
    expect(g.groups()).toBe(first);
    expect(first.map((x) => x.instanceIds)).toEqual([['i-a', 'i-b'], ['i-c']]);
    expect(first[0].sampleInstanceId).toBe('i-b');
    expect(g.add(ok('i-a'), 'x')).toBe(false);
    expect(g.groups()).toBe(first);
    expect(g.remove('i-c')).toBe(true);
    expect(g.remove('i-c')).toBe(false);
    expect(g.groups().map((x) => x.count)).toEqual([2]);
    expect(g.retained().samples).toBe(1);
    // The sample stays with its group when its instance moves on.
    g.update(ok('i-b'), 'z');
    const [x, z] = g.groups();
    expect([x.instanceIds, x.sample, x.sampleInstanceId]).toEqual([['i-a'], 'x', 'i-b']);
    expect(z.sample).toBe('z');
  });

  it('orders failed, stopped, active, success; then larger; then first InstanceId', () => {
    const g = createGrouper();
    g.add(ok('i-s1'), 'a');
    g.add(ok('i-s2'), 'b');
    g.add(ok('i-s3'), 'b');
    g.add({ instanceId: 'i-r', invocationStatus: 'Running', exitCode: null });
    g.add({ instanceId: 'i-st', invocationStatus: 'Stopped', exitCode: null });
    g.add({ instanceId: 'i-t', invocationStatus: 'Timeout', exitCode: null, errorCode: 'ExecutionTimeout' });
    g.add({ instanceId: 'i-f2', invocationStatus: 'Failed', exitCode: 2 }, 'e');
    g.add({ instanceId: 'i-f1', invocationStatus: 'Failed', exitCode: 1 }, 'e');
    g.add(ok('i-s0'), 'c');
    expect(g.groups().map((x) => x.instanceIds.join(','))).toEqual(['i-f1', 'i-f2', 'i-t', 'i-st', 'i-r', 'i-s2,i-s3', 'i-s0', 'i-s1']);
  });
});

describe('snapshots', () => {
  it('keep their ids sorted and unchanged by later adds, and reuse the groups nothing changed in', () => {
    const g = createGrouper();
    for (const id of ['i-c', 'i-a', 'i-e']) g.add(ok(id), 'x');
    g.add(ok('i-z'), 'y');
    const before = g.groups();
    expect(before[0].instanceIds).toEqual(['i-a', 'i-c', 'i-e']);
    g.add(ok('i-b'), 'x');
    g.remove('i-e');
    const after = g.groups();
    expect(after).not.toBe(before);
    expect(before[0].instanceIds).toEqual(['i-a', 'i-c', 'i-e']);
    expect(after[0].instanceIds).toEqual(['i-a', 'i-b', 'i-c']);
    expect(after[1]).toBe(before[1]);
    // Leaving and coming back before the next snapshot: listed once.
    g.update(ok('i-a'), 'y');
    g.update(ok('i-a'), 'x');
    expect(g.groups()[0].instanceIds).toEqual(['i-a', 'i-b', 'i-c']);
    expect(g.groups()[1].instanceIds).toEqual(['i-z']);
  });

  it('keeps results apart whatever an endpoint puts in a status or error code', () => {
    const g = createGrouper();
    // Joined naively with a separator these two results would make one key.
    g.add({ instanceId: 'i-a', invocationStatus: 'a|5|=x' as GroupMember['invocationStatus'], exitCode: null }, 'same');
    g.add({ instanceId: 'i-b', invocationStatus: 'a' as GroupMember['invocationStatus'], exitCode: 5, errorCode: 'x|null|' }, 'same');
    expect(g.groups().map((x) => x.count)).toEqual([1, 1]);
  });

  it('list the ids of a snapshot as they were then, however late they are read', () => {
    const g = createGrouper();
    const id = (k: number | string) => `i-${String(k).padStart(4, '0')}`;
    // What each instance's output is (undefined: pending), to say what a snapshot must list.
    const outputs = new Map<string, string | undefined>();
    const put = (instanceId: string, output?: string) => {
      outputs.set(instanceId, output);
      g.update(ok(instanceId), output);
    };
    const kept: Array<[ReturnType<typeof g.groups>, string[][]]> = [];
    const keep = () => {
      const groups = g.groups();
      const want = groups.map((x) => [...outputs].filter(([, out]) => (x.fingerprint === PENDING ? out === undefined : out === x.sample)).map(([k]) => k).sort());
      kept.push([groups, want]);
    };
    for (let k = 0; k < 10; k++) put(id(k));
    keep();
    for (let k = 0; k < 5; k++) put(id(k), 'x'); // the smallest leave pending; x grows at its end
    keep();
    put(id(9), 'x'); // not the smallest
    keep();
    put(id('0001a'), 'x'); // inside x's ids
    keep();
    put(id(0), 'y');
    put(id(0), 'x'); // x's smallest leaves and comes back
    keep();
    g.remove(id(5));
    outputs.delete(id(5));
    keep();
    // Read only now: each as it was.
    for (const [groups, want] of kept) {
      expect(groups.map((x) => [...x.instanceIds])).toEqual(want);
      expect(groups.map((x) => x.count)).toEqual(want.map((w) => w.length));
    }
  });
});

describe('grouping cost', () => {
  function operationsFor(count: number): number {
    const g = createGrouper();
    for (let k = 0; k < count; k++) g.add(memberOf(k));
    for (let k = 0; k < count; k++) g.update(memberOf(k), `out ${variantOf(k)} at 2026-12-01T00:00:0${k % 10}Z`);
    g.groups();
    return g.operations;
  }

  it('is linear in the number of instances', () => {
    const n = operationsFor(1_000);
    const n4 = operationsFor(4_000);
    expect(n).toBeGreaterThan(1_000);
    expect(n4 / n).toBeGreaterThan(3.5);
    expect(n4 / n).toBeLessThan(4.5);
  });
});
