// `npm run media`: pictures of the real UI for the README. The built CLI runs in a pseudo-terminal
// of 120x36 against the demo fleet (fixed seed) on a clock that does not move: the emulator runs on
// a FakeClock and the CLI's Date is pinned to the same instant, so every run draws the same screens.
// Each screen is read from the headless terminal's grid (with colours) and written as SVG, and as
// PNG through resvg with the system fonts (CJK needs a font such as Debian's fonts-wqy-microhei).
//
//   npm run media                        -> media/*.svg and media/*.png
//   npm run media -- --out DIR --no-png  -> SVG only, into DIR (the media test does this)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeClock } from '../src/clock.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { CLI, ensureBuilt } from '../test/helpers/terminalCli.js';
import { pendingWaits } from '../test/helpers/explain.js';
import { spawnTerminal, type TerminalSession } from '../test/helpers/terminal.js';
import { terminalToSvg } from './svg.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const COLS = 120;
const ROWS = 36;
const SEED = 7;
/** The instant every picture shows: the emulator's clock and the CLI's Date. */
const NOW = Date.UTC(2026, 10, 28, 9, 0, 0);
/** A port of its own so the endpoint in the header reads the same each time (another if taken). */
const PREFERRED_PORT = 47_120;

type Shot = 'list' | 'instances' | 'output' | 'help' | 'list-light';

// Pins Date in the CLI process (Date.now and `new Date()`); timers still run in real time.
const PIN_DATE = [
  'const T = Number(process.env.CATOP_MEDIA_NOW);',
  'if (Number.isFinite(T)) {',
  '  const RealDate = globalThis.Date;',
  '  class PinnedDate extends RealDate { constructor(...a) { if (a.length === 0) super(T); else super(...a); } static now() { return T; } }',
  '  globalThis.Date = PinnedDate;',
  '}',
].join('\n');

interface Args {
  out: string;
  png: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: process.env.CATOP_MEDIA_OUT ?? HERE, png: process.env.CATOP_MEDIA_PNG !== '0' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a === '--out') args.out = argv[++i] ?? args.out;
    else if (a === '--no-png') args.png = false;
    else throw new Error(`media/render.ts: unknown argument ${a} (use --out DIR, --no-png)`);
  }
  args.out = resolve(args.out);
  return args;
}

async function emulatorOnPreferredPort(clock: FakeClock): Promise<RunningEmulator> {
  try {
    return await startEmulator({ port: PREFERRED_PORT, seed: SEED, preset: 'demo', clock });
  } catch {
    return startEmulator({ port: 0, seed: SEED, preset: 'demo', clock });
  }
}

function write(out: string, name: Shot, s: TerminalSession, png: boolean, title: string, background: 'dark' | 'light' = 'dark'): string[] {
  const svg = terminalToSvg(s.term, { title, background });
  const files = [join(out, `${name}.svg`)];
  writeFileSync(files[0], svg);
  if (png) {
    const require = createRequire(import.meta.url);
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const image = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans Mono' },
      fitTo: { mode: 'zoom', value: 1.5 },
    }).render();
    files.push(join(out, `${name}.png`));
    writeFileSync(files[1], image.asPng());
  }
  return files;
}

/** Walk the UI from the list to the output and the help overlay, saving each screen. */
async function renderMedia(args: Args): Promise<string[]> {
  ensureBuilt();
  mkdirSync(args.out, { recursive: true });
  const clock = new FakeClock(NOW);
  const emulator = await emulatorOnPreferredPort(clock);
  try {
    return [...(await renderDark(args, emulator)), ...(await renderLight(args, emulator))];
  } finally {
    await emulator.stop();
  }
}

function startCatop(emulator: RunningEmulator, extraArgs: string[] = []): TerminalSession {
  return spawnTerminal(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(PIN_DATE)}`,
      CLI,
      '--endpoint',
      emulator.endpoint,
      '--region',
      emulator.regionId,
      // One poll and no background paging while the pictures are taken: the screens stay still.
      '--interval',
      '3600',
      '--history',
      '100',
      '--max-rps',
      '1000',
      ...extraArgs,
    ],
    {
      cols: COLS,
      rows: ROWS,
      label: 'media',
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret,
        CATOP_MEDIA_NOW: String(NOW),
        TZ: 'UTC',
        LANG: 'C.UTF-8',
      },
    },
  );
}

/** The list on a white window, in the light palette. */
async function renderLight(args: Args, emulator: RunningEmulator): Promise<string[]> {
  const s = startCatop(emulator, ['--theme', 'light']);
  try {
    await s.waitForText('print-banner');
    await s.waitForText(/PartialFailed\s+\d+/);
    const files = write(args.out, 'list-light', s, args.png, 'catop --theme light', 'light');
    s.press('q');
    await s.waitForExit();
    return files;
  } finally {
    await s.close();
  }
}

async function renderDark(args: Args, emulator: RunningEmulator): Promise<string[]> {
  const s = startCatop(emulator);
  const files: string[] = [];
  const title = 'catop';
  try {
    // The list: wait for the seeded invocations and the first poll's counts.
    await s.waitForText('print-banner');
    await s.waitForText(/PartialFailed\s+\d+/);
    files.push(...write(args.out, 'list', s, args.png, title));

    s.press('?');
    await s.waitForText(/cycle status filter/);
    files.push(...write(args.out, 'help', s, args.png, title));
    s.press('esc');
    await s.waitForNoText(/cycle status filter/);

    // The instances of the backup that failed on two of three machines.
    await filterTo(s, 'failing-backup');
    let before = callCount(s);
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    await s.waitForText(/ExitCodeNonzero/);
    await settled(s, before);
    files.push(...write(args.out, 'instances', s, args.png, title));
    s.press('esc');
    await s.waitForText(LIST_HEADER);
    await clearFilter(s, 'failing-backup');

    // Output with CJK and emoji: the banner.
    await filterTo(s, 'print-banner');
    before = callCount(s);
    s.press('enter');
    await s.waitForText(INSTANCES_HEADER);
    await settled(s, before);
    before = callCount(s);
    s.press('enter');
    await s.waitForText('系统巡检报告');
    await settled(s, before);
    files.push(...write(args.out, 'output', s, args.png, title));
    s.press('q');
    await s.waitForExit();
  } finally {
    await s.close();
  }
  return files;
}

/** A row of the invocations table: selection mark, status, InvokeId. */
const INVOKE_ROW = /^[> ] [A-Za-z]+\s+t-[0-9a-z]{6,}\s/;
const LIST_HEADER = /STATUS\s+INVOKE ID\s+COMMAND NAME/;
const INSTANCES_HEADER = /INSTANCE ID\s+STATUS/;

function listRows(s: TerminalSession): string[] {
  return s.screenText().filter((l) => INVOKE_ROW.test(l));
}

/**
 * Narrow the list to one command name, as a person does: open the prompt, see it, type, see the
 * list narrow, keep the filter with Enter. (An Esc followed at once by another key reads as Alt+key,
 * so every key waits for its effect before the next.)
 */
async function filterTo(s: TerminalSession, text: string): Promise<void> {
  s.press('/');
  await s.waitForText(/filter:/i);
  s.write(text);
  await s.waitFor(() => {
    const rows = listRows(s);
    return rows.length > 0 && rows.every((l) => l.includes(text));
  }, `the list filtered to ${text}`);
  s.press('enter');
  await s.waitForNoText(/filter:.*keep/i);
}

/** The header's "· N calls". */
function callCount(s: TerminalSession): number {
  const m = /· (\d+) calls?\b/.exec(s.screen());
  return m ? Number(m[1]) : -1;
}

/**
 * Opening a screen makes the poller fetch what it shows; the header counts the call when it is
 * answered, which may come a frame after the data is drawn. Wait for that frame so every run
 * draws the same count (best effort: if no call comes, the picture is taken anyway).
 */
async function settled(s: TerminalSession, callsBefore: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const given = new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)));
  try {
    await Promise.race([s.waitFor(() => callCount(s) > callsBefore, 'the call for the opened screen'), given]);
  } catch {
    // Nothing was fetched for this screen: nothing to wait for.
  } finally {
    clearTimeout(timer);
  }
}

/** Esc on the list clears the filter: wait until rows of other commands are back. */
async function clearFilter(s: TerminalSession, text: string): Promise<void> {
  s.press('esc');
  await s.waitFor(() => listRows(s).some((l) => !l.includes(text)), `the filter ${text} to clear`);
}

// The terminal's waits have no clock of their own (in tests the test's timeout bounds them): this
// script's deadline is the one, and says what was still awaited.
setTimeout(() => {
  process.stderr.write(`media: gave up after 100 s waiting for:\n${pendingWaits().join('\n')}\n`);
  process.exit(1);
}, 100_000).unref();

renderMedia(parseArgs(process.argv.slice(2))).then(
  (files) => {
    for (const f of files) process.stdout.write(`${f}\n`);
    process.exit(0);
  },
  (e: unknown) => {
    process.stderr.write(`media: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
