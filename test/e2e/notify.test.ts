// Alerts from the built CLI in a pseudo-terminal against the emulator: a new invocation that ends
// while the monitor runs rings the bell once, notifies through OSC 777 and sets the title, which
// is saved at start and restored when the user quits; in tmux the notification is wrapped.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, waitForList, waitForRowStatus } from '../helpers/terminalApp.js';

const { app } = appsForEachTest();

describe('--notify in the live monitor', () => {
  it('alerts once on each channel when a new invocation ends, and restores the title on quit', async () => {
    const { s, emu, clock, linux } = await app({
      args: ['--notify', 'bell,osc777,title', '--notify-on', 'failed'],
      setup: (emu, clock) => {
        const first = emu.sim.fleet.find((i) => i.os === 'linux')!.instanceId;
        emu.sim.runCommandAt({ name: 'old-failure', commandContent: 'exit 1', instanceIds: [first], outcome: { status: 'Failed', exitCode: 1 } }, clock.now() - 60_000);
      },
      label: 'notify',
    });
    await waitForList(s, 1);
    expect(s.raw.startsWith('\x1b[22;0t')).toBe(true);
    clock.advance(1_000);
    const id = emu.sim.runCommand({ name: 'deploy-release', commandContent: 'exit 3', instanceIds: linux.slice(0, 2), outcome: { status: 'Failed', exitCode: 3 }, pendingMs: 100, durationMs: 30_000 });
    clock.advance(1_000);
    await waitForRowStatus(s, id, 'Running');
    expect(s.effects.bells).toBe(0);
    clock.advance(60_000);
    await waitForRowStatus(s, id, 'Failed');
    await s.waitFor(() => s.effects.bells === 1, 'one bell');
    expect(s.raw).toContain('\x1b]777;notify;catop: Failed;deploy-release (2 of 2 instances failed)\x07');
    expect(s.effects.titles).toContain('catop: 1 failed');
    s.press('q');
    await s.waitForExit();
    expect(s.raw.split('\x1b]777;')).toHaveLength(2);
    expect(s.raw.lastIndexOf('\x1b[23;0t')).toBeGreaterThan(s.raw.lastIndexOf('\x1b]2;catop: 1 failed'));
  });

  it('wraps the notification for tmux passthrough when $TMUX is set', async () => {
    const { s, emu, clock, linux } = await app({ args: ['--notify', 'osc9', '--notify-on', 'finished'], env: { TMUX: '/tmp/tmux-1000/default,1,0' }, label: 'notify tmux' });
    // The first load is done (nothing to list): what comes after it is new.
    await s.waitForText(/live · updated/);
    clock.advance(1_000);
    const id = emu.sim.runCommand({ name: 'backup', commandContent: 'true', instanceIds: [linux[0]], outcome: 'Success', pendingMs: 100, durationMs: 500 });
    clock.advance(5_000);
    await waitForRowStatus(s, id, 'Success');
    await s.waitFor(() => s.raw.includes('\x1bPtmux;'), 'a passthrough sequence');
    expect(s.raw).toContain('\x1bPtmux;\x1b\x1b]9;catop: Success: backup\x07\x1b\\');
  });
});
