// --once and --json against a loopback stand-in, through the built CLI: how many rows --history
// prints, when the stderr note appears, and that lying pages end in a bounded number of requests
// with what was read printed.
import { describe, expect, it } from 'vitest';
import { HELP_TEXT } from '../../src/config/help.js';
import { INVOCATION_STATUSES, INVOKE_STATUSES } from '../../src/api/wire.js';
import { HOSTILE, oldInvocations, serveInvocations, standIn, wireInvocation } from '../helpers/standIn.js';
import { standInCliForEachFile } from './helpers/standInCli.js';

const cli = standInCliForEachFile();

const catop = cli.catop;

const rows = (stdout: string) => stdout.trimEnd().split('\n').slice(1).filter(Boolean);
const ids = (stdout: string) => rows(stdout).map((l) => l.split(/\s+/)[1]);

describe('--help', () => {
  const block = (flag: string) => {
    const lines = HELP_TEXT.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`  ${flag}`));
    const rest = lines.slice(at + 1);
    const end = rest.findIndex((l) => !/^ {25}\S/.test(l));
    return [lines[at], ...rest.slice(0, end)].join(' ');
  };

  it('says --once prints the newest --history, not page 1, and what --history 0 means', () => {
    expect(block('--once')).toContain('--history');
    expect(block('--once')).not.toMatch(/page 1/);
    expect(block('--history')).toMatch(/0: 1 page/);
  });

  it('lists every status --status takes and says which are narrowed locally', () => {
    for (const st of [...INVOKE_STATUSES, ...INVOCATION_STATUSES.filter((s) => s !== 'Unknown')]) expect(block('--status')).toContain(st);
    expect(block('--status')).toContain('narrowed here');
  });
});

describe('--history', () => {
  it('prints the newest N with --history N and says how many there are', async () => {
    const all = oldInvocations(120, 60_000);
    const s = await standIn(serveInvocations(all));
    const r = await catop(s.endpoint, ['--once', '--history', '20']);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(all.slice(0, 20).map((i) => i.InvokeId));
    expect(s.count('DescribeInvocations')).toBe(1);
    expect(r.stderr).toBe('catop: showing the newest 20 of 120 invocations; narrow with filters or raise --history (max 100000)\n');
  });

  it('reads the first page only with --history 0', async () => {
    const s = await standIn(serveInvocations(oldInvocations(120, 60_000)));
    const r = await catop(s.endpoint, ['--json', '--history', '0', '--page-size', '30']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(30);
    expect(s.count('DescribeInvocations')).toBe(1);
    expect(r.stderr).toContain('showing the newest 30 of 120');
  });

  it('prints everything with no note when --history covers it', async () => {
    const s = await standIn(serveInvocations(oldInvocations(120, 60_000)));
    const r = await catop(s.endpoint, ['--once', '--history', '120']);
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toHaveLength(120);
    expect(r.stderr).toBe('');
  });

  it('has no note when one invocation arrived during paging (raising --history would not show more)', async () => {
    const all = oldInvocations(5, 60_000);
    const serve = serveInvocations(all);
    const s = await standIn((req, res, n) => {
      serve(req, res, n);
      // After page 1 is served, a new invocation arrives on top: every later page shifts by one.
      if (n === 1) all.unshift(wireInvocation({ InvokeId: 't-arrived', CommandName: 'arrived' }));
    });
    const r = await catop(s.endpoint, ['--once', '--page-size', '2']);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['t-old00000', 't-old00001', 't-old00002', 't-old00003', 't-old00004']);
    expect(r.stderr).toBe('');
  });
});

describe('lying pages', () => {
  it.each([
    ['lyingTotalCount', HOSTILE.lyingTotalCount, 'TotalCount 1,000,000'],
    ['pagesWithoutTotal', HOSTILE.pagesWithoutTotal, 'no TotalCount'],
  ])('%s: stops at the page that brings nothing new, prints what was read, says so, exits 0', async (_name, handler, total) => {
    const s = await standIn(handler);
    for (const mode of ['--once', '--json']) {
      const before = s.count();
      // Paging only: no DescribeInstances for the names (test/cli/names.test.ts).
      const r = await catop(s.endpoint, [mode, '--no-names']);
      expect(r.code).toBe(0);
      expect(s.count() - before).toBe(2);
      const printed = mode === '--json' ? r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).invokeId) : ids(r.stdout);
      expect(new Set(printed).size).toBe(50);
      expect(r.stderr).toBe(
        `catop: the endpoint's paging looked wrong: page 2 brought no invocation the earlier pages had not (${total}); printed the 50 read\n`,
      );
    }
  });

  it('fresh ids on every page with a TotalCount of 1e9: as many pages as --history needs, plus one at most', async () => {
    const s = await standIn(HOSTILE.freshPagesForever);
    const r = await catop(s.endpoint, ['--json', '--history', '120', '--no-names']);
    expect(r.code).toBe(0);
    expect(s.count()).toBe(3);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(120);
    expect(r.stderr).toContain('showing the newest 120 of 1,000,000,000');
  });
});

describe('--status values the list shows', () => {
  it('sends the covering InvokeStatus and prints only the status asked for', async () => {
    const all = [
      wireInvocation({ InvokeId: 't-sched', InvocationStatus: 'Scheduled', InvokeStatus: 'Running' }),
      wireInvocation({ InvokeId: 't-run', InvocationStatus: 'Running', InvokeStatus: 'Running' }),
      wireInvocation({ InvokeId: 't-pend', InvocationStatus: 'Pending', InvokeStatus: 'Running' }),
    ];
    const s = await standIn(serveInvocations(all));
    const r = await catop(s.endpoint, ['--once', '--status', 'scheduled']);
    expect(r.code).toBe(0);
    expect(s.seen.map((q) => q.params.get('InvokeStatus'))).toEqual(['Running']);
    expect(ids(r.stdout)).toEqual(['t-sched']);
    const none = await catop(s.endpoint, ['--once', '--status', 'Stopping']);
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toBe('catop: no invocation is Stopping among the 3 read (DescribeInvocations InvokeStatus=Running)\n');
  });
});
