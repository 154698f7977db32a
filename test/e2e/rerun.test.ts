// Acting on an invocation's instances from the built CLI, against the emulator: R re-runs the
// failed ones after a confirm and opens the new invocation; the groups view re-runs the selected
// group; --read-only offers no R; y writes the ids to a file (and with --clipboard by OSC 52).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { INSTANCES_HEADER, appsForEachTest, instanceRows, invocation, waitForList, type AppOptions } from '../helpers/terminalApp.js';
import type { TerminalSession } from '../helpers/terminal.js';

const { app, closeAfterTest } = appsForEachTest();

/** One finished run of `deploy-app` on three Linux instances: the first succeeded, two exited 1. */
function deploy(ids: string[]): AppOptions['setup'] {
  return (emu, clock) => {
    const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
    const spec = {
      name: 'deploy-app',
      commandContent: 'systemctl restart app\necho restarted\n',
      instanceIds: linux.slice(0, 3),
      outcome: ['Success' as const, { status: 'Failed' as const, exitCode: 1 }, { status: 'Failed' as const, exitCode: 1 }],
      durationMs: 1_000,
    };
    ids.push(invocation(emu, clock, spec, 60_000), ...linux.slice(0, 3));
  };
}

function othersThan(emu: RunningEmulator, invokeId: string): string[] {
  return [...emu.sim.records()].map((r) => r.invokeId).filter((id) => id !== invokeId);
}

async function openInstances(s: TerminalSession, n: number): Promise<void> {
  await waitForList(s, 1);
  s.press('enter');
  await s.waitForText(INSTANCES_HEADER);
  await s.waitFor(() => instanceRows(s).length === n, `${n} instance rows`);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catop-e2e-ids-'));
  closeAfterTest(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('R: re-run', () => {
  it('asks with the command, its type, first lines and count; y re-runs the failed instances and opens the new invocation', async () => {
    const ids: string[] = [];
    const { s, emu } = await app({ setup: deploy(ids), label: 're-run failed' });
    const [source, , failedA, failedB] = ids;
    await openInstances(s, 3);
    expect(s.screen()).toContain('R re-run');

    s.press('R');
    await s.waitForText('Re-run deploy-app on 2 instances?');
    const commandId = emu.sim.record(source)!.commandId;
    expect(s.screen()).toContain(`RunShellScript · InvokeCommand ${commandId}`);
    expect(s.screen()).toContain('systemctl restart app');
    expect(s.screen()).toContain('echo restarted');
    s.press('y');

    await s.waitFor(() => othersThan(emu, source).length === 1, 'a new invocation on the service');
    const [fresh] = othersThan(emu, source);
    await s.waitForText(`Invocations › ${fresh}`);
    await s.waitForText(`re-run started as ${fresh} by InvokeCommand on 2 instances`);
    const rec = emu.sim.record(fresh)!;
    expect(rec.commandId).toBe(commandId);
    expect(rec.runs.map((r) => r.inst.instanceId).sort()).toEqual([failedA, failedB].sort());
    await s.waitFor(() => instanceRows(s).length === 2, 'the new invocation with its two instances');
  });

  it("in the groups view R takes the selected group's instances; any key but y cancels", async () => {
    const ids: string[] = [];
    const { s, emu } = await app({ setup: deploy(ids), label: 're-run group' });
    await openInstances(s, 3);
    s.press('b');
    await s.waitForText('SAMPLE OUTPUT');
    // Worst first: the selected row is the failed group of two.
    s.press('R');
    await s.waitForText('Re-run deploy-app on 2 instances?');
    s.press('n');
    await s.waitForText('not re-run');
    s.press('j');
    s.press('R');
    await s.waitForText('Re-run deploy-app on 1 instance?');
    s.press('n');
    await s.waitForNoText('Re-run deploy-app');
    expect(othersThan(emu, ids[0])).toEqual([]);
  });

  it('--read-only: R is not in the help and refuses with a reason; nothing is sent', async () => {
    const ids: string[] = [];
    const { s, emu } = await app({ setup: deploy(ids), args: ['--read-only'], label: 're-run refused read-only' });
    await openInstances(s, 3);
    expect(s.screen()).not.toContain('R re-run');
    s.press('R');
    await s.waitForText('read-only mode: re-running commands is disabled');
    expect(s.screen()).not.toContain('Re-run deploy-app');
    s.press('?');
    await s.waitForText('move down');
    // The last rows of the table: R's would be just above y's.
    s.press('G');
    await s.waitForText('copy ids to a file');
    expect(s.screen()).not.toContain('re-run: the marked');
    expect(othersThan(emu, ids[0])).toEqual([]);
  });
});

describe('y: copy ids', () => {
  it("writes the list's ids one per line to a new file, then the marked one's; the flash says where", async () => {
    const ids: string[] = [];
    const dir = tempDir();
    const { s } = await app({ setup: deploy(ids), cwd: dir, label: 'copy ids' });
    const source = ids[0];
    await openInstances(s, 3);
    const listed = instanceRows(s).map((r) => r.instanceId);

    s.press('y');
    const file = join(dir, `catop-${source}-ids.txt`);
    await s.waitForText(`wrote 3 instance ids to ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(listed.map((id) => `${id}\n`).join(''));

    // Space marks the selected (first) row; y then writes only the marked, to the next free name.
    s.press(' ');
    await s.waitForText('1 marked');
    s.press('y');
    const second = join(dir, `catop-${source}-ids-1.txt`);
    await s.waitForText(`wrote 1 instance id to ${second}`);
    expect(readFileSync(second, 'utf8')).toBe(`${listed[0]}\n`);
    expect(s.raw).not.toContain('\u001b]52;');
  });

  it('--clipboard also sends them by OSC 52', async () => {
    const ids: string[] = [];
    const dir = tempDir();
    const { s } = await app({ setup: deploy(ids), cwd: dir, args: ['--clipboard'], env: { TMUX: undefined }, label: 'copy ids clipboard' });
    await openInstances(s, 3);
    const listed = instanceRows(s).map((r) => r.instanceId);
    s.press('y');
    await s.waitForText('sent them to the clipboard (OSC 52)');
    const b64 = Buffer.from(listed.map((id) => `${id}\n`).join('')).toString('base64');
    await s.waitForRaw(`\u001b]52;c;${b64}\u0007`);
  });

  it('--clipboard inside tmux ($TMUX set): wrapped for passthrough, each ESC doubled', async () => {
    const ids: string[] = [];
    const dir = tempDir();
    const { s } = await app({ setup: deploy(ids), cwd: dir, args: ['--clipboard'], env: { TMUX: '/tmp/tmux-0/default,1,0' }, label: 'copy ids clipboard tmux' });
    await openInstances(s, 3);
    const listed = instanceRows(s).map((r) => r.instanceId);
    s.press('y');
    const b64 = Buffer.from(listed.map((id) => `${id}\n`).join('')).toString('base64');
    await s.waitForRaw(`\u001bPtmux;\u001b\u001b]52;c;${b64}\u0007\u001b\\`);
    // No bare copy beside it: every OSC 52 on the wire is the wrapped one.
    expect(s.raw.split('\u001b]52;').length).toBe(s.raw.split('\u001b\u001b]52;').length);
  });
});
