// RunCommand scripts end as a shell ends them: the exit code is the `exit N` the script runs, or 0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { scriptExit, statements } from '../../src/emulator/script.js';
import { call, invocations, type Body } from './helpers.js';

describe('scriptExit', () => {
  it.each([
    ['echo checking; exit 3', 3],
    ['echo x\nexit 42', 42],
    ['exit 3; echo never; exit 4', 3],
    ['echo ok', 0],
    ['exit', 0],
    ['exit 0', 0],
    ['exit 256', 0],
    ['exit 257', 1],
    ['echo "a; exit 3"', 0],
    ["echo 'exit 3'", 0],
    ['echo hi # exit 3', 0],
    ['# exit 3\necho hi', 0],
    ['test -f /etc/app.conf || exit 1', 0],
    ['if true; then exit 2; fi', 0],
    ['Write-Output "patched"\r\nexit 5\r\n', 5],
    ['@echo off\r\nexit /b 2\r\n', 2],
  ])('%j -> %i', (script, code) => {
    expect(scriptExit(script)).toBe(code);
  });

  it('splits statements on newlines and semicolons outside quotes', () => {
    expect(statements('a; b\n  c "d; e" \\; f\n\n# note\ng')).toEqual(['a', 'b', 'c "d; e" \\; f', 'g']);
  });
});

describe('RunCommand through pop-core', () => {
  let emu: RunningEmulator;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    emu = await startEmulator({ port: 0, seed: 19, fleet: 2, clock });
  });

  afterEach(async () => {
    await emu.stop();
  });

  async function ran(content: string): Promise<Body> {
    const body = await call(emu, 'RunCommand', { Type: 'RunShellScript', CommandContent: content, InstanceId: [emu.sim.fleet[0].instanceId] });
    clock.advance(30_000);
    const listed = await call(emu, 'DescribeInvocations', { InvokeId: body.InvokeId, IncludeOutput: true, ContentEncoding: 'PlainText' });
    return invocations(listed)[0];
  }

  it('`echo checking; exit 3` ends Failed with exit 3 and prints what ran before the exit', async () => {
    const inv = await ran('echo checking; exit 3');
    const row = inv.InvokeInstances.InvokeInstance[0];
    expect([inv.InvocationStatus, row.InvocationStatus, row.ExitCode, row.ErrorCode]).toEqual(['Failed', 'Failed', 3, 'ExitCodeNonzero']);
    expect(row.Output).toBe('checking\n');
  });

  it('a quoted or commented exit does not end the script', async () => {
    for (const content of ['echo "done; exit 3"', 'echo done # exit 3']) {
      const row = (await ran(content)).InvokeInstances.InvokeInstance[0];
      expect([content, row.InvocationStatus, row.ExitCode]).toEqual([content, 'Success', 0]);
    }
  });
});
