// --invoke-id ID --runs --json through the built CLI, against a stand-in serving run history in
// two token pages ordered by instance (as the service does): newest first over every page, at
// most --history lines, output only when asked.
import { describe, expect, it } from 'vitest';
import { runsPage, sendJson, standIn, wireRun, type StandIn } from '../helpers/standIn.js';
import { standInCliForEachFile } from './helpers/standInCli.js';

const cli = standInCliForEachFile();
const T = Date.UTC(2026, 11, 1, 2, 0, 0);
const MIN = 60_000;

/** i-a ran at T, T+20m, T+40m; i-b at T+20m (failed), T+40m: page 1 holds i-a, page 2 i-b. */
async function history(): Promise<StandIn> {
  const a = [40, 20, 0].map((m) => wireRun({ InvokeId: 't-sched', InstanceId: 'i-a', start: T + m * MIN, Output: Buffer.from(`a at ${m}\n`).toString('base64') }));
  const b = [
    wireRun({ InvokeId: 't-sched', InstanceId: 'i-b', start: T + 40 * MIN }),
    wireRun({ InvokeId: 't-sched', InstanceId: 'i-b', start: T + 20 * MIN, ExitCode: 3 }),
  ];
  return standIn((req, res) => {
    if (req.action !== 'DescribeInvocationResults') return sendJson(res, 400, { Code: 'Unexpected', Message: req.action });
    const second = req.params.get('NextToken') === 'page-2';
    sendJson(res, 200, runsPage(second ? b : a, second ? '' : 'page-2'));
  });
}

const catop = (s: StandIn, args: string[]) =>
  cli.catop(s.endpoint, ['--invoke-id', 't-sched', '--runs', '--json', ...args]);

describe('--runs --json', () => {
  it('prints a line per run per instance, newest first over every page, with IncludeHistory 50 a call', async () => {
    const s = await history();
    const r = await catop(s, []);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.start} ${l.instanceId}`)).toEqual([
      '2026-12-01T02:40:00Z i-a',
      '2026-12-01T02:40:00Z i-b',
      '2026-12-01T02:20:00Z i-a',
      '2026-12-01T02:20:00Z i-b',
      '2026-12-01T02:00:00Z i-a',
    ]);
    expect(lines[3]).toEqual({ invokeId: 't-sched', instanceId: 'i-b', start: '2026-12-01T02:20:00Z', finish: '2026-12-01T02:20:01Z', status: 'Failed', exitCode: 3, errorCode: 'ExitCodeNonzero' });
    expect(lines.every((l) => !('output' in l))).toBe(true);
    const calls = s.seen.filter((q) => q.action === 'DescribeInvocationResults');
    expect(calls.map((q) => [q.params.get('IncludeHistory'), q.params.get('MaxResults'), q.params.get('NextToken')])).toEqual([
      ['true', '50', null],
      ['true', '50', 'page-2'],
    ]);
  });

  it('stops at --history runs and says how many more there are; --include-output adds the output', async () => {
    const s = await history();
    const r = await catop(s, ['--history', '2', '--include-output']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.instanceId, l.output])).toEqual([
      ['i-a', 'a at 40\n'],
      ['i-b', 'ok\n'],
    ]);
    expect(r.stderr).toContain('showing the newest 2 of 5 runs; raise --history to see more');
  });

  it('asks for --invoke-id and --json in one line', async () => {
    const r = await cli.run(['--runs', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--runs goes with --invoke-id t-... --json');
  });
});
