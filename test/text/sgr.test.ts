import { describe, expect, it } from 'vitest';
import { toDisplayLines } from '../../src/text/index.js';
import { rgbTo256 } from '../../src/text/sgr.js';

const ESC = '\x1b';
const spans = (text: string) => toDisplayLines(text, { keepSgr: true }).map((l) => l.spans);

describe('keepSgr', () => {
  it('turns basic and bright colours and attributes into spans', () => {
    expect(spans(`${ESC}[31mred${ESC}[0m ${ESC}[1;92;44mok${ESC}[m`)).toEqual([
      [{ text: 'red', fg: 1 }, { text: ' ' }, { text: 'ok', fg: 10, bg: 4, bold: true }],
    ]);
    expect(spans(`${ESC}[2;3;4;7ma${ESC}[22;23;24;27mb${ESC}[101mc${ESC}[49md`)).toEqual([
      [{ text: 'a', dim: true, italic: true, underline: true, inverse: true }, { text: 'b' }, { text: 'c', bg: 9 }, { text: 'd' }],
    ]);
  });

  it('maps 256-colour and 24-bit colours to palette indexes', () => {
    expect(spans(`${ESC}[38;5;200;48;5;17mx${ESC}[39my`)).toEqual([[{ text: 'x', fg: 200, bg: 17 }, { text: 'y', bg: 17 }]]);
    expect(spans(`${ESC}[38;2;255;0;0mx`)).toEqual([[{ text: 'x', fg: 196 }]]);
    expect(spans(`${ESC}[48;2;128;128;128mx`)).toEqual([[{ text: 'x', bg: 244 }]]);
    expect(rgbTo256(0, 0, 0)).toBe(16);
    expect(rgbTo256(255, 255, 255)).toBe(231);
    expect(rgbTo256(0, 95, 135)).toBe(24);
  });

  it('never conceals or blinks', () => {
    expect(spans(`${ESC}[8msecret${ESC}[5;6mblink`)).toEqual([[{ text: 'secretblink' }]]);
  });

  it('resets at each line end', () => {
    expect(spans(`${ESC}[31mred\nplain`)).toEqual([[{ text: 'red', fg: 1 }], [{ text: 'plain' }]]);
  });

  it('ignores private, colon and malformed forms', () => {
    expect(spans(`${ESC}[?31mx${ESC}[38:5:200my${ESC}[38;5mz${ESC}[38;5;999mw`)).toEqual([[{ text: 'xyzw' }]]);
  });

  it('styles a CR-overwritten line by what is finally shown', () => {
    const [line] = toDisplayLines(`${ESC}[31mabc\r${ESC}[32mX\n`, { keepSgr: true });
    expect(line.text).toBe('↺ Xbc');
    expect(line.overwritten).toBe(true);
    expect(line.spans).toEqual([{ text: '↺ ' }, { text: 'X', fg: 2 }, { text: 'bc', fg: 1 }]);
  });

  it('gives no spans without the option', () => {
    expect(toDisplayLines(`${ESC}[31mred`)[0].spans).toBeUndefined();
  });

  it('keeps the cut marker unstyled', () => {
    const [line] = toDisplayLines(`${ESC}[31m${'x'.repeat(12)}`, { keepSgr: true, maxLineLength: 5 });
    expect(line.spans).toEqual([{ text: 'xxxxx', fg: 1 }, { text: '… [7 more]' }]);
  });
});
