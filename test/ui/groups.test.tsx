// The groups view of the invocation screen: `b` groups the instances by result, worst first;
// outputs arrive through the outputs demand and refine the groups; `m` cycles masked / loose /
// strict; Enter lists a group's instances and Esc comes back; `d` diffs against the reference.
import { describe, expect, it } from 'vitest';
import { fixtureForEachTest, KEY, lineWith, renderApp, selectedLine, T0 } from './fixture.js';

const fx = fixtureForEachTest();

/** Five instances: three print the same but for a timestamp, one fails, one differs for real. */
function noisyRun(): { invokeId: string; failed: string; outlier: string } {
  const [a, b, c, d, e] = fx.instanceIds;
  const invokeId = fx.emu.sim.runCommandAt(
    {
      name: 'check-disk',
      commandType: 'RunShellScript',
      commandContent: 'df -h /',
      instanceIds: [a, b, c, d, e],
      outcome: [
        { status: 'Success', output: 'disk ok at 2026-11-28T08:51:01Z\nused 41%\n' },
        { status: 'Success', output: 'disk ok at 2026-11-28T08:51:02Z\nused 41%\n' },
        { status: 'Success', output: 'disk ok at 2026-11-28T08:51:03Z\nused 41%\n' },
        { status: 'Failed', exitCode: 1, errorCode: 'ExitCodeNonzero', output: 'df: /: no such device\n' },
        { status: 'Success', output: 'disk ok at 2026-11-28T08:51:04Z\nused 97%\n' },
      ],
      pendingMs: 100,
      durationMs: 1_000,
    },
    T0 - 10 * 60_000,
  );
  return { invokeId, failed: d, outlier: e };
}

async function openGroups(invokeId: string) {
  const screen = renderApp(fx, { columns: 120, rows: 24 });
  await fx.tick();
  await screen.waitFor((f) => f.includes(invokeId), 'with the invocation');
  screen.press(KEY.enter);
  await screen.waitFor((f) => f.includes('INSTANCE ID'), 'with the instance list');
  screen.press('b');
  await screen.waitFor((f) => f.includes('COUNT'), 'with the groups');
  return screen;
}

describe('groups view', () => {
  it('groups by status at once, then by output as outputs arrive, worst first, with the progress in the title', async () => {
    const { invokeId } = noisyRun();
    const screen = await openGroups(invokeId);
    let frame = await screen.waitFor((f) => f.includes('COUNT') && f.includes('outputs 0/5'), 'with the groups by status');
    // Before any output: one group per status, exit and error.
    expect(lineWith(frame, 'Invocations')).toMatch(/2 groups · masked · outputs 0\/5/);
    expect(frame).toMatch(/1 Failed\s+1 ExitCodeNonze/);
    expect(lineWith(frame, '4 Success')).toMatch(/4 Success\s+0 -\s+\(output not fetched yet\)/);

    await fx.tick();
    frame = await screen.waitFor((f) => f.includes('3 groups'), 'with the output groups');
    const rows = frame.split('\n').filter((l) => /^\S*\s+\d+\s+(Failed|Success)/.test(l.replace(/^> /, '')));
    expect(rows.map((l) => l.replace(/^> /, '').trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
      '1 Failed 1',
      '3 Success 0',
      '1 Success 0',
    ]);
    expect(lineWith(frame, 'df: /: no such device')).toBeDefined();
    expect(lineWith(frame, 'Invocations')).not.toContain('outputs');

    // Loose hides the 41%/97% too; strict: the timestamps make each success its own group.
    screen.press('m');
    frame = await screen.waitFor((f) => (lineWith(f, 'Invocations') ?? '').includes('loose'), 'loose');
    expect(lineWith(frame, 'Invocations')).toContain('2 groups');
    screen.press('m');
    frame = await screen.waitFor((f) => (lineWith(f, 'Invocations') ?? '').includes('strict'), 'strict');
    expect(lineWith(frame, 'Invocations')).toContain('5 groups');
    screen.press('m');
    await screen.waitFor((f) => (lineWith(f, 'Invocations') ?? '').includes('3 groups · masked'), 'masked again');
  });

  it('tells a group not fetched yet from one fetched with no output, also where the agent is not running', async () => {
    const [a, b, c] = fx.instanceIds;
    for (const id of [a, b]) fx.emu.sim.setInstanceState(id, { agentRunning: false });
    const invokeId = fx.emu.sim.runCommandAt(
      { name: 'no-agent', commandType: 'RunShellScript', commandContent: 'uptime', instanceIds: [a, b, c], durationMs: 1_000 },
      T0 - 10 * 60_000,
    );
    const screen = await openGroups(invokeId);
    let frame = await screen.waitFor((f) => f.includes('outputs 0/3'), 'before any output');
    expect(lineWith(frame, 'ClientNotRunn')).toMatch(/2 \w+\s+- ClientNotRunn\S*\s+\(output not fetched yet\)/);
    await fx.tick();
    frame = await screen.waitFor((f) => !f.includes('outputs ') && f.includes('ok: uptime'), 'with every output');
    expect(lineWith(frame, 'ClientNotRunn')).toMatch(/2 \w+\s+- ClientNotRunn\S*\s+\(no output\)/);
  });

  it('Enter lists the group’s instances, Esc comes back to the groups, b back to all rows', async () => {
    const { invokeId, failed, outlier } = noisyRun();
    const screen = await openGroups(invokeId);
    await fx.tick();
    await screen.waitFor((f) => f.includes('3 groups'), 'with the output groups');
    screen.press('G');
    await screen.waitFor((f) => /1\s+Success/.test(selectedLine(f) ?? ''), 'with the outlier selected');
    screen.press(KEY.enter);
    let frame = await screen.waitFor((f) => f.includes('INSTANCE ID') && f.includes('group of 1'), 'with the group’s instances');
    expect(frame).toContain(outlier);
    expect(frame).not.toContain(failed);
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('COUNT') && f.includes('3 groups'), 'back on the groups');
    screen.press('b');
    frame = await screen.waitFor((f) => f.includes('INSTANCE ID') && f.includes('5 of 5 instances'), 'back on all rows');
    expect(frame).toContain(failed);
  });

  it('d shows a group’s sample against the reference group’s as a unified diff, marked without colour', async () => {
    const { invokeId } = noisyRun();
    const screen = await openGroups(invokeId);
    await fx.tick();
    await screen.waitFor((f) => f.includes('3 groups'), 'with the output groups');
    screen.press('G');
    await screen.waitFor((f) => /1\s+Success/.test(selectedLine(f) ?? ''), 'with the outlier selected');
    screen.press('d');
    const frame = await screen.waitFor((f) => f.includes('diff of 1'), 'with the diff');
    expect(lineWith(frame, 'diff of 1')).toContain('reference: 3 × Success exit 0 · +2 -2');
    const lines = frame.split('\n');
    expect(lines).toContain('-used 41%');
    expect(lines).toContain('+used 97%');
    expect(lines.some((l) => l.startsWith('@@ -1,2 +1,2 @@'))).toBe(true);
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('COUNT') && f.includes('3 groups'), 'back on the groups');
  });
});

describe('marks', () => {
  it('rows sort failed first; space marks and moves down, x stops only the marked after a confirm naming them', async () => {
    const [a, b, c] = fx.instanceIds;
    const invokeId = fx.emu.sim.runCommandAt(
      { name: 'long-job', commandType: 'RunShellScript', commandContent: 'sleep 600', instanceIds: [a, b, c], pendingMs: 100, durationMs: 600_000, timeout: 3_600 },
      T0 - 60_000,
    );
    const screen = renderApp(fx, { columns: 120, rows: 24 });
    await fx.tick();
    await screen.waitFor((f) => f.includes(invokeId), 'with the invocation');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes('INSTANCE ID') && f.includes(c), 'with the instance list');
    screen.press('  ');
    let frame = await screen.waitFor((f) => f.includes('2 marked'), 'with two marked');
    expect(frame.split('\n').filter((l) => /i-\w+.*\*$/.test(l.trimEnd()))).toHaveLength(2);
    screen.press('x');
    frame = await screen.waitFor((f) => f.includes(`Stop invocation ${invokeId}?`), 'with the confirm');
    expect(frame).toContain(`on ${a}, ${b}`);
    screen.press('y');
    await screen.waitFor((f) => f.includes('stop requested'), 'with the stop sent');
    fx.clock.advance(5_000);
    await fx.poller.idle();
    await fx.tick();
    const statuses = fx.store.getState().invocations.get(invokeId)!.instances.map((i) => [i.instanceId, i.invocationStatus]);
    expect(Object.fromEntries(statuses)[c]).toBe('Running');
    expect(['Stopped', 'Stopping', 'Terminated']).toContain(Object.fromEntries(statuses)[a]);
    expect(['Stopped', 'Stopping', 'Terminated']).toContain(Object.fromEntries(statuses)[b]);
    // u clears the marks.
    screen.press('u');
    await screen.waitFor((f) => !f.includes('marked'), 'without marks');
  });

  it('space on a group marks all its instances; the failed instance is first in the rows', async () => {
    const { invokeId, failed } = noisyRun();
    const screen = await openGroups(invokeId);
    await fx.tick();
    await screen.waitFor((f) => f.includes('3 groups'), 'with the output groups');
    screen.press('j ');
    await screen.waitFor((f) => f.includes('3 marked'), 'with the group of 3 marked');
    screen.press('b');
    const frame = await screen.waitFor((f) => f.includes('INSTANCE ID'), 'on the rows');
    const rows = frame.split('\n').filter((l) => /i-\w+/.test(l) && !l.includes('Invocations'));
    expect(rows[0]).toContain(failed);
    expect(rows.filter((l) => /\*$/.test(l.trimEnd()))).toHaveLength(3);
    // o: the other way round, said in the title.
    screen.press('o');
    const reversed = await screen.waitFor((f) => f.includes('sorted by status (reversed)'), 'reversed');
    const after = reversed.split('\n').filter((l) => /i-\w+/.test(l) && !l.includes('Invocations'));
    expect(after[4]).toContain(failed);
  });
});
