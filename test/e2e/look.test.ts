// How the screen reads on every terminal: the light and dark palettes (chosen by --theme, by
// COLORFGBG or by the terminal's answer to OSC 11), ASCII in a locale without UTF-8 (or with
// --ascii), and --no-color drawing the same screen as NO_COLOR.
import { describe, expect, it } from 'vitest';
import { LIST_HEADER, appsForEachTest, waitForList } from '../helpers/terminalApp.js';
import { spawnCli } from '../helpers/terminalCli.js';
import type { SpawnOptions, TerminalSession } from '../helpers/terminal.js';

const { closeAfterTest } = appsForEachTest();

function demo(args: string[], opts: SpawnOptions = {}): TerminalSession {
  const s = spawnCli(['--demo', ...args], { label: `look ${args.join(' ')}`, ...opts });
  closeAfterTest(() => s.close());
  return s;
}

/** Foreground colour parameters of every SGR sequence in `raw` ("33", "38;5;130", ...). */
function foregrounds(raw: string): Set<string> {
  const found = new Set<string>();
  for (const m of raw.matchAll(/\u001b\[([\d;]*)m/g)) {
    const p = m[1].split(';');
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '38' || p[i] === '48') {
        if (p[i] === '38') found.add(p.slice(i, i + (p[i + 1] === '5' ? 3 : 5)).join(';'));
        i += p[i + 1] === '5' ? 2 : 4;
      } else if (/^(3[0-7]|9[0-7])$/.test(p[i])) found.add(p[i]);
    }
  }
  return found;
}

/** Screen cells drawn with a colour (foreground or background). */
function colouredCells(s: TerminalSession): number {
  let n = 0;
  for (let y = 0; y < s.rows; y++) {
    for (let x = 0; x < s.cols; x++) {
      const c = s.cell(x, y);
      if (c && (!c.isFgDefault() || !c.isBgDefault())) n++;
    }
  }
  return n;
}

const YELLOW_OR_BRIGHT_WHITE = ['33', '93', '97', '90'];

describe('palettes', () => {
  it('--theme light draws no yellow, no bright white and no bright black; dark uses yellow for Running', async () => {
    const dark = demo(['--theme', 'dark']);
    await waitForList(dark, 10);
    expect(dark.screen()).toMatch(/Running/);
    expect(foregrounds(dark.raw)).toContain('33');
    await dark.close();

    const light = demo(['--theme', 'light']);
    await waitForList(light, 10);
    expect(light.screen()).toMatch(/Running/);
    const used = foregrounds(light.raw);
    expect(YELLOW_OR_BRIGHT_WHITE.filter((c) => used.has(c))).toEqual([]);
    expect(used).toContain('38;5;130'); // Running, in dark orange
  });

  it('the selected row is one colour on a bar, not inverse video', async () => {
    const s = demo(['--theme', 'light']);
    await waitForList(s, 10);
    const y = s.screenText().findIndex((l) => l.startsWith('> '));
    expect(y).toBeGreaterThan(0);
    for (const x of [0, 5, 40, s.cols - 1]) {
      const c = s.cell(x, y)!;
      expect(c.isInverse()).toBe(0);
      expect(c.isBgPalette() && c.getBgColor()).toBe(4); // blue
      expect(c.isFgPalette() && c.getFgColor()).toBe(7); // white, whatever the status colour
    }
  });

  it('--theme auto asks the terminal (OSC 11) and draws the light palette on a white background', async () => {
    const s = demo([], { env: { COLORFGBG: undefined } });
    await s.waitFor(() => s.raw.includes('\u001b]11;?'), 'the background query');
    s.write('\u001b]11;rgb:ffff/ffff/ffff\u001b\\\u001b[?62;22c');
    await waitForList(s, 10);
    expect(foregrounds(s.raw)).not.toContain('33');
    expect(s.screen()).not.toMatch(/11;rgb|62;22c/); // the replies were taken, not typed
  });

  it('COLORFGBG naming a light background chooses the light palette without asking', async () => {
    const s = demo([], { env: { COLORFGBG: '0;15' } });
    await waitForList(s, 10);
    expect(s.raw).not.toContain('\u001b]11;?');
    expect(foregrounds(s.raw)).toContain('38;5;130');
  });
});

describe('ASCII terminals', () => {
  function expectAscii(s: TerminalSession): void {
    const shown = s.screenText().join('\n');
    expect(shown.replace(/[\u0020-\u007e\n]/g, '')).toBe('');
  }

  it('LC_ALL=C: the live screen, its markers and the help table are ASCII, with widths kept', async () => {
    const s = demo([], { env: { LC_ALL: 'C', LANG: 'C' } });
    await waitForList(s, 10);
    expectAscii(s);
    expect(s.screenText()[0]).toMatch(/^catop DEMO \| region/);
    const header = s.screenText().find((l) => LIST_HEADER.test(l))!;
    expect(s.screenText().some((l) => /\d\+/.test(l))).toBe(true); // "3+" for three succeeded
    for (const row of s.screenText().filter((l) => /^[> ] [A-Z][a-z]+ +t-/.test(l))) expect(row.trimEnd().length).toBeLessThanOrEqual(header.length + 40);
    s.press('?');
    await s.waitForText(/^\+-+\+-+\+-+\+$/m);
    expectAscii(s);
  });

  it('--ascii forces it in a UTF-8 locale', async () => {
    const s = demo(['--ascii'], { env: { LANG: 'C.UTF-8', LC_ALL: undefined } });
    await waitForList(s, 10);
    expectAscii(s);
  });
});

describe('--no-color', () => {
  it('draws the same screen as NO_COLOR: no colour, and the selection and the header still bold and inverse', async () => {
    for (const opts of [{ args: ['--no-color'], env: {} }, { args: [], env: { NO_COLOR: '1' } }]) {
      const s = demo(opts.args, { env: opts.env });
      await waitForList(s, 10);
      expect(colouredCells(s)).toBe(0);
      const y = s.screenText().findIndex((l) => l.startsWith('> '));
      expect(s.cell(2, y)!.isInverse()).not.toBe(0);
      expect(s.cell(2, y)!.isBold()).not.toBe(0);
      const headerRow = s.screenText().findIndex((l) => LIST_HEADER.test(l));
      expect(s.cell(2, headerRow)!.isBold()).not.toBe(0);
      await s.close();
    }
  });
});
