// The typed model the rest of catop works with: camelCase, epoch-ms dates, decoded text.
// Produced from wire types by `api/normalize.ts`. Empty strings and missing fields are both `undefined`.
import type { InstanceStatus, InvocationStatus, InvokeStatus } from './wire.js';

export interface InstanceResult {
  invokeId: string;
  instanceId: string;
  /** Progress on this instance (the field to show). */
  invocationStatus: InstanceStatus;
  /** With `invocationStatus` 'Unknown': the value sent, sanitised and bounded (see `statusLabel`). */
  statusValue?: string;
  /** Legacy `InstanceInvokeStatus` (Running/Finished/Failed/Stopped/PartialFailed). */
  instanceInvokeStatus?: string;
  exitCode: number | null;
  errorCode?: string;
  errorInfo?: string;
  /** Decoded output (UTF-8, invalid bytes as U+FFFD); undefined when the call did not ask for it. */
  output?: string;
  /** Bytes cut from the output beyond 24 KB. */
  dropped: number;
  repeats: number;
  creationTime?: number;
  startTime?: number;
  finishTime?: number;
  stopTime?: number;
  updateTime?: number;
  containerId?: string;
  containerName?: string;
}

export interface Invocation {
  invokeId: string;
  commandId?: string;
  commandName?: string;
  commandType?: string;
  /** Decoded command content. */
  commandContent?: string;
  creationTime?: number;
  frequency?: string;
  timed: boolean;
  /** Overall status (the one to show). */
  invocationStatus: InvocationStatus;
  /** With `invocationStatus` 'Unknown': the value sent, sanitised and bounded (see `statusLabel`). */
  statusValue?: string;
  /** Legacy overall status. */
  invokeStatus?: InvokeStatus | string;
  parameters?: string;
  instances: InstanceResult[];
  username?: string;
  workingDir?: string;
  timeout?: number;
  repeatMode?: string;
  launcher?: string;
  terminationMode?: string;
  containerId?: string;
  containerName?: string;
  tags?: Record<string, string>;
}

export interface InvocationPage {
  invocations: Invocation[];
  /** Absent with token paging. */
  totalCount?: number;
  pageNumber?: number;
  pageSize?: number;
  nextToken?: string;
  requestId: string;
}

export interface InvocationResultPage {
  results: InstanceResult[];
  totalCount?: number;
  pageNumber?: number;
  pageSize?: number;
  nextToken?: string;
  requestId: string;
}

/** Typed parameters of `describeInvocations`, camelCase; mapped to the wire by the client. */
export interface DescribeInvocationsParams {
  invokeId?: string;
  commandId?: string;
  commandName?: string;
  commandType?: string;
  timed?: boolean;
  invokeStatus?: InvokeStatus;
  instanceId?: string;
  contentEncoding?: 'PlainText' | 'Base64';
  includeOutput?: boolean;
  pageNumber?: number;
  pageSize?: number;
  nextToken?: string;
  maxResults?: number;
}

export interface DescribeInvocationResultsParams {
  invokeId?: string;
  instanceId?: string;
  commandId?: string;
  invokeRecordStatus?: string;
  includeHistory?: boolean;
  contentEncoding?: 'PlainText' | 'Base64';
  pageNumber?: number;
  pageSize?: number;
  nextToken?: string;
  maxResults?: number;
}

/**
 * What the poller and the CLI need from the API. `EcsClient` implements it over pop-core;
 * nothing else does in production (tests use the emulator over loopback).
 */
export interface InvocationsApi {
  readonly regionId: string;
  readonly endpoint: string;
  describeInvocations(params: DescribeInvocationsParams): Promise<InvocationPage>;
  describeInvocationResults(params: DescribeInvocationResultsParams): Promise<InvocationResultPage>;
  stopInvocation(invokeId: string, instanceIds?: string[]): Promise<{ requestId: string }>;
}
