// Wire types of the ECS Cloud Assistant API (RPC, version 2014-05-26), exactly as sent:
// PascalCase, strings as strings. Shared by the client (`api/`) and the emulator.
// Source: the DescribeInvocations API reference (its JSON sample is
// test/api/fixtures/DescribeInvocations.sample.json), plus fields newer API versions add.

export const API_VERSION = '2014-05-26';

/** The statuses instances and invocations share, in the order the screens count them. */
const SHARED_STATUSES = ['Pending', 'Scheduled', 'Running', 'Stopping', 'Success', 'Failed'] as const;

/** Per-instance progress (`InvokeInstance.InvocationStatus`). */
export const INSTANCE_STATUSES = [
  ...SHARED_STATUSES,
  ...(['Invalid', 'Aborted', 'Timeout', 'Error', 'Cancelled', 'Stopped', 'Terminated'] as const),
  // catop's own, not the API's: a status the API page does not list, kept with its value.
  'Unknown',
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** Overall status of an invocation (`Invocation.InvocationStatus`). */
export const INVOCATION_STATUSES = [
  ...SHARED_STATUSES,
  'PartialFailed',
  'Stopped',
  // As for instances: a value the API page does not list, or an instance in such a state.
  'Unknown',
] as const;
export type InvocationStatus = (typeof INVOCATION_STATUSES)[number];

/** Legacy overall status, also the `InvokeStatus` request filter. */
export const INVOKE_STATUSES = ['Running', 'Finished', 'Failed', 'PartialFailed', 'Stopped'] as const;
export type InvokeStatus = (typeof INVOKE_STATUSES)[number];

export const CONTENT_ENCODINGS = ['PlainText', 'Base64'] as const;
export type ContentEncoding = (typeof CONTENT_ENCODINGS)[number];

export const COMMAND_TYPES = ['RunShellScript', 'RunBatScript', 'RunPowerShellScript'] as const;

/**
 * Every ErrorCode the API page documents, with its ErrorInfo text. Looked up by codes from the
 * network, so it has no prototype: `ERROR_INFO['constructor']` is undefined, not a function.
 */
export const ERROR_INFO: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  InstanceNotExists: 'the specified instance does not exists',
  InstanceReleased: 'the instance has released when create task',
  InstanceNotRunning: 'the instance is not running when create task',
  CommandNotApplicable: 'the command is not applicable',
  AccountNotExists: 'the specified account does not exists',
  DirectoryNotExists: 'the specified directory does not exists',
  BadCronExpression: 'the cron job expression is invalid',
  ClientNotRunning: 'the aliyun service is not running on the instance',
  ClientNotResponse: 'the aliyun service in the instance does not response',
  ClientIsUpgrading: 'the aliyun service in the instance is upgrading now',
  ClientNeedUpgrade: 'the aliyun service in the instance need upgrade',
  DeliveryTimeout: 'the command delivery has been timeout',
  ExecutionTimeout: 'the command execution has been timeout',
  ExecutionException: 'the command execution got an exception',
  ExecutionInterrupted: 'the command execution has been interrupted',
  ExitCodeNonzero: 'the command execution exit code is not zero',
});

/** Request parameters of DescribeInvocations (all optional but RegionId). */
export interface DescribeInvocationsRequest {
  RegionId: string;
  InvokeId?: string;
  CommandId?: string;
  CommandName?: string;
  CommandType?: string;
  Timed?: boolean;
  InvokeStatus?: string;
  InstanceId?: string;
  ContentEncoding?: string;
  IncludeOutput?: boolean;
  PageNumber?: number;
  PageSize?: number;
  /** Newer API versions: token paging (then TotalCount is not valid). */
  NextToken?: string;
  MaxResults?: number;
}

export interface WireInvokeInstance {
  InstanceId: string;
  CreationTime?: string;
  Dropped?: number;
  ErrorCode?: string;
  ErrorInfo?: string;
  ExitCode?: number | null;
  FinishTime?: string;
  /** DescribeInvocationResults names the finish time this way. */
  FinishedTime?: string;
  InstanceInvokeStatus?: string;
  InvocationStatus?: string;
  Output?: string;
  Repeats?: number;
  StartTime?: string;
  StopTime?: string;
  UpdateTime?: string;
  // Newer fields, kept when present.
  ContainerId?: string;
  ContainerName?: string;
  OssOutputDelivery?: string;
  OssOutputStatus?: string;
  OssOutputUri?: string;
}

export interface WireInvocation {
  InvokeId: string;
  CommandContent?: string;
  CommandId?: string;
  CommandName?: string;
  CommandType?: string;
  CreationTime?: string;
  Frequency?: string;
  InvocationStatus?: string;
  InvokeStatus?: string;
  Parameters?: string;
  Timed?: boolean;
  InvokeInstances?: { InvokeInstance: WireInvokeInstance[] };
  // Newer fields, kept when present.
  Username?: string;
  WorkingDir?: string;
  Timeout?: number;
  RepeatMode?: string;
  Launcher?: string;
  TerminationMode?: string;
  ContainerId?: string;
  ContainerName?: string;
  Tags?: { Tag: { TagKey: string; TagValue: string }[] };
}

export interface DescribeInvocationsResponse {
  RequestId: string;
  TotalCount?: number;
  PageNumber?: number;
  PageSize?: number;
  NextToken?: string;
  Invocations: { Invocation: WireInvocation[] };
}

/** One row of DescribeInvocationResults: an invocation on one instance. */
export interface WireInvocationResult {
  InvokeId: string;
  InstanceId: string;
  CommandId?: string;
  CommandName?: string;
  InvocationStatus?: string;
  InvokeRecordStatus?: string;
  ExitCode?: number | null;
  ErrorCode?: string;
  ErrorInfo?: string;
  Output?: string;
  Dropped?: number;
  Repeats?: number;
  StartTime?: string;
  FinishedTime?: string;
  StopTime?: string;
  Username?: string;
  ContainerId?: string;
  ContainerName?: string;
  Launcher?: string;
}

export interface DescribeInvocationResultsRequest {
  RegionId: string;
  InvokeId?: string;
  InstanceId?: string;
  CommandId?: string;
  InvokeRecordStatus?: string;
  IncludeHistory?: boolean;
  ContentEncoding?: string;
  PageNumber?: number;
  PageSize?: number;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeInvocationResultsResponse {
  RequestId: string;
  Invocation: {
    TotalCount?: number;
    PageNumber?: number;
    PageSize?: number;
    NextToken?: string;
    InvocationResults: { InvocationResult: WireInvocationResult[] };
  };
}

export interface StopInvocationRequest {
  RegionId: string;
  InvokeId: string;
  /** Sent as InstanceId.1 .. InstanceId.N. */
  InstanceIds?: string[];
}

/** The error body every RPC error carries. */
export interface WireError {
  RequestId: string;
  HostId?: string;
  Code: string;
  Message: string;
  Recommend?: string;
}
