// Instances by name in the live UI, against the emulator's fleet (names like web-01, IPs in
// 10.0.0.0/8): NAME and IP columns, (released), `/` by name and IP on both lists, the output
// screen's breadcrumb, and the agent's state with what to do when a run failed for want of it.
import { describe, expect, it } from 'vitest';
import { KEY, T0, lineWith, renderApp, seededFixtureForEachTest, selectedLine } from './fixture.js';

const { fx } = seededFixtureForEachTest();

const nameOf = (id: string) => fx.emu.sim.fleet.find((i) => i.instanceId === id)!.instanceName;

describe('instances by name', () => {
  it('shows NAME and IP beside the id, (released) for a released one, and / finds an instance by name or IP', async () => {
    const [a, b, c] = fx.instanceIds;
    fx.emu.sim.setInstanceState(c, { released: true });
    const screen = renderApp(fx, { columns: 160, rows: 30 });
    await fx.tick();
    await screen.waitFor((f) => f.includes('deploy-web'), 'with rows');
    screen.press('G');
    await screen.waitFor((f) => selectedLine(f)?.includes('deploy-web') === true, 'on deploy-web');
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes('INSTANCE ID'), 'of the invocation');
    await fx.poller.idle();
    await fx.tick();
    const frame = await screen.waitFor((f) => f.includes('NAME') && f.includes(nameOf(a)), 'with names');
    expect(frame).toMatch(/INSTANCE ID\s+NAME\s+IP\s+STATUS/);
    expect(lineWith(frame, a)).toMatch(new RegExp(`${a}\\s+${nameOf(a)}\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+Success`));
    expect(lineWith(frame, c)).toContain('(released)');

    screen.press('/');
    await screen.waitFor((f) => f.includes('filter instances'), 'with the prompt');
    screen.press(`${nameOf(b)}\r`);
    const filtered = await screen.waitFor((f) => f.includes('1 of 3 instances'), 'filtered by name');
    expect(lineWith(filtered, b)).toBeDefined();
    expect(lineWith(filtered, a)).toBeUndefined();

    // The output screen names the instance in its breadcrumb.
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes(`${b} (${nameOf(b)})`), 'with the name in the breadcrumb');
  });

  it('on the list, / finds the invocations that ran on a named instance', async () => {
    const [, , c] = fx.instanceIds;
    const screen = renderApp(fx, { columns: 160, rows: 30 });
    await fx.tick();
    await screen.waitFor((f) => f.includes('deploy-web'), 'with rows');
    // Names are known once an invocation on that instance was open.
    screen.press('G');
    await screen.waitFor((f) => selectedLine(f)?.includes('deploy-web') === true, 'on deploy-web');
    screen.press(KEY.enter);
    await fx.poller.idle();
    await fx.tick();
    await screen.waitFor((f) => f.includes(nameOf(c)), 'with names');
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('INVOKE ID') && !f.includes(nameOf(c)), 'back on the list');
    screen.press('/');
    await screen.waitFor((f) => f.includes('filter: '), 'with the prompt');
    screen.press(`${nameOf(c)}\r`);
    const frame = await screen.waitFor((f) => f.includes('deploy-web') && !f.includes('backup-db'), 'filtered by the name');
    expect(frame).not.toContain('tail-log');
  });

  /** A run on the first instance, whose agent is stopped, opened at this size. */
  async function openNeedsAgent(columns: number, rows: number) {
    const [a] = fx.instanceIds;
    fx.emu.sim.setInstanceState(a, { agentRunning: false });
    fx.emu.sim.runCommandAt({ name: 'needs-agent', commandType: 'RunShellScript', commandContent: 'uptime', instanceIds: [a], durationMs: 1000 }, T0 - 30_000);
    const screen = renderApp(fx, { columns, rows });
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f)?.includes('needs-agent') === true, 'on needs-agent');
    screen.press(KEY.enter);
    return screen;
  }

  it('shows a stopped agent, its version and heartbeat, and how to start it, for a ClientNotRunning run', async () => {
    const screen = await openNeedsAgent(200, 30);
    await screen.waitFor((f) => f.includes('ClientNotRunning'), 'with the error');
    await fx.poller.idle();
    await fx.tick();
    const frame = await screen.waitFor((f) => f.includes('agent stopped'), 'with the agent state');
    expect(frame).toMatch(/agent stopped \(version [\d.]+, last heartbeat [^)]+\): start it with\s+`systemctl start aliyun\.service`/);
  });

  it('puts the agent state before the names in the pane, where a narrow terminal still shows it', async () => {
    const screen = await openNeedsAgent(70, 24);
    const flat = (f: string) => f.replace(/\s+/g, ' ');
    // Its name and its agent's state both known: the pane wraps to three lines of 70 here.
    for (let k = 0; k < 2; k++) {
      await fx.poller.idle();
      await fx.tick();
    }
    const frame = await screen.waitFor((f) => /agent stopped .*: start it with/.test(flat(f)), 'with the advice on starting the agent');
    expect(flat(frame)).toMatch(/ClientNotRunning: the aliyun service is not running on the instance · agent stopped \(version [\d.]+, last heartbeat [^)]+\): start it with/);
  });
});

describe('the agent on a key', () => {
  /** deploy-web's first instance open, `a` pressed there: the frame once its agent's state is in. */
  async function askAgent(opts: Parameters<typeof renderApp>[1]): Promise<string> {
    const [a] = fx.instanceIds;
    const screen = renderApp(fx, opts);
    await fx.tick();
    screen.press('G');
    await screen.waitFor((f) => selectedLine(f)?.includes('deploy-web') === true, 'on deploy-web');
    screen.press(KEY.enter);
    await screen.waitFor((f) => selectedLine(f)?.includes(a) === true, 'on its first instance');
    await fx.poller.idle();
    await fx.tick();
    expect(screen.lastFrame()).not.toContain('agent running');
    screen.press('a');
    await fx.poller.idle();
    await fx.tick();
    return screen.waitFor((f) => f.includes('agent running'), 'with the agent state');
  }

  it('a asks for the selected instance agent state, whatever its error', async () => {
    expect(await askAgent({ columns: 200, rows: 30 })).toMatch(/agent running \(version [\d.]+, last heartbeat/);
  });

  it('says it in the output pane when the split takes the place of the pane', async () => {
    const frame = await askAgent({ columns: 160, rows: 40, split: 'stacked' });
    expect(lineWith(frame, 'agent running')).toMatch(/^ {2}(\S.* · )?agent running \(version [\d.]+, last heartbeat/);
  });
});
