// The demo's run on 800 instances in a real terminal: the invocation's results line counts them
// per exit code and error code, and J on the output screen goes on to the next instance of the
// list's order in the same modes.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, waitForList } from '../helpers/terminalApp.js';
import { spawnCli } from '../helpers/terminalCli.js';

const { closeAfterTest } = appsForEachTest();

describe("the demo's 800-instance run", () => {
  it('counts its results per exit and error code; J shows the next instance with the search kept', async () => {
    const s = spawnCli(['--demo'], { label: 'demo fleet run', cols: 120, rows: 40 });
    closeAfterTest(() => s.close());
    await waitForList(s, 10);
    s.write('/nginx-config-test\r');
    await s.waitFor(() => /> .*nginx-config-test/.test(s.screen()), 'the fleet run selected');
    s.press('enter');
    // 773 printed the same (but for noise), 22 exited 1, 5 had no agent running.
    await s.waitForText('results exit 0 ×773 · exit 1 ×22 · ClientNotRunning ×5');
    expect(s.screen()).toMatch(/800 of 800 instances/);

    // Failed first: the first instance had no agent (no output), the second exited 1.
    s.press('enter');
    await s.waitFor(() => /Invocations › t-\S+ › i-\S+.* {2}1\/800/.test(s.screen()), 'the first instance, 1/800');
    s.write('/error\r');
    await s.waitForText('"error" not found');
    s.press('w');
    await s.waitForText(' · wrap');
    s.press('J');
    await s.waitFor(() => /2\/800 .*wrap · "error" 1\/1/.test(s.screen()), 'the second instance, wrapped, on its match');
    expect(s.screen()).toMatch(/error: \/etc\/app\/app\.conf: No such file or directory/);
    s.press('K');
    await s.waitFor(() => /1\/800 .*wrap · "error" not found/.test(s.screen()), 'back on the first');
  });
});
