// Palette tokens, the background detection (COLORFGBG, OSC 11 replies) and ASCII glyphs.
import { describe, expect, it } from 'vitest';
import { asciiGlyphs, utf8Locale } from '../../src/text/glyphs.js';
import { displayWidth } from '../../src/text/index.js';
import { backgroundFromColorFgBg, backgroundFromOsc11, resolveBackground } from '../../src/ui/background.js';
import { createTheme, type Theme } from '../../src/ui/theme.js';

function colours(theme: Theme): string[] {
  return [...Object.values(theme.status), theme.muted, theme.accent, theme.error, theme.warning, theme.match, theme.selection.text].filter(
    (c): c is string => c !== undefined,
  );
}

describe('palettes', () => {
  it('light has no yellow, no bright white and no bright black; muted is dim in both', () => {
    expect(colours(createTheme(true, 'light')).filter((c) => /yellow|whiteBright|gray|grey|blackBright/i.test(c))).toEqual([]);
    for (const bg of ['dark', 'light'] as const) {
      expect(createTheme(true, bg).muted).toBe('dim');
      expect(createTheme(true, bg).selection).toMatchObject({ inverse: false, background: 'blue', text: 'white' });
    }
  });

  it('without colour: no colour at all, the selection in inverse video', () => {
    const plain = createTheme(false, 'light');
    expect(colours(plain)).toEqual([]);
    expect(plain.selection).toEqual({ inverse: true, text: undefined, background: undefined });
  });
});

describe('background detection', () => {
  it('reads COLORFGBG', () => {
    expect(backgroundFromColorFgBg('15;0')).toBe('dark');
    expect(backgroundFromColorFgBg('0;15')).toBe('light');
    expect(backgroundFromColorFgBg('0;default;7')).toBe('light');
    expect(backgroundFromColorFgBg('12;8')).toBe('dark');
    expect(backgroundFromColorFgBg('default;default')).toBeUndefined();
    expect(backgroundFromColorFgBg(undefined)).toBeUndefined();
  });

  it('reads an OSC 11 reply of 1 to 4 hex digits a channel, ended by ST or BEL', () => {
    expect(backgroundFromOsc11('\u001b]11;rgb:ffff/ffff/ffff\u001b\\')).toBe('light');
    expect(backgroundFromOsc11('\u001b]11;rgb:fd/f6/e3\u0007')).toBe('light'); // Solarized Light
    expect(backgroundFromOsc11('\u001b]11;rgb:0000/2b2b/3636\u001b\\')).toBe('dark'); // Solarized Dark
    expect(backgroundFromOsc11('\u001b[?62;22c')).toBeUndefined();
  });
});

describe('resolveBackground', () => {
  it('takes --theme as given, else COLORFGBG, and does not ask the Linux console', async () => {
    const noTerminal = { stdin: process.stdin, stdout: process.stdout };
    expect(await resolveBackground('light', { COLORFGBG: '15;0' }, noTerminal)).toBe('light');
    expect(await resolveBackground('auto', { COLORFGBG: '0;15' }, noTerminal)).toBe('light');
    const written: string[] = [];
    const console = { stdin: { isTTY: true } as NodeJS.ReadStream, stdout: { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
    expect(await resolveBackground('auto', { TERM: 'linux' }, console)).toBe('dark');
    expect(written).toEqual([]);
  });
});

describe('ASCII glyphs', () => {
  it('a locale decides by LC_ALL, then LC_CTYPE, then LANG', () => {
    expect(utf8Locale({ LANG: 'C' })).toBe(false);
    expect(utf8Locale({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(utf8Locale({ LC_CTYPE: 'en_US.ISO-8859-1', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(utf8Locale({ LC_CTYPE: 'en_US.utf8', LANG: 'C' })).toBe(true);
    expect(utf8Locale({ LANG: 'C.UTF-8' })).toBe(true);
    expect(utf8Locale({})).toBe(true);
  });

  it('replaces every non-ASCII glyph by ASCII of the same width and leaves escapes alone', () => {
    const text = '\u001b[32m3✓\u001b[39m 2✗ 1↻ 1⊘ ● a · b… ─│╭╮ 日本 e\u0301 🙂';
    const ascii = asciiGlyphs(text);
    expect(ascii).toBe('\u001b[32m3+\u001b[39m 2x 1~ 1- * a | b. -|++ ???? e ??');
    expect(displayWidth(ascii.replace(/\u001b\[\d+m/g, ''))).toBe(displayWidth(text.replace(/\u001b\[\d+m/g, '')));
  });
});
