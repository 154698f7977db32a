// Re-run: an invocation's command again on some of its instances, one call per 100 instances,
// each through the scheduler's queue (one request in flight, the budget) like StopInvocation.
// InvokeCommand with the invocation's CommandId while that command exists; once the service says
// it is gone (RunCommand keeps none by default), RunCommand with the same content, type,
// parameters, user, working directory and timeout.
import { MAX_RUN_IDS, isCommandGone, type CommandsApi, type RunTarget, type StartedInvocation } from '../api/commands.js';
import { ApiError } from '../api/errors.js';
import type { Invocation } from '../api/model.js';
import { chunk } from './chunk.js';
import { toApiError } from './scheduler.js';

export type RerunVia = 'InvokeCommand' | 'RunCommand';

export interface RerunOutcome {
  /** The new invocations, one per call, in order. */
  invokeIds: string[];
  via: RerunVia;
  /** Instances the new invocations run on. */
  started: number;
  /** Instances asked for. */
  asked: number;
  /** A later call failed after earlier ones had started: its error (its instances did not run). */
  error?: ApiError;
}

type Request = <T>(fn: () => Promise<T>) => Promise<T>;

function refused(code: string, message: string): ApiError {
  return new ApiError({ code, message, kind: 'validation', retryable: false });
}

export const readOnlyRefusal = (): ApiError =>
  refused('ReadOnly', 'read-only mode (--read-only): re-running commands is disabled; start catop without --read-only');

export const notLoadedRefusal = (invokeId: string): ApiError =>
  refused('InvocationNotLoaded', `${invokeId} is not loaded: open it again (r refreshes) before re-running it`);

export async function rerunInvocation(
  api: Partial<CommandsApi>,
  request: Request,
  inv: Invocation,
  instanceIds: readonly string[],
): Promise<RerunOutcome> {
  const { invokeCommand, runCommand } = api;
  if (!invokeCommand || !runCommand) throw refused('Unsupported', 'this endpoint client cannot run commands');
  const ids = [...new Set(instanceIds)];
  if (ids.length === 0) throw refused('InvalidParameter', 'no instances to re-run on');
  const target = (part: string[]): RunTarget => ({ instanceIds: part, parameters: inv.parameters, username: inv.username, timeout: inv.timeout });
  const viaRun = (part: string[]): Promise<StartedInvocation> => {
    if (!inv.commandType || !inv.commandContent) {
      throw refused('CommandContentUnknown', `the command of ${inv.invokeId} is gone and its content is not known: nothing to run again`);
    }
    const { commandType, commandContent, commandName: name, workingDir } = inv;
    return request(() => runCommand.call(api, { ...target(part), commandType, commandContent, name, workingDir }));
  };
  const viaInvoke = (part: string[]) => request(() => invokeCommand.call(api, { ...target(part), commandId: inv.commandId! }));

  let via: RerunVia = inv.commandId ? 'InvokeCommand' : 'RunCommand';
  const outcome: RerunOutcome = { invokeIds: [], via, started: 0, asked: ids.length };
  for (const part of chunk(ids, MAX_RUN_IDS)) {
    let started: StartedInvocation;
    try {
      try {
        started = await (via === 'InvokeCommand' ? viaInvoke(part) : viaRun(part));
      } catch (e) {
        // Only the first call can find the command gone; later ones follow its answer.
        if (via !== 'InvokeCommand' || outcome.invokeIds.length > 0 || !isCommandGone(e)) throw e;
        via = outcome.via = 'RunCommand';
        started = await viaRun(part);
      }
    } catch (e) {
      if (outcome.invokeIds.length === 0) throw toApiError(e);
      return { ...outcome, error: toApiError(e) };
    }
    outcome.invokeIds.push(started.invokeId);
    outcome.started += part.length;
  }
  return outcome;
}
