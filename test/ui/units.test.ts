import { describe, expect, it } from 'vitest';
import type { InstanceResult, Invocation } from '../../src/api/model.js';
import { ApiError } from '../../src/api/errors.js';
import { FakeClock } from '../../src/clock.js';
import { ABSOLUTE_TIME_WIDTH, clockTime, formatDuration, formatTime } from '../../src/ui/format.js';
import { findNear, resolveSelection } from '../../src/ui/hooks/useSelection.js';
import { layoutRows, findMatches } from '../../src/ui/hooks/useTextPager.js';
import { timeTextAt } from '../../src/ui/hooks/useTimeText.js';
import { describePoll } from '../../src/ui/pollStatus.js';
import {
  filterInstances,
  filterInvocationIds,
  instanceCountsLabel,
  nextStatusFilter,
} from '../../src/ui/rowFilters.js';
import { outputFileName } from '../../src/ui/saveOutput.js';
import { anchorFrame, frameWriter } from '../../src/ui/frameAnchor.js';
import { describeRegionStates } from '../../src/ui/regionStatus.js';
import { fatalLine, liveRenderingOff, whyNoLiveScreen } from '../../src/ui/terminal.js';
import { colourWanted } from '../../src/ui/theme.js';
import { layoutColumns, type TableColumn } from '../../src/ui/widgets/Table.js';
import { splitMatches } from '../../src/ui/widgets/Pager.js';
import { describeError } from '../../src/ui/screens/InvocationScreen.js';
import { shortCommandType } from '../../src/ui/screens/InvocationsScreen.js';
import { toDisplayLines } from '../../src/text/index.js';

describe('selection by id', () => {
  const rows = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('finds an id near where it was, in either direction', () => {
    expect(findNear(rows, 'd', 3)).toBe(3);
    expect(findNear(rows, 'f', 1)).toBe(5);
    expect(findNear(rows, 'a', 5)).toBe(0);
    expect(findNear(rows, 'zz', 2)).toBe(-1);
  });

  it('keeps the cursor on its row, at the same screen line, when rows arrive on top', () => {
    const before = resolveSelection(rows, { id: 'c', hint: 2, line: 2 }, 4);
    expect(before).toMatchObject({ index: 2, top: 0, selectedId: 'c' });
    const after = resolveSelection(['new1', 'new2', ...rows], { id: 'c', hint: 2, line: 2 }, 4);
    expect(after).toMatchObject({ index: 4, top: 2, selectedId: 'c', line: 2 });
  });

  it('follows the first row while pinned there, and counts rows above a cursor moved away', () => {
    const pinned = resolveSelection(['n1', ...rows], { id: 'a', hint: 0, line: 0, pinned: true }, 4);
    expect(pinned).toMatchObject({ index: 0, selectedId: 'n1', newAbove: 0 });
    const away = { id: 'c', hint: 2, line: 2, anchor: 'a', anchorHint: 0, base: 0 };
    expect(resolveSelection(['n2', 'n1', ...rows], away, 4)).toMatchObject({ selectedId: 'c', newAbove: 2 });
    // The first row it counted from went away: what was counted stays, later arrivals add.
    const counted = resolveSelection(['n2', 'n1', ...rows], away, 4).cursor;
    const lost = resolveSelection(['n3', 'n2', 'n1', ...rows.slice(1)], counted, 4);
    expect(lost).toMatchObject({ selectedId: 'c', newAbove: 2 });
    expect(resolveSelection(['n4', 'n3', 'n2', 'n1', ...rows.slice(1)], lost.cursor, 4).newAbove).toBe(3);
  });

  it('re-lands on a new scope: the same row if it is there, else the first', () => {
    const cursor = { id: 'c', hint: 2, line: 2, scope: 'all', anchor: 'a', anchorHint: 0, base: 0 };
    expect(resolveSelection(['b', 'c'], cursor, 4, 'text:b|c')).toMatchObject({ index: 1, selectedId: 'c', newAbove: 0 });
    expect(resolveSelection(['b', 'd', 'e'], cursor, 4, 'text:x')).toMatchObject({ index: 0, selectedId: 'b', top: 0 });
    // Without a scope change a vanished row keeps the position.
    expect(resolveSelection(['b', 'd', 'e'], cursor, 4, 'all')).toMatchObject({ index: 2, selectedId: 'e' });
  });

  it('stays at the same position when the selected row goes away', () => {
    const r = resolveSelection(['a', 'b', 'd'], { id: 'c', hint: 2, line: 2 }, 10);
    expect(r).toMatchObject({ index: 2, selectedId: 'd' });
    expect(resolveSelection([], { id: 'c', hint: 2, line: 0 }, 10)).toMatchObject({ index: -1, selectedId: undefined });
  });
});

describe('table layout', () => {
  const col = (key: string, width: number, extra: Partial<TableColumn<string>> = {}): TableColumn<string> => ({
    key,
    header: key,
    width,
    cell: (r) => r,
    ...extra,
  });

  it('fills the width with the flex column', () => {
    const placed = layoutColumns([col('a', 10), col('b', 5, { flex: true }), col('c', 8)], 60, 1);
    expect(placed.map((p) => p.width)).toEqual([10, 60 - 2 - 10 - 8 - 2, 8]);
  });

  it('hides the highest-priority-number columns first when narrow', () => {
    const placed = layoutColumns(
      [col('a', 20), col('b', 20, { priority: 1 }), col('c', 20, { priority: 2 }), col('d', 10, { flex: true })],
      60,
      1,
    );
    expect(placed.map((p) => p.column.key)).toEqual(['a', 'b', 'd']);
    const total = 2 + placed.reduce((s, p) => s + p.width, 0) + placed.length - 1;
    expect(total).toBeLessThanOrEqual(60);
  });

  it('never goes wider than the terminal even with unhideable columns', () => {
    const placed = layoutColumns([col('a', 30), col('b', 30)], 40, 1);
    expect(2 + placed.reduce((s, p) => s + p.width, 0) + 1).toBeLessThanOrEqual(40);
  });
});

const inst = (over: Partial<InstanceResult>): InstanceResult => ({
  invokeId: 't-1',
  instanceId: 'i-1',
  invocationStatus: 'Success',
  exitCode: 0,
  dropped: 0,
  repeats: 1,
  ...over,
});

const invocation = (invokeId: string, over: Partial<Invocation>): Invocation => ({
  invokeId,
  timed: false,
  invocationStatus: 'Success',
  instances: [],
  ...over,
});

describe('client-side filters', () => {
  const invocations = new Map<string, Invocation>([
    ['t-1', invocation('t-1', { commandName: 'deploy-web', invocationStatus: 'Running' })],
    ['t-2', invocation('t-2', { commandName: 'backup-db', invocationStatus: 'Failed' })],
    ['t-3', invocation('t-3', { commandName: 'deploy-db', invocationStatus: 'Success' })],
    ['t-4', invocation('t-4', { commandName: 'rotate', invocationStatus: 'PartialFailed' })],
    ['t-5', invocation('t-5', { commandName: 'halted', invocationStatus: 'Stopped' })],
  ]);
  const order = ['t-1', 't-2', 't-3', 't-4', 't-5'];

  it('cycles all, active, failed, succeeded, stopped', () => {
    expect(nextStatusFilter('all')).toBe('active');
    expect(nextStatusFilter('active')).toBe('failed');
    expect(nextStatusFilter('failed')).toBe('succeeded');
    expect(nextStatusFilter('succeeded')).toBe('stopped');
    expect(nextStatusFilter('stopped')).toBe('all');
  });

  it('returns the order itself when nothing narrows it (no copy of 100k ids)', () => {
    expect(filterInvocationIds(order, invocations, 'all', '  ')).toBe(order);
  });

  it('narrows by status family and by text', () => {
    expect(filterInvocationIds(order, invocations, 'active', '')).toEqual(['t-1']);
    expect(filterInvocationIds(order, invocations, 'failed', '')).toEqual(['t-2', 't-4']);
    expect(filterInvocationIds(order, invocations, 'succeeded', '')).toEqual(['t-3']);
    expect(filterInvocationIds(order, invocations, 'stopped', '')).toEqual(['t-5']);
    expect(filterInvocationIds(order, invocations, 'all', 'DEPLOY')).toEqual(['t-1', 't-3']);
    expect(filterInvocationIds(order, invocations, 'succeeded', 'deploy')).toEqual(['t-3']);
  });

  it('narrows instances the same way', () => {
    const list = [
      inst({ instanceId: 'i-a', invocationStatus: 'Running' }),
      inst({ instanceId: 'i-b', invocationStatus: 'Timeout', errorCode: 'ExecutionTimeout' }),
      inst({ instanceId: 'i-c', invocationStatus: 'Cancelled' }),
    ];
    expect(filterInstances(list, 'failed', '').map((i) => i.instanceId)).toEqual(['i-b']);
    expect(filterInstances(list, 'stopped', '').map((i) => i.instanceId)).toEqual(['i-c']);
    expect(filterInstances(list, 'all', 'executiontime').map((i) => i.instanceId)).toEqual(['i-b']);
  });

  it('labels instance counts readably without colour', () => {
    expect(instanceCountsLabel({ Success: 3, Failed: 1, Timeout: 1, Running: 2, Pending: 1, Stopped: 1 })).toBe(
      '3✓ 2✗ 3↻ 1⊘',
    );
    expect(instanceCountsLabel({})).toBe('-');
  });
});

describe('error meaning', () => {
  it('gives the ErrorCode with its documented meaning and the API text when it says more', () => {
    expect(
      describeError(inst({ exitCode: 1, errorCode: 'ExitCodeNonzero', errorInfo: 'the command execution exit code is not zero' })),
    ).toBe('ExitCodeNonzero: the command execution exit code is not zero');
    expect(describeError(inst({ errorCode: 'DeliveryTimeout', errorInfo: 'agent offline' }))).toBe(
      'DeliveryTimeout: the command delivery has been timeout — agent offline',
    );
    expect(describeError(inst({}))).toBe('');
  });

  it('names the disagreement when ExitCode 0 comes with ExitCodeNonzero, instead of showing both as if they agreed', () => {
    expect(describeError(inst({ exitCode: 0, errorCode: 'ExitCodeNonzero' }))).toBe(
      'ExitCodeNonzero: the command execution exit code is not zero (yet the reported ExitCode is 0)',
    );
  });
});

describe('pager helpers', () => {
  it('wraps long lines into rows that remember their source line', () => {
    const lines = toDisplayLines('short\n' + 'x'.repeat(25) + '\nend\n');
    const rows = layoutRows(lines, 10, true);
    expect(rows.map((r) => [r.source, r.first])).toEqual([
      [0, true],
      [1, true],
      [1, false],
      [1, false],
      [2, true],
    ]);
    expect(layoutRows(lines, 10, false)).toHaveLength(3);
  });

  it('finds matches case-insensitively and splits around them', () => {
    const lines = toDisplayLines('Error one\nfine\nanother ERROR\n');
    expect(findMatches(lines, 'error')).toEqual([0, 2]);
    expect(splitMatches('an Error here error', 'error')).toEqual([
      { text: 'an ', match: false },
      { text: 'Error', match: true },
      { text: ' here ', match: false },
      { text: 'error', match: true },
    ]);
  });
});

describe('poll state in words', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 28, 12, 4, 31));
  const now = clock.now();
  const at = () => timeTextAt(now, 'relative');

  it('says live, throttled with the wait, unreachable since when, and stopped with what to do', () => {
    expect(describePoll({ phase: 'ok', inFlight: false, calls: 1 }, at()).text).toBe('live');
    const throttled = new ApiError({ code: 'Throttling.User', message: 'Request was denied', kind: 'api', retryable: true });
    expect(describePoll({ phase: 'retrying', lastError: throttled, nextTickAt: now + 8000, inFlight: false, calls: 1 }, at()).text).toBe(
      'throttled, retrying in 8 s',
    );
    const down = new ApiError({ code: 'ECONNREFUSED', message: 'connection refused', kind: 'network', retryable: true });
    const since = describePoll({ phase: 'retrying', lastError: down, failingSince: now - 5000, inFlight: false, calls: 1 }, at()).text;
    expect(since).toMatch(/^endpoint unreachable since \d\d:\d\d:\d\d/);
    const denied = new ApiError({
      code: 'Forbidden.RAM',
      message: 'User not authorized',
      kind: 'api',
      retryable: false,
      requestId: 'REQ-1',
    });
    expect(describePoll({ phase: 'failed', lastError: denied, inFlight: false, calls: 1 }, at()).text).toBe(
      'stopped: Forbidden.RAM — press r to retry',
    );
  });
});

describe('formatting', () => {
  it('gives absolute times in UTC, marked Z, whatever the local zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const at = Date.UTC(2026, 10, 28, 23, 30, 5);
      expect(formatTime(at, at, 'absolute')).toBe('2026-11-28 23:30:05Z');
      expect(formatTime(at, at, 'absolute')).toHaveLength(ABSOLUTE_TIME_WIDTH);
      expect(clockTime(at)).toBe('23:30:05Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('formats relative and absolute times and durations', () => {
    const now = Date.UTC(2026, 10, 28, 9, 0, 0);
    expect(formatTime(now - 3 * 60_000, now, 'relative')).toBe('3 minutes ago');
    expect(formatTime(undefined, now, 'relative')).toBe('-');
    expect(formatTime(now + 12_000, now, 'absolute')).toBe('2026-11-28 09:00:12Z');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(2 * 3600_000 + 4 * 60_000)).toBe('2h 04m');
  });
});

describe('terminal helpers', () => {
  it('treats CI like Ink does', () => {
    expect(liveRenderingOff({ CI: 'true' })).toBe(true);
    expect(liveRenderingOff({ CI: '' })).toBe(true);
    expect(liveRenderingOff({ CI: '0' })).toBe(false);
    expect(liveRenderingOff({ CI: 'false' })).toBe(false);
    expect(liveRenderingOff({})).toBe(false);
  });

  it('says why a terminal cannot host the live monitor: CI as Ink reads it, TERM=dumb', () => {
    expect(whyNoLiveScreen({ CI: 'true', TERM: 'xterm' })).toMatch(/^CI is set .*unset CI or set CI=0/);
    expect(whyNoLiveScreen({ CONTINUOUS_INTEGRATION: '1' })).toMatch(/^CONTINUOUS_INTEGRATION is set/);
    expect(whyNoLiveScreen({ TERM: 'dumb' })).toMatch(/^TERM=dumb cannot draw/);
    expect(whyNoLiveScreen({ CI: 'false', TERM: 'xterm-256color' })).toBeUndefined();
    expect(whyNoLiveScreen({})).toBeUndefined();
  });

  it('prints a fatal error as one safe line without stack or secrets', () => {
    const err = new Error('boom AccessKeySecret=abc123secret&x=1\n    at foo (bar.js:1:1)');
    const line = fatalLine(err);
    expect(line).toBe('Error: boom AccessKeySecret=***&x=1');
    expect(fatalLine(new Error('bad \u001b]52;c;aGk=\u0007 thing'))).not.toMatch(/\u001b|\u0007/);
    const api = new ApiError({ code: 'InvalidParameter', message: 'bad', kind: 'api', retryable: false, requestId: 'R1' });
    expect(fatalLine(api)).toBe('InvalidParameter: bad (RequestId R1)');
  });

  it('turns colour off with --no-color or NO_COLOR', () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
  });

  it('names saved output files safely', () => {
    expect(outputFileName('t-hz0abc', 'i-bp1xyz')).toBe('catop-t-hz0abc-i-bp1xyz.log');
    const hostile = outputFileName('../../etc/passwd', 'i/x');
    expect(hostile).toMatch(/^catop-__\.\._etc_passwd-i_x-[0-9a-f]{10}\.log$/);
    expect(hostile).not.toContain('/');
  });
});

describe("several regions' states", () => {
  it('names the regions in one state together, trouble first, each state in the regions\' order', () => {
    const times = { now: 0, since: () => '', time: () => '', wakeAt: () => undefined } as never;
    const live = { phase: 'ok', inFlight: false, calls: 1 } as const;
    const down = { phase: 'failed', inFlight: false, calls: 1, lastError: { code: 'InvalidAccessKeyId.NotFound', message: 'x' } } as never;
    const states = describeRegionStates(
      ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'].map((regionId, k) => ({ regionId, loaded: 1, poll: k === 2 ? down : live })),
      times,
    );
    expect(states.map((r) => `${r.regionId} ${r.text}`)).toEqual([
      expect.stringMatching(/^cn-beijing stopped: InvalidAccessKeyId\.NotFound/),
      'cn-hangzhou, cn-shanghai, cn-shenzhen live',
    ]);
  });
});

describe('frame anchoring', () => {
  const E = '\u001b[E';
  it('starts an update at the top row and steps over unchanged rows in one movement per run', () => {
    const frame = `\u001b[38A${E}${E}${E}\u001b[Gchanged row\u001b[K\n${E}${E}\u001b[Glast\u001b[K\n${E}`;
    expect(anchorFrame(frame)).toBe(`\u001b[H\u001b[3E\u001b[Gchanged row\u001b[K\n\u001b[2E\u001b[Glast\u001b[K\n${E}`);
  });

  it('leaves writes that are not frame updates alone', () => {
    expect(anchorFrame(`text ${E}${E}`)).toBe(`text ${E}${E}`);
    expect(anchorFrame('\u001b[?1049h')).toBe('\u001b[?1049h');
  });

  it("clears the screen for a narrower terminal's redraw, and draws that one frame with autowrap off", () => {
    const write = frameWriter();
    // Ink's clear of a three-row frame, bottom up; then its redraw, inside a synchronized update.
    expect(write('\u001b[2K\u001b[1A\u001b[2K\u001b[1A\u001b[2K\u001b[G')).toBe('\u001b[H\u001b[2J\u001b[?7l');
    expect(write('\u001b[?2026h')).toBe('\u001b[?2026h');
    expect(write('a row too wide\nb\n')).toBe('a row too wide\nb\n\u001b[?7h');
    expect(write('\u001b[?2026l')).toBe('\u001b[?2026l');
    // Frames after it as before.
    expect(write(`\u001b[2A${E}\u001b[Gb2\u001b[K\n`)).toBe(`\u001b[H${E}\u001b[Gb2\u001b[K\n`);
  });
});

describe('command types in the list', () => {
  it('names the script kind and passes anything else through', () => {
    expect(['RunShellScript', 'RunPowerShellScript', 'RunBatScript'].map(shortCommandType)).toEqual(['Shell', 'PowerShell', 'Bat']);
    expect(shortCommandType('RunPythonScript')).toBe('RunPythonScript');
    expect(shortCommandType(undefined)).toBe('-');
  });
});
