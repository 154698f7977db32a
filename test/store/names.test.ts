// The names cache's rules: what is asked for (unknown or stale ids, each once; nothing once
// unavailable), released and blank entries, the bound on how many are kept, and what `/` reads.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FLEET,
  MAX_NAMED,
  NAMES_TTL_MS,
  instanceIp,
  instanceLabel,
  instanceSearchText,
  namesToFetch,
  withNames,
} from '../../src/store/names.js';

const T = 1_000_000;

describe('the names cache', () => {
  it('asks for unknown ids once each, then for the same ones only when stale', () => {
    expect(namesToFetch(EMPTY_FLEET, ['i-a', 'i-b', 'i-a'], T)).toEqual(['i-a', 'i-b']);
    const fleet = withNames(EMPTY_FLEET, { asked: ['i-a'], found: [{ instanceId: 'i-a', instanceName: 'web' }] }, T);
    expect(namesToFetch(fleet, ['i-a', 'i-b'], T + NAMES_TTL_MS - 1)).toEqual(['i-b']);
    expect(namesToFetch(fleet, ['i-a', 'i-b'], T + NAMES_TTL_MS)).toEqual(['i-a', 'i-b']);
    expect(namesToFetch({ ...fleet, namesUnavailable: 'refused' }, ['i-b'], T)).toEqual([]);
  });

  it('marks asked ids that were not returned released, and blank ones as known without names', () => {
    const fleet = withNames(EMPTY_FLEET, { asked: ['i-a', 'i-gone'], found: [{ instanceId: 'i-a', privateIp: '10.0.0.1' }], blank: ['i-odd'] }, T);
    expect(fleet.names.get('i-gone')).toEqual({ instanceId: 'i-gone', fetchedAt: T, released: true });
    expect(instanceLabel(fleet, 'i-gone')).toBe('(released)');
    expect(instanceLabel(fleet, 'i-odd')).toBeUndefined();
    expect(namesToFetch(fleet, ['i-odd'], T + 1)).toEqual([]);
    expect(instanceIp(fleet, 'i-a')).toBe('10.0.0.1');
  });

  it('falls back from the name to the hostname and from the private to the public IP', () => {
    const fleet = withNames(EMPTY_FLEET, { asked: ['i-a'], found: [{ instanceId: 'i-a', hostName: 'host-a', publicIp: '47.0.0.1' }] }, T);
    expect(instanceLabel(fleet, 'i-a')).toBe('host-a');
    expect(instanceIp(fleet, 'i-a')).toBe('47.0.0.1');
  });

  it('lets / read names, hostnames, IPs and tag values, and nothing of a released instance', () => {
    const fleet = withNames(
      EMPTY_FLEET,
      { asked: ['i-a', 'i-b'], found: [{ instanceId: 'i-a', instanceName: 'web-01', hostName: 'h1', privateIp: '10.0.0.1', tags: { team: 'payments' } }] },
      T,
    );
    expect(instanceSearchText(fleet, 'i-a')).toEqual(['web-01', 'h1', '10.0.0.1', 'payments']);
    expect(instanceSearchText(fleet, 'i-b')).toEqual([]);
  });

  it(`keeps at most ${MAX_NAMED.toLocaleString('en-US')} instances, the oldest fetched going first`, () => {
    const ids = Array.from({ length: MAX_NAMED + 10 }, (_, k) => `i-${k}`);
    let fleet = withNames(EMPTY_FLEET, { asked: ids.slice(0, MAX_NAMED), found: [] }, T);
    fleet = withNames(fleet, { asked: ids.slice(MAX_NAMED), found: [] }, T + 1);
    expect(fleet.names.size).toBe(MAX_NAMED);
    expect(fleet.names.has('i-0')).toBe(false);
    expect(fleet.names.has('i-9')).toBe(false);
    expect(fleet.names.has('i-10')).toBe(true);
    expect(fleet.names.has(ids[ids.length - 1])).toBe(true);
  });
});
