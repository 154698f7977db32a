// Every word on the screen is true: errors say what happened (whole, never cut in the middle),
// an instance's error is shown in full, scheduled runs say when they run next, `x` offers only
// what it can do, messages end with their screen and their event, narrow widths keep what
// matters, and the filter matches what the columns show.
import { afterEach, describe, expect, it } from 'vitest';
import { clockTime } from '../../src/ui/format.js';
import { closeStandIns, apiErrorBody, invocationsPage, sendJson, serveInvocations, standIn, wireInvocation } from '../helpers/standIn.js';
import { KEY, T0, lineWith, renderApp, restartFixture, seededFixtureForEachTest, selectedLine, type Screen } from './fixture.js';

const { fx, known } = seededFixtureForEachTest();
let screen: Screen | undefined;
afterEach(() => closeStandIns());

/** The frame as one line of words: wrapped text reads whole again. */
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

/** Ticks until the poller reports `phase` (a tick may retry internally; each is awaited). */
async function tickUntil(phase: string): Promise<void> {
  for (let i = 0; i < 20 && fx.store.getState().poll.phase !== phase; i++) await fx.tick().catch(() => {});
  expect(fx.store.getState().poll.phase).toBe(phase);
}

const LONG_MESSAGE =
  'Specified signature is not matched with our calculation; check the clock of this host and the AccessKeySecret sent with this request';

describe('errors with nothing loaded', () => {
  it('says what happened and what to check, not that the filters matched nothing', async () => {
    await restartFixture(fx, { accessKeySecret: 'not-the-secret' });
    screen = renderApp(fx);
    await tickUntil('failed');
    const frame = await screen.waitFor((f) => f.includes('could not load invocations'), 'with the error in the body');
    expect(flat(frame)).toMatch(/could not load invocations: SignatureDoesNotMatch: .+ check the AccessKey/);
    expect(frame).toContain('press r to retry');
    expect(frame).not.toContain('no invocations (for these API filters)');
    expect(frame).not.toMatch(/^\s+no invocations$/m);
    expect(frame).not.toContain('not-the-secret');
  });

  it('names the endpoint and the network when it cannot be reached', async () => {
    fx.emu.setFaults({ reset: 1 });
    screen = renderApp(fx);
    await tickUntil('retrying');
    const frame = await screen.waitFor((f) => f.includes('could not load invocations'), 'with the error in the body');
    expect(flat(frame)).toContain('check --region/--endpoint and that this host can reach it');
    expect(frame).toContain('retrying on its own');
    expect(frame).not.toContain('API filters');
  });

  it('blames the API filters only when filters are set and the listing succeeded empty', async () => {
    const empty = await standIn(serveInvocations([]));
    await restartFixture(fx, { endpoint: empty.endpoint });
    screen = renderApp(fx);
    await tickUntil('ok');
    let frame = await screen.waitFor((f) => f.includes('no invocations'), 'empty');
    expect(frame).not.toContain('API filters');
    screen.unmount();
    await restartFixture(fx, { endpoint: empty.endpoint, filters: { commandName: 'nightly' } });
    screen = renderApp(fx);
    await tickUntil('ok');
    frame = await screen.waitFor((f) => f.includes('no invocations (for these API filters)'), 'empty for the filters');
  });

  it('does not say "no data yet" while rows are on screen from a tick that failed half way', async () => {
    const rows = Array.from({ length: 50 }, (_, k) => wireInvocation({ InvokeId: `t-half${String(k).padStart(4, '0')}` }));
    const half = await standIn((req, res, n) => {
      if (n === 1) return sendJson(res, 200, invocationsPage(rows, { TotalCount: 60 }));
      sendJson(res, 500, apiErrorBody('InternalError', 'The request processing has failed due to some unknown error.'));
    });
    await restartFixture(fx, { endpoint: half.endpoint });
    screen = renderApp(fx);
    await fx.tick().catch(() => {});
    const frame = await screen.waitFor((f) => f.includes('t-half0000'), 'with the rows of page 1');
    expect(fx.store.getState().poll.lastSuccessAt).toBeUndefined();
    expect(frame).not.toContain('no data yet');
    expect(frame).toContain('partial data');
  });
});

describe('error text', () => {
  it('shows Code, Message, RequestId and the hint whole at 80 columns, wrapped, never cut in the middle', async () => {
    const denied = await standIn((_req, res) => sendJson(res, 400, apiErrorBody('SignatureDoesNotMatch', LONG_MESSAGE)));
    await restartFixture(fx, { endpoint: denied.endpoint });
    screen = renderApp(fx, { columns: 80, rows: 24 });
    await tickUntil('failed');
    const frame = await screen.waitFor((f) => f.includes('press r to retry'), 'stopped');
    expect(frame).toContain('● stopped: SignatureDoesNotMatch — press r to retry');
    const footer = flat(frame.split('\n').slice(-6).join('\n'));
    expect(footer).toMatch(
      new RegExp(`SignatureDoesNotMatch: ${LONG_MESSAGE} \\(RequestId STANDIN-\\d+\\); check the AccessKey \\(environment, --profile\\) and its RAM permissions`),
    );
    expect(frame).not.toContain('…');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('the selected instance', () => {
  it('shows its ErrorCode and meaning in full under the table and on the output screen', async () => {
    screen = renderApp(fx, { columns: 80 });
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.backup), 'with rows');
    screen.press('j\r');
    await screen.waitFor((f) => f.includes(`Invocations › ${known.backup}`), 'of backup');
    const b = fx.instanceIds[1];
    // Failed first: the failed instance is the first row, selected.
    let frame = await screen.waitFor((f) => selectedLine(f)?.includes(b) ?? false, 'with the failed instance selected');
    // The ERROR column is cut at 80; the line under the table is not.
    expect(selectedLine(frame)).toContain('…');
    expect(flat(frame)).toContain(`${b} · Failed · exit 2 · ExitCodeNonzero: the command execution exit code is not zero`);
    screen.press(KEY.enter);
    await screen.waitFor((f) => f.includes(`› ${b}`), 'of the output screen');
    await fx.poller.idle();
    await fx.tick();
    frame = await screen.waitFor((f) => f.includes('dump failed: disk full'), 'with the output');
    expect(flat(frame)).toContain('ExitCodeNonzero: the command execution exit code is not zero');
  });
});

describe('scheduled instances', () => {
  it('show the last run and the next run, not a running clock', async () => {
    const every = fx.emu.sim.runCommandAt(
      {
        name: 'health-check',
        commandType: 'RunShellScript',
        commandContent: 'uptime',
        instanceIds: [fx.instanceIds[0]],
        // Created 08:59:35, ran at 08:59:40, runs next at 09:00:40.
        frequency: '40 * * * * *',
        outcome: 'Success',
        output: 'up\n',
        pendingMs: 100,
        durationMs: 1000,
      },
      T0 - 25_000,
    );
    screen = renderApp(fx, { columns: 140 });
    await fx.tick();
    await screen.waitFor((f) => f.includes(every), 'with the scheduled invocation');
    screen.press('\r');
    const a = fx.instanceIds[0];
    const frame = await screen.waitFor((f) => (lineWith(f, a)?.includes('Scheduled') ?? false) && selectedLine(f) !== undefined, 'scheduled');
    const next = clockTime(T0 + 40_000);
    expect(lineWith(frame, a)).toContain(`next ${next}`);
    expect(frame).not.toMatch(/running \d/);
    expect(flat(frame)).toMatch(new RegExp(`${a} · Scheduled · last run .+: exit 0 · next run ${next}`));
    // The header: RepeatMode, the schedule in words and raw, the next run, the last run's result.
    expect(lineWith(frame, 'Period · every minute (40 * * * * *)')).toMatch(new RegExp(`next run ${next} · last run .+ 1 ok`));
  });
});

describe('x on what has ended', () => {
  it('says the invocation has already ended and asks nothing', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('G');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    screen.press('x');
    const frame = await screen.waitFor((f) => f.includes('has already ended'), 'refused');
    expect(frame).toContain(`${known.deploy} has already ended (Success): nothing to stop`);
    expect(frame).not.toContain('Stop invocation');
    // Any key would cancel a confirm; `j` moves, so no dialog was open.
    screen.press('k');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.backup) ?? false, 'moved');
  });

  it('in read-only mode shows no x in the footer or the help', async () => {
    screen = renderApp(fx, { readOnly: true, rows: 50 });
    await fx.tick();
    let frame = await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    expect(frame).not.toContain('x stop');
    expect(frame).toContain('? help');
    screen.press('?');
    frame = await screen.waitFor((f) => f.includes('Esc or ? closes'), 'of the help');
    expect(frame).not.toMatch(/^x\s/m);
    expect(frame).not.toContain('stop the invocation');
  });
});

describe('messages', () => {
  it('end with the screen that made them', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('G');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    screen.press('x');
    await screen.waitFor((f) => f.includes('has already ended'), 'with the message');
    screen.press(KEY.enter);
    const frame = await screen.waitFor((f) => f.includes(`Invocations › ${known.deploy}`), 'of deploy');
    expect(frame).not.toContain('has already ended');
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('INVOKE ID'), 'back on the list');
    screen.press('/');
    const prompt = await screen.waitFor((f) => f.includes('filter:'), 'with the prompt');
    expect(prompt).not.toContain('has already ended');
  });

  it('say "refreshing…" until the refresh ends, not for a fixed time', async () => {
    screen = renderApp(fx);
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    screen.press('r');
    await fx.poller.idle();
    // The fake clock has not moved: only the end of the tick can have cleared it.
    await screen.waitFor((f) => !f.includes('refreshing'), 'without "refreshing…" once the tick is done');
    expect(fx.store.getState().poll.inFlight).toBe(false);
  });
});

describe('narrow widths', () => {
  const LONG_NAME = 'nightly-backup-rotation!';
  function seedWide(): string {
    return fx.emu.sim.runCommandAt(
      {
        name: LONG_NAME,
        commandType: 'RunShellScript',
        commandContent: 'rotate',
        instanceIds: [fx.instanceIds[0]],
        frequency: '0 */20 * * * *',
        outcome: 'Success',
        pendingMs: 100,
        durationMs: 1000,
      },
      T0 - 2 * 3600_000,
    );
  }

  it('keeps the command name whole and drops TIMED and TYPE first, at 60, 80, 100 and 120 columns', async () => {
    const cron = seedWide();
    screen = renderApp(fx, { columns: 120 });
    await fx.tick();
    let frame = await screen.waitFor((f) => f.includes(cron), 'with rows');
    expect(lineWith(frame, cron)).toContain(LONG_NAME);
    expect(lineWith(frame, cron)).toContain('every 20 min');
    expect(lineWith(frame, 'INVOKE ID')).toContain('TIMED');
    // One-time runs leave TIMED empty.
    expect(lineWith(frame, known.deploy)).not.toContain('once');
    for (const columns of [100, 80, 60]) {
      screen.resize(columns, 30);
      frame = await screen.waitFor((f) => (lineWith(f, 'INVOKE ID')?.length ?? 99) <= columns && !f.includes('every 20 min'), `at ${columns}`);
      const header = lineWith(frame, 'INVOKE ID') ?? '';
      expect(lineWith(frame, cron), `at ${columns}`).toContain(LONG_NAME);
      expect(header).not.toContain('TIMED');
      if (columns <= 100) expect(header).not.toContain('TYPE');
      if (columns >= 80) expect(header).toContain('INSTANCES');
    }
  });

  it('keeps the follow state in the breadcrumb at 80 columns', async () => {
    screen = renderApp(fx, { columns: 80 });
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f)?.includes(known.tail) ?? false, 'with tail selected');
    screen.press('\r');
    await screen.waitFor((f) => f.includes('INSTANCE ID') && selectedLine(f) !== undefined, 'of tail');
    screen.press('\r');
    const frame = await screen.waitFor((f) => f.includes('still growing'), 'of the output');
    expect(frame.split('\n')[3]).toContain('following');
    expect(frame.split('\n')[3]).toContain(fx.instanceIds[1]);
  });

  it('keeps "? help" and "q quit" in the footer at 60x15 on every screen', async () => {
    screen = renderApp(fx, { columns: 60, rows: 15 });
    await fx.tick();
    let frame = await screen.waitFor((f) => f.includes(known.tail), 'with rows');
    const footer = (f: string) => f.split('\n').filter(Boolean).slice(-1)[0] ?? '';
    expect(footer(frame)).toMatch(/\? help {2}q quit$/);
    screen.press('\r');
    frame = await screen.waitFor((f) => f.includes('INSTANCE ID'), 'of tail');
    expect(footer(frame)).toMatch(/\? help {2}q quit$/);
    screen.press('\r');
    frame = await screen.waitFor((f) => f.includes(`› ${fx.instanceIds[1]}`) || f.includes('…'), 'of the output');
    expect(footer(frame)).toMatch(/\? help {2}q quit$/);
  });
});

describe('the filter', () => {
  it('matches the EXIT column on the instance list; Esc clears it there, as the hint says, then goes back', async () => {
    const [a, b] = fx.instanceIds;
    const exit255 = fx.emu.sim.runCommandAt(
      {
        name: 'exit-codes',
        commandType: 'RunShellScript',
        commandContent: 'exit 255',
        instanceIds: [a, b],
        outcome: ['Success', { status: 'Failed', exitCode: 255, errorCode: 'ExitCodeNonzero' }],
        pendingMs: 100,
        durationMs: 1000,
      },
      T0 - 30_000,
    );
    screen = renderApp(fx, { columns: 140 });
    await fx.tick();
    await screen.waitFor((f) => selectedLine(f)?.includes(exit255) ?? false, 'with the new one selected');
    screen.press('\r');
    await screen.waitFor((f) => f.includes(`Invocations › ${exit255}`) && selectedLine(f) !== undefined, 'of the invocation');
    screen.press('/255\r');
    let frame = await screen.waitFor((f) => f.includes('filter: "255"') && !f.includes('filter instances:'), 'filtered');
    expect(lineWith(frame, b)).toMatch(/Failed\s+255/);
    expect(lineWith(frame, a)).toBeUndefined();
    screen.press('/zzz\r');
    frame = await screen.waitFor((f) => f.includes('no instance matches'), 'with no match');
    expect(frame).toContain('no instance matches the filter (Esc clears)');
    screen.press(KEY.esc);
    frame = await screen.waitFor((f) => lineWith(f, a) !== undefined && !f.includes('filter: "'), 'cleared');
    expect(frame).toContain(`Invocations › ${exit255}`);
    screen.press(KEY.esc);
    await screen.waitFor((f) => f.includes('INVOKE ID'), 'back on the list');
  });

  it('on the list, matches the invocations that ran on an instance', async () => {
    screen = renderApp(fx, { columns: 140 });
    await fx.tick();
    await screen.waitFor((f) => f.includes(known.deploy), 'with rows');
    // deploy ran on a, b and c; backup on a and b; tail on b.
    screen.press(`/${fx.instanceIds[2]}\r`);
    const frame = await screen.waitFor((f) => f.includes('1 of 3 loaded'), 'filtered');
    expect(frame).toContain(known.deploy);
    expect(frame).not.toContain(known.backup);
    expect(frame).not.toContain(known.tail);
  });
});
