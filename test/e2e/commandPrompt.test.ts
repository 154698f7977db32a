// `:status Failed` in a real terminal: the list narrows without a restart, the header names the
// API filter, and the budget line shows the calls of the last minute against --budget.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, invocation, listRows, waitForList } from '../helpers/terminalApp.js';

const { app } = appsForEachTest();

describe('the : prompt in a terminal', () => {
  it(':sta, Tab, Failed, Enter: only the failed invocation is left, the header says so', async () => {
    const ids: Record<string, string> = {};
    const { s } = await app({
      args: ['--budget', '300'],
      setup: (emu, clock) => {
        const linux = emu.sim.fleet.filter((i) => i.os === 'linux').map((i) => i.instanceId);
        const run = (name: string, outcome: 'Success' | 'Failed', ago: number) =>
          (ids[name] = invocation(emu, clock, { name, commandContent: 'true', instanceIds: linux.slice(0, 1), outcome, pendingMs: 0, durationMs: 1000 }, ago));
        run('good-job', 'Success', 60_000);
        run('bad-job', 'Failed', 50_000);
        run('fine-job', 'Success', 40_000);
      },
      label: ':status Failed',
    });
    await waitForList(s, 3);
    await s.waitForText(/api \d+\/300 a min · next 10s/);
    s.press(':');
    await s.waitForText('Tab complete');
    s.write('sta');
    await s.waitForText(/^:sta /m);
    s.press('tab');
    await s.waitForText(/^:status {2}/m);
    s.write('Failed');
    await s.waitForText(/^:status Failed /m);
    s.press('enter');
    await s.waitForText('API filters: status=Failed');
    await s.waitFor(() => listRows(s).length === 1, 'one row left');
    expect(listRows(s)[0]).toMatchObject({ status: 'Failed', invokeId: ids['bad-job'] });
    expect(s.screen()).not.toContain('good-job');
  });
});
