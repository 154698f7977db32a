// The Cloud Assistant actions by name: parameter checks with the service's error codes, and JSON
// bodies in the documented shapes.
import { describeCloudAssistantStatus } from './describeCloudAssistantStatus.js';
import { describeInstances } from './describeInstances.js';
import { describeRegions } from './describeRegions.js';
import { describeInvocationResults } from './describeInvocationResults.js';
import { describeInvocations } from './describeInvocations.js';
import type { Action } from './params.js';
import { invokeCommand, runCommand } from './runCommand.js';
import { stopInvocation } from './stopInvocation.js';

export { RpcError, type Action, type ActionContext, type Json, type Params } from './params.js';

export const ACTIONS: Record<string, Action> = {
  DescribeInvocations: describeInvocations,
  DescribeInvocationResults: describeInvocationResults,
  StopInvocation: stopInvocation,
  RunCommand: runCommand,
  InvokeCommand: invokeCommand,
  DescribeInstances: describeInstances,
  DescribeCloudAssistantStatus: describeCloudAssistantStatus,
  DescribeRegions: describeRegions,
};
