// The public surface of api/: the client, its model and errors, the status rule.
export { EcsClient, DEFAULT_TIMEOUT_MS } from './client.js';
export type { EcsClientOptions, StaticCredentials, CredentialsProviderLike } from './client.js';
export type { CommandsApi, InvokeCommandParams, RunCommandParams, RunTarget, StartedInvocation } from './commands.js';
export { MAX_RUN_IDS, isCommandGone } from './commands.js';
export { ApiError, AUTH_ERROR_CODES, isAuthError } from './errors.js';
export type { ApiErrorInit, ApiErrorKind } from './errors.js';
export type * from './model.js';
export type { AgentInfo, AgentsPage, InstanceInfo, InstancesApi, InstancesPage } from './instances.js';
export { MAX_AGENT_IDS, MAX_INSTANCE_IDS } from './instances.js';
export {
  normalizeInvocation,
  normalizeInvocationResult,
  normalizeInvocationResultsResponse,
  normalizeInvocationsResponse,
  normalizeStopResponse,
} from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export {
  ACTIVE_INSTANCE,
  ACTIVE_INVOCATION,
  FAILED_FAMILY,
  STOPPED_FAMILY,
  canonicalInstanceStatus,
  isFinalInstance,
  isFinalInvocation,
  legacyInvokeStatus,
  overallStatus,
} from './status.js';
export { httpStatusError, isRetryableCode, toApiError } from './toApiError.js';
export { redact } from './redact.js';
export type { RedactOptions, Secrets } from './redact.js';
export * from './bounds.js';
export { MAX_PAGE_SIZE, describeInvocationResultsWire, describeInvocationsWire, stopInvocationWire } from './validate.js';
export * from './wire.js';
