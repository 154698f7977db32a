// Small builders for store tests: invocations in the normalised model shape.
import type { InstanceResult, Invocation } from '../../src/api/model.js';
import type { InstanceStatus } from '../../src/api/wire.js';
import { overallStatus, legacyInvokeStatus } from '../../src/api/status.js';

export function instance(invokeId: string, instanceId: string, status: InstanceStatus, extra: Partial<InstanceResult> = {}): InstanceResult {
  return {
    invokeId,
    instanceId,
    invocationStatus: status,
    exitCode: status === 'Success' ? 0 : null,
    dropped: 0,
    repeats: 0,
    ...extra,
  };
}

export function invocation(invokeId: string, creationTime: number, statuses: InstanceStatus[] = ['Success'], extra: Partial<Invocation> = {}): Invocation {
  const overall = overallStatus(statuses);
  return {
    invokeId,
    commandName: 'echo',
    commandType: 'RunShellScript',
    creationTime,
    timed: false,
    invocationStatus: overall,
    invokeStatus: legacyInvokeStatus(overall),
    instances: statuses.map((s, i) => instance(invokeId, `i-${i}`, s)),
    ...extra,
  };
}
