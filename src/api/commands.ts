// InvokeCommand (a registered command again) and RunCommand (a script given inline): the typed
// params, their wire form and the answer. Both take 1..100 InstanceId.N a call; catop runs them
// once (RepeatMode Once), whatever the invocation they repeat was.
import { ApiError } from './errors.js';
import { isObj, malformed, ownedId } from './normalize.js';
import type { WireParams } from './validate.js';
import { COMMAND_TYPES } from './wire.js';

/** InvokeCommand and RunCommand take at most this many InstanceId.N a call. */
export const MAX_RUN_IDS = 100;

/** What both calls share: where and as whom the command runs. */
export interface RunTarget {
  instanceIds: readonly string[];
  /** A JSON object of custom parameter values (the invocation's `Parameters`); `{}` or empty: none. */
  parameters?: string;
  username?: string;
  /** Seconds. */
  timeout?: number;
}

export interface InvokeCommandParams extends RunTarget {
  commandId: string;
}

export interface RunCommandParams extends RunTarget {
  /** RunShellScript, RunBatScript or RunPowerShellScript. */
  commandType: string;
  /** Decoded content; sent as Base64. */
  commandContent: string;
  name?: string;
  workingDir?: string;
}

export interface StartedInvocation {
  invokeId: string;
  commandId?: string;
  requestId: string;
}

/** InvokeCommand and RunCommand, as the poller's re-run calls them. */
export interface CommandsApi {
  invokeCommand(params: InvokeCommandParams): Promise<StartedInvocation>;
  runCommand(params: RunCommandParams): Promise<StartedInvocation>;
}

function invalid(message: string): ApiError {
  return new ApiError({ code: 'InvalidParameter', kind: 'validation', retryable: false, message });
}

/** Parameters worth sending: a JSON object with at least one key. */
function customParameters(raw: string | undefined): string | undefined {
  if (!raw || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid('Parameters must be a JSON object of parameter values');
  }
  if (!isObj(parsed)) throw invalid('Parameters must be a JSON object of parameter values');
  return Object.keys(parsed).length > 0 ? raw : undefined;
}

function targetWire(p: RunTarget): WireParams {
  const ids = Array.isArray(p.instanceIds) ? p.instanceIds : [];
  if (ids.length === 0) throw invalid('at least one InstanceId is required to run a command');
  if (ids.length > MAX_RUN_IDS) throw invalid(`at most ${MAX_RUN_IDS} InstanceId a call (got ${ids.length}); split them`);
  const out: WireParams = { RepeatMode: 'Once', Timed: 'false' };
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id.trim() === '') throw invalid(`InstanceId.${i + 1} must be a non-empty instance id`);
    out[`InstanceId.${i + 1}`] = id;
  });
  const parameters = customParameters(p.parameters);
  if (parameters) out.Parameters = parameters;
  if (p.username) out.Username = p.username;
  if (p.timeout !== undefined) {
    if (!Number.isInteger(p.timeout) || p.timeout <= 0) throw invalid(`Timeout must be a whole number of seconds (got ${p.timeout})`);
    out.Timeout = String(p.timeout);
  }
  return out;
}

export function invokeCommandWire(p: InvokeCommandParams): WireParams {
  if (!p.commandId) throw invalid('CommandId is required to invoke a command');
  return { CommandId: p.commandId, ...targetWire(p) };
}

export function runCommandWire(p: RunCommandParams): WireParams {
  if (!(COMMAND_TYPES as readonly string[]).includes(p.commandType)) {
    throw invalid(`Type must be one of ${COMMAND_TYPES.join(', ')} (got another)`);
  }
  if (typeof p.commandContent !== 'string' || p.commandContent === '') throw invalid('CommandContent is required to run a command');
  const out: WireParams = {
    Type: p.commandType,
    CommandContent: Buffer.from(p.commandContent, 'utf8').toString('base64'),
    ContentEncoding: 'Base64',
    ...targetWire(p),
  };
  // A parameterised script needs the feature on, or its {{names}} run as they are.
  if (out.Parameters) out.EnableParameter = 'true';
  if (p.name) out.Name = p.name;
  if (p.workingDir) out.WorkingDir = p.workingDir;
  return out;
}

/** `{RequestId, InvokeId, CommandId}`; no InvokeId means the call did not start anything we can follow. */
export function normalizeStartedResponse(raw: unknown): StartedInvocation {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  const invokeId = ownedId(raw.InvokeId);
  if (!invokeId) throw malformed('the answer names no InvokeId');
  return { invokeId, commandId: ownedId(raw.CommandId), requestId: ownedId(raw.RequestId) ?? '' };
}

/** InvokeCommand's answer when the command was deleted (RunCommand keeps none by default). */
export function isCommandGone(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^InvalidCommand(Id)?\.NotFound$/i.test(code);
}
