// The `:` prompt on screen, against the emulator: filters applied without a restart, Tab
// completion from what is loaded, Up/Down recall, Esc, one-line errors; and `W` watching a row.
import { describe, expect, it } from 'vitest';
import { KEY, lineWith, renderApp, seededFixtureForEachTest, selectedLine, type Screen } from './fixture.js';

const { fx, known } = seededFixtureForEachTest();
const TAB = '\t';

async function listed(): Promise<Screen> {
  const screen = renderApp(fx, { columns: 140 });
  await fx.tick();
  await screen.waitFor((f) => f.includes(known.deploy) && f.includes(known.tail), 'with the seeded invocations');
  return screen;
}

/** The footer's prompt line. */
const promptLine = (f: string) => f.split('\n').find((l) => l.startsWith(':'));

describe('the : prompt', () => {
  it(':status PartialFailed narrows the list at once and after the refetch, and the header names the filter', async () => {
    const screen = await listed();
    screen.press(':');
    await screen.waitFor((f) => promptLine(f)?.includes('Tab complete') ?? false, 'with the prompt');
    screen.press('status PartialFailed');
    await screen.waitFor((f) => promptLine(f)?.startsWith(':status PartialFailed') ?? false, 'with the line typed');
    screen.press(KEY.enter);
    let frame = await screen.waitFor((f) => !f.includes(known.deploy), 'narrowed');
    expect(frame).toContain(known.backup);
    expect(frame).not.toContain(known.tail);
    expect(frame).toContain('API filters: status=PartialFailed');
    await fx.poller.idle();
    frame = await screen.waitFor((f) => f.includes('1 loaded'), 'after the refetch');
    expect(selectedLine(frame)).toContain(known.backup);
    expect(fx.store.getState().filters).toEqual({ invokeStatus: 'PartialFailed' });

    // :clear brings every invocation back.
    screen.press(':clear\r');
    await fx.poller.idle();
    frame = await screen.waitFor((f) => f.includes(known.deploy) && f.includes(known.tail), 'cleared');
    expect(frame).not.toContain('API filters:');
  });

  it('keeps the selected row when it still matches the new filters', async () => {
    const screen = await listed();
    screen.press('jj');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    // The first instance ran deploy and backup, not tail: deploy moves up a row and stays selected.
    screen.press(`:instance ${fx.instanceIds[0]}\r`);
    await fx.poller.idle();
    const frame = await screen.waitFor((f) => !f.includes(known.tail) && f.includes(`instance-id=${fx.instanceIds[0]}`), 'narrowed');
    expect(frame).toContain(known.backup);
    expect(selectedLine(frame)).toContain(known.deploy);
  });

  it('Tab completes the command, then statuses and names seen in the store; several matches are listed', async () => {
    const screen = await listed();
    screen.press(':st');
    await screen.waitFor((f) => promptLine(f)?.startsWith(':st') ?? false, 'typed');
    screen.press(TAB);
    await screen.waitFor((f) => promptLine(f)?.startsWith(':status  ') ?? false, 'the command completed');
    screen.press('s');
    screen.press(TAB);
    let frame = await screen.waitFor((f) => promptLine(f)?.includes('Stopped Scheduled Stopping Success') ?? false, 'the statuses listed');
    expect(promptLine(frame)).toMatch(/^:status s /);
    screen.press(KEY.esc);
    await screen.waitFor((f) => promptLine(f) === undefined, 'closed');

    screen.press(':name d');
    await screen.waitFor((f) => promptLine(f)?.startsWith(':name d ') ?? false, 'typed');
    screen.press(TAB);
    frame = await screen.waitFor((f) => promptLine(f)?.startsWith(':name deploy-web ') ?? false, 'the name completed from the store');
    screen.press(KEY.enter);
    await fx.poller.idle();
    await screen.waitFor((f) => f.includes('command-name=deploy-web'), 'applied');
  });

  it('Up and Down recall earlier commands; Esc cancels without changing the filters', async () => {
    const screen = await listed();
    screen.press(':type RunShellScript\r');
    await fx.poller.idle();
    await screen.waitFor((f) => f.includes('command-type=RunShellScript'), 'applied');
    screen.press(':timed false\r');
    await fx.poller.idle();
    await screen.waitFor((f) => f.includes('timed=false'), 'applied twice');
    screen.press(':');
    await screen.waitFor((f) => promptLine(f)?.includes('Tab complete') ?? false, 'with the prompt');
    screen.press(KEY.up);
    await screen.waitFor((f) => promptLine(f)?.startsWith(':timed false ') ?? false, 'the last command');
    screen.press(KEY.up);
    await screen.waitFor((f) => promptLine(f)?.startsWith(':type RunShellScript ') ?? false, 'the one before');
    screen.press(KEY.down);
    await screen.waitFor((f) => promptLine(f)?.startsWith(':timed false ') ?? false, 'forward again');
    screen.press(KEY.esc);
    await screen.waitFor((f) => promptLine(f) === undefined, 'cancelled');
    expect(fx.store.getState().filters).toEqual({ commandType: 'RunShellScript', timed: false });
  });

  it('a bad command is one line saying what to type, and the list is left as it was', async () => {
    const screen = await listed();
    screen.press(':stat Failed\r');
    let frame = await screen.waitFor((f) => f.includes('unknown command :stat'), 'with the error');
    expect(lineWith(frame, 'unknown command')).toContain('did you mean :status?');
    expect(frame).toContain(known.deploy);
    screen.press(':instance web-9\r');
    frame = await screen.waitFor((f) => f.includes(':instance web-9: no instance of that name seen yet'), 'with the name error');
    expect(lineWith(frame, ':instance web-9')).toContain('type its id, :instance i-...');
    screen.press(':region cn-shanghai\r');
    await screen.waitFor((f) => f.includes('regions change only at start here: catop --region cn-shanghai'), 'with the region answer');
    expect(fx.store.getState().filters).toEqual({});
  });
});

describe('W watches an invocation', () => {
  it('marks the row, says so, and a second W unwatches it', async () => {
    const screen = await listed();
    // The newest (tail-log) is still running.
    screen.press('W');
    let frame = await screen.waitFor((f) => f.includes(`watching ${known.tail}`), 'watched');
    expect(lineWith(frame, known.tail)).toMatch(/ W$/);
    expect(frame).toContain('1 watched');
    expect(fx.store.getState().watched).toEqual(new Set([known.tail]));
    screen.press('W');
    frame = await screen.waitFor((f) => f.includes(`stopped watching ${known.tail}`), 'unwatched');
    expect(lineWith(frame, known.tail)).not.toMatch(/ W$/);
    expect(fx.store.getState().watched.size).toBe(0);
  });

  it('refuses one that has already ended, and works on the invocation screen', async () => {
    const screen = await listed();
    screen.press('jj');
    await screen.waitFor((f) => selectedLine(f)?.includes(known.deploy) ?? false, 'with deploy selected');
    screen.press('W');
    await screen.waitFor((f) => f.includes(`${known.deploy} has already ended (Success): nothing to watch`), 'refused');
    screen.press('gl');
    await screen.waitFor((f) => f.includes(`Invocations › ${known.tail}`), 'on the running one');
    screen.press('W');
    const frame = await screen.waitFor((f) => f.includes(`watching ${known.tail}`), 'watched');
    expect(frame).toContain('watched ·');
  });
});
