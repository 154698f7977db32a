// The overall-status rule of the API page (DescribeInvocations, InvocationStatus) as a table:
// every instance status alone, then the mixes that decide between the families.
import { describe, expect, it } from 'vitest';
import { overallStatus, canonicalInstanceStatus, legacyInvokeStatus } from '../../src/api/status.js';
import { INSTANCE_STATUSES, type InstanceStatus, type InvocationStatus } from '../../src/api/wire.js';

const alone: Record<InstanceStatus, InvocationStatus> = {
  Pending: 'Pending',
  Scheduled: 'Scheduled',
  Running: 'Running',
  Stopping: 'Stopping',
  Success: 'Success',
  Failed: 'Failed',
  Invalid: 'Failed',
  Aborted: 'Failed',
  Timeout: 'Failed',
  Error: 'Failed',
  Cancelled: 'Stopped',
  Stopped: 'Stopped',
  Terminated: 'Stopped',
  Unknown: 'Unknown',
};

const mixes: [InstanceStatus[], InvocationStatus][] = [
  // Pending wins over everything.
  ...INSTANCE_STATUSES.map((s): [InstanceStatus[], InvocationStatus] => [['Pending', s], 'Pending']),
  [['Success', 'Running', 'Pending'], 'Pending'],
  // Then Scheduled, Running, Stopping, in that order.
  [['Scheduled', 'Running'], 'Scheduled'],
  [['Running', 'Scheduled', 'Success'], 'Scheduled'],
  [['Running', 'Stopping'], 'Running'],
  [['Running', 'Failed', 'Success'], 'Running'],
  [['Stopping', 'Success'], 'Stopping'],
  [['Stopping', 'Terminated', 'Failed'], 'Stopping'],
  // All stopped family -> Stopped.
  [['Cancelled', 'Cancelled', 'Cancelled'], 'Stopped'],
  [['Stopped', 'Cancelled', 'Terminated'], 'Stopped'],
  // Success with stopped ones -> Success.
  [['Success', 'Stopped'], 'Success'],
  [['Success', 'Cancelled', 'Terminated'], 'Success'],
  [['Success', 'Success'], 'Success'],
  // Failures with stopped ones -> Failed; any failed-family member counts.
  [['Failed', 'Cancelled'], 'Failed'],
  [['Invalid', 'Aborted', 'Timeout', 'Error', 'Failed'], 'Failed'],
  [['Timeout', 'Terminated'], 'Failed'],
  [['Error', 'Stopped'], 'Failed'],
  // Success and failure together -> PartialFailed.
  [['Success', 'Failed'], 'PartialFailed'],
  [['Success', 'Terminated', 'Timeout'], 'PartialFailed'],
  [['Success', 'Invalid'], 'PartialFailed'],
  [['Aborted', 'Success', 'Cancelled'], 'PartialFailed'],
  [['Success', 'Error', 'Stopped'], 'PartialFailed'],
];

describe('overallStatus', () => {
  it.each(Object.entries(alone))('%s alone -> %s', (s, expected) => {
    expect(overallStatus([s as InstanceStatus])).toBe(expected);
    expect(overallStatus([s as InstanceStatus, s as InstanceStatus, s as InstanceStatus])).toBe(expected);
  });

  it('covers every instance status in the single-status table', () => {
    expect(Object.keys(alone).sort()).toEqual([...INSTANCE_STATUSES].sort());
  });

  it.each(mixes)('%j -> %s', (statuses, expected) => {
    expect(overallStatus(statuses)).toBe(expected);
    // Order of instances does not matter.
    expect(overallStatus([...statuses].reverse())).toBe(expected);
  });

  it('no instances -> Pending', () => {
    expect(overallStatus([])).toBe('Pending');
  });
});

describe('canonicalInstanceStatus and legacyInvokeStatus', () => {
  it('accepts any case and surrounding spaces, rejects unknown values', () => {
    expect(canonicalInstanceStatus('success')).toBe('Success');
    expect(canonicalInstanceStatus(' RUNNING ')).toBe('Running');
    expect(canonicalInstanceStatus('partialfailed')).toBeUndefined();
    expect(canonicalInstanceStatus('')).toBeUndefined();
    expect(canonicalInstanceStatus(undefined)).toBeUndefined();
  });

  it('maps each overall status to its legacy InvokeStatus', () => {
    expect(legacyInvokeStatus('Pending')).toBe('Running');
    expect(legacyInvokeStatus('Scheduled')).toBe('Running');
    expect(legacyInvokeStatus('Stopping')).toBe('Running');
    expect(legacyInvokeStatus('Success')).toBe('Finished');
    expect(legacyInvokeStatus('Failed')).toBe('Failed');
    expect(legacyInvokeStatus('PartialFailed')).toBe('PartialFailed');
    expect(legacyInvokeStatus('Stopped')).toBe('Stopped');
  });
});
