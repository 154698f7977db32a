// The run grid: H on a scheduled invocation, a row per instance and a column per run, the
// instance that began failing called out, Enter on a cell shows that run.
import { describe, expect, it } from 'vitest';
import { clockTime } from '../../src/ui/format.js';
import { KEY, T0, fixtureForEachTest, lineWith, renderApp, type Screen } from './fixture.js';

const fx = fixtureForEachTest();
let screen: Screen | undefined;

/** Every 10 minutes on three instances for an hour; the third fails from run 5 with exit 3. */
function seedSchedule(): { id: string; instances: string[] } {
  const instances = fx.instanceIds.slice(0, 3);
  const id = fx.emu.sim.runCommandAt(
    {
      name: 'health-check',
      commandType: 'RunShellScript',
      commandContent: 'systemctl is-active app',
      instanceIds: instances,
      frequency: '0 */10 * * * *',
      output: 'active\n',
      durationMs: 2_000,
      outcome: { [instances[2]]: { failsFromRun: 5, exitCode: 3, output: 'inactive\n' } },
    },
    T0 - 61 * 60_000,
  );
  return { id, instances };
}

describe('the run grid', () => {
  it('shows every run per instance, calls out the one newly failing, and Enter shows that run', async () => {
    const { id, instances } = seedSchedule();
    screen = renderApp(fx, { columns: 140, rows: 24 });
    await fx.tick();
    await screen.waitFor((f) => f.includes(id), 'with the invocation');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes('Period · every 10 minutes (0 */10 * * * *)'), 'on the invocation');
    screen.press('H');
    await screen.waitFor((f) => f.includes('reading runs'), 'asking for runs');
    await fx.tick();
    // Runs 5 and 6 failed on the third instance: it began failing with run 5, at 08:40.
    const frame = await screen.waitFor((f) => f.includes('newly failing since'), 'with the grid');
    expect(frame).toContain('1 instance newly failing since 08:40Z');
    // Run 7 fires at 09:00 and is still running.
    expect(lineWith(frame, instances[0])).toContain('✓ ✓ ✓ ✓ ✓ ✓ ▶');
    expect(lineWith(frame, instances[2])).toContain('✓ ✓ ✓ ✓ ✗!✗ ▶');
    expect(frame).toContain(`next run ${clockTime(T0 + 10 * 60_000)}`);
    // The newest run of the first instance is selected; down twice, then two runs older.
    screen.press('jjhh');
    const on = await screen.waitFor((f) => f.includes('newly failing (the run before succeeded)'), 'on the first failed run');
    expect(on).toMatch(/exit 3 · ExitCodeNonzero/);
    screen.press(KEY.enter);
    const detail = await screen.waitFor((f) => f.includes('Esc back to the grid'), 'the run itself');
    expect(detail).toContain('inactive');
    expect(detail).toMatch(/started .+ · finished .+ \(2s\) · exit 3/);
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('newly failing since'), 'back on the grid');
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('Period · every 10 minutes'), 'back on the invocation');
  });

  it('says a one-time invocation has no run history', async () => {
    const id = fx.emu.sim.runCommandAt({ commandContent: 'uptime', instanceIds: [fx.instanceIds[0]], outcome: 'Success' }, T0 - 60_000);
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(id), 'with the invocation');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes('Once'), 'on the invocation');
    screen.press('H');
    await screen.waitFor((f) => f.includes('no run history: RepeatMode Once runs once'), 'refused');
  });
});
