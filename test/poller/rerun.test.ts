// Re-run through the poller: InvokeCommand with the invocation's CommandId, 100 instances a call,
// one request in flight; RunCommand with the same content and settings once the command is gone;
// refused in --read-only before anything is sent. The emulator over loopback, the real client.
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeCommandParams, RunCommandParams } from '../../src/api/commands.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function linux(harness: Harness, n: number): string[] {
  return harness.emu.sim.fleet.filter((i) => i.os === 'linux').slice(0, n).map((i) => i.instanceId);
}

/** The invocation loaded into the store, as the screen that re-runs it would have it. */
async function loaded(harness: Harness, invokeId: string): Promise<void> {
  harness.poller.setFocus({ invokeId });
  await harness.poller.tickOnce();
  expect(harness.store.getState().invocations.get(invokeId)).toBeDefined();
}

describe('poller.rerun', () => {
  it('InvokeCommand with the CommandId, at most 100 instances a call, one at a time; each new invocation is listed', async () => {
    h = await startHarness({ emulator: { fleet: 340 } });
    const ids = linux(h, 250);
    expect(ids).toHaveLength(250);
    const source = h.emu.sim.runCommand({ name: 'fleet-fix', commandContent: 'echo fix', instanceIds: ids, outcome: { status: 'Failed', exitCode: 1 }, durationMs: 1_000 });
    h.clock.advance(10_000);
    await loaded(h, source);
    const mark = h.api.log.length;

    const out = await h.poller.rerun(source, ids);
    const sent = h.api.since(mark).filter((c) => c.action === 'InvokeCommand' || c.action === 'RunCommand');
    expect(sent.map((c) => c.action)).toEqual(['InvokeCommand', 'InvokeCommand', 'InvokeCommand']);
    const calls = sent.map((c) => c.params as InvokeCommandParams);
    expect(calls.map((p) => p.instanceIds.length)).toEqual([100, 100, 50]);
    expect(calls.flatMap((p) => p.instanceIds)).toEqual(ids);
    const commandId = h.emu.sim.record(source)?.commandId;
    expect(calls.every((p) => p.commandId === commandId)).toBe(true);
    expect(h.api.maxInFlightAll).toBe(1);
    expect(out).toMatchObject({ via: 'InvokeCommand', started: 250, asked: 250 });
    expect(out.invokeIds).toHaveLength(3);
    expect(out.error).toBeUndefined();

    // The new invocations are the service's: asked for by id (a fresh invocation demand), they load.
    for (const id of out.invokeIds) {
      expect(h.emu.sim.record(id)?.commandId).toBe(commandId);
      h.poller.demand({ kind: 'invocation', invokeId: id, fresh: true });
    }
    await h.poller.tickOnce();
    expect(out.invokeIds.map((id) => h!.store.getState().invocations.get(id)?.instances.length)).toEqual([100, 100, 50]);
  });

  it('falls back on RunCommand with the same content, type, parameters, user, working dir and timeout when the command is gone', async () => {
    h = await startHarness({ emulator: { fleet: 300 } });
    const ids = linux(h, 120);
    // RunCommand keeps no command by default: InvokeCommand of its CommandId is InvalidCommandId.NotFound.
    const first = await h.client.runCommand({
      instanceIds: ids.slice(0, 100),
      commandType: 'RunShellScript',
      commandContent: 'echo {{greeting}} from "$(hostname)"\n',
      name: 'greet',
      parameters: '{"greeting":"hello"}',
      username: 'deploy',
      workingDir: '/srv/app',
      timeout: 120,
    });
    h.clock.advance(10_000);
    await loaded(h, first.invokeId);
    const mark = h.api.log.length;

    const out = await h.poller.rerun(first.invokeId, ids);
    const sent = h.api.since(mark).filter((c) => c.action === 'InvokeCommand' || c.action === 'RunCommand');
    // One InvokeCommand learns the command is gone; every call after it is RunCommand.
    expect(sent.map((c) => [c.action, (c.params as RunCommandParams).instanceIds.length])).toEqual([
      ['InvokeCommand', 100],
      ['RunCommand', 100],
      ['RunCommand', 20],
    ]);
    expect(sent[0].error?.code).toBe('InvalidCommandId.NotFound');
    expect(out).toMatchObject({ via: 'RunCommand', started: 120 });
    for (const id of out.invokeIds) {
      const rec = h.emu.sim.record(id)!;
      expect(rec).toMatchObject({ commandName: 'greet', commandType: 'RunShellScript', content: 'echo {{greeting}} from "$(hostname)"\n' });
      expect(JSON.parse(rec.parameters)).toEqual({ greeting: 'hello' });
      expect([rec.username, rec.workingDir, rec.timeout]).toEqual(['deploy', '/srv/app', 120]);
    }
  });

  it('a later call that fails leaves the started ones and says why; a first call that fails rejects', async () => {
    h = await startHarness({ emulator: { fleet: 300 } });
    const ids = linux(h, 150);
    const source = h.emu.sim.runCommand({ name: 'half', commandContent: 'true', instanceIds: ids, outcome: 'Success', durationMs: 1_000 });
    h.clock.advance(10_000);
    await loaded(h, source);
    h.emu.sim.setInstanceState(ids[120], { released: true });
    const out = await h.poller.rerun(source, ids);
    expect(out).toMatchObject({ via: 'InvokeCommand', started: 100, asked: 150 });
    expect(out.invokeIds).toHaveLength(1);
    expect(out.error?.code).toBe('InvalidInstance.NotFound');

    await expect(h.poller.rerun(source, [ids[120]])).rejects.toMatchObject({ name: 'ApiError', code: 'InvalidInstance.NotFound' });
  });

  it('--read-only refuses before anything is sent', async () => {
    h = await startHarness({ poller: { readOnly: true } });
    const source = h.emu.sim.runCommand({ commandContent: 'true', instanceIds: linux(h, 2), outcome: 'Success', durationMs: 1_000 });
    h.clock.advance(10_000);
    await loaded(h, source);
    const mark = h.api.log.length;
    const before = h.emu.sim.fleet.length;
    await expect(h.poller.rerun(source, linux(h, 2))).rejects.toMatchObject({ code: 'ReadOnly', retryable: false });
    expect(h.api.since(mark)).toEqual([]);
    expect(h.emu.sim.fleet.length).toBe(before);
    // Nothing new exists on the service either.
    const listed = await h.client.describeInvocations({});
    expect(listed.invocations.map((i) => i.invokeId)).toEqual([source]);
  });
});
