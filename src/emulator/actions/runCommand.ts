// RunCommand (a script given inline) and InvokeCommand (a registered command) on 1..100 instances.
import { COMMAND_TYPES } from '../../api/wire.js';
import { REPEAT_MODES, type InvocationRecord, type RepeatMode, type RunCommandSpec } from '../model.js';
import { encodingParam } from './paging.js';
import { INVALID, RpcError, bool, checkInstanceCount, instanceList, missing, oneOf, present, region, type Action, type ActionContext, type Params } from './params.js';

function decodeContent(params: Params, content: string): string {
  const encoding = encodingParam(params, 'PlainText');
  if (encoding === 'PlainText') return content;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content.trim())) {
    throw new RpcError(403, 'InvalidParam.CommandContent', `${INVALID} CommandContent is not valid Base64.`);
  }
  return Buffer.from(content, 'base64').toString('utf8');
}

function targetInstances(params: Params, ctx: ActionContext, inRegion: boolean): string[] {
  const ids = instanceList(params);
  if (ids.length === 0) throw missing('InstanceId.1');
  checkInstanceCount(ids, 100);
  for (const id of ids) {
    const inst = inRegion ? ctx.sim.instance(id) : undefined;
    if (!inst || inst.released) throw new RpcError(404, 'InvalidInstance.NotFound', `The specified instance ${id} does not exist.`);
  }
  return ids;
}

function schedule(params: Params): { timed: boolean; frequency?: string; repeatMode: RepeatMode } {
  const mode = oneOf(params, 'RepeatMode', REPEAT_MODES);
  const frequency = present(params, 'Frequency');
  const timed = bool(params, 'Timed') ?? (mode === 'Period' || (mode === undefined && frequency !== undefined));
  if (timed && frequency === undefined) throw missing('Frequency');
  return { timed, frequency, repeatMode: mode === 'Period' || mode === 'Once' || mode === undefined ? (timed ? 'Period' : 'Once') : mode };
}

function timeoutParam(params: Params): number | undefined {
  const v = present(params, 'Timeout');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10 || n > 86_400) throw new RpcError(403, 'InvalidParam.Timeout', `${INVALID} Timeout must be 10..86400 seconds.`);
  return n;
}

/** What RunCommand and InvokeCommand share: where, when and how the command runs. */
function runOptions(params: Params, ctx: ActionContext, inRegion: boolean): Omit<RunCommandSpec, 'commandContent'> {
  const instanceIds = targetInstances(params, ctx, inRegion);
  const { timed, frequency, repeatMode } = schedule(params);
  return {
    instanceIds,
    timed,
    frequency,
    repeatMode,
    parameters: present(params, 'Parameters'),
    username: present(params, 'Username'),
    workingDir: present(params, 'WorkingDir'),
    timeout: timeoutParam(params),
  };
}

export const runCommand: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const type = present(params, 'Type');
  if (type === undefined) throw missing('Type');
  if (!(COMMAND_TYPES as readonly string[]).includes(type)) {
    throw new RpcError(403, 'InvalidParam.Type', `${INVALID} Type must be one of ${COMMAND_TYPES.join(', ')}.`);
  }
  const raw = present(params, 'CommandContent');
  if (raw === undefined) throw missing('CommandContent');
  const content = decodeContent(params, raw);
  const invokeId = ctx.sim.runCommand({
    ...runOptions(params, ctx, inRegion),
    commandContent: content,
    commandType: type,
    name: present(params, 'Name') ?? '',
    description: present(params, 'Description'),
  });
  const rec = ctx.sim.record(invokeId) as InvocationRecord;
  // KeepCommand defaults to false: the service deletes the command after the run, so a later
  // InvokeCommand of it is InvalidCommandId.NotFound.
  if (bool(params, 'KeepCommand') !== true) ctx.sim.deleteCommand(rec.commandId);
  return { RequestId: ctx.requestId, CommandId: rec.commandId, InvokeId: invokeId };
};

export const invokeCommand: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const commandId = present(params, 'CommandId');
  if (commandId === undefined) throw missing('CommandId');
  const cmd = inRegion ? ctx.sim.command(commandId) : undefined;
  if (!cmd) throw new RpcError(404, 'InvalidCommandId.NotFound', 'The specified command ID does not exist.');
  const invokeId = ctx.sim.runCommand({
    ...runOptions(params, ctx, inRegion),
    commandContent: cmd.content,
    commandType: cmd.type,
    name: cmd.name,
    commandId,
    description: cmd.description,
  });
  return { RequestId: ctx.requestId, CommandId: commandId, InvokeId: invokeId };
};
