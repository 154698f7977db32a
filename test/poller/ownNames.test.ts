// An instance's own name, hostname and IPs are masked in its output's fingerprint when names are
// known, so the same output naming its own host is one group (the outputs job's page feed).
import { describe, expect, it } from 'vitest';
import type { InstanceResult, InvocationResultPage } from '../../src/api/model.js';
import { createGroupBook } from '../../src/group/book.js';
import { addResultsPage, ownIdentity } from '../../src/poller/jobs/outputs.js';
import { EMPTY_FLEET, type FleetState, type InstanceNames } from '../../src/store/names.js';

const result = (n: number, output: string): InstanceResult => ({
  invokeId: 't-own',
  instanceId: `i-own${n}`,
  invocationStatus: 'Success',
  exitCode: 0,
  output,
  dropped: 0,
  repeats: 1,
});

function fleetOf(entries: InstanceNames[]): FleetState {
  return { ...EMPTY_FLEET, names: new Map(entries.map((e) => [e.instanceId, e])) };
}

const named = (n: number): InstanceNames => ({
  instanceId: `i-own${n}`,
  instanceName: `web-0${n}`,
  hostName: `web-0${n}.prod`,
  privateIp: `10.0.4.${n}`,
  fetchedAt: 0,
  released: false,
});

const page = (results: InstanceResult[]): InvocationResultPage => ({ results, requestId: 'r' });

describe('own names in grouping', () => {
  const outputs = [1, 2, 3].map((n) => result(n, `deployed on web-0${n} (web-0${n}.prod) listening on 10.0.4.${n}:80\n`));

  it('makes one group of outputs that differ only by each instance naming itself', () => {
    const book = createGroupBook();
    addResultsPage(book, 't-own', page(outputs), 3, fleetOf([named(1), named(2), named(3)]));
    const groups = book.groups('t-own', 'masked');
    expect(groups).toHaveLength(1);
    expect(groups[0].count).toBe(3);
  });

  it('keeps them apart while the names are not known (web-01 and web-02 are signal then)', () => {
    const book = createGroupBook();
    addResultsPage(book, 't-own', page(outputs), 3);
    expect(book.groups('t-own', 'masked')).toHaveLength(3);
  });

  it('has no identity for a released instance or one without names', () => {
    const fleet = fleetOf([{ ...named(1), released: true }, { instanceId: 'i-own2', fetchedAt: 0, released: false }]);
    expect(ownIdentity(fleet, 'i-own1')).toBeUndefined();
    expect(ownIdentity(fleet, 'i-own2')).toBeUndefined();
    expect(ownIdentity(fleetOf([named(4)]), 'i-own4')).toEqual({ names: ['web-04', 'web-04.prod'], ips: ['10.0.4.4'] });
  });
});
