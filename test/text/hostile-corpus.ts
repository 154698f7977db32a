/**
 * Hostile inputs with the exact display lines they must give: every class of escape sequence and
 * control alone, then mixed. Shared by the corpus test and the growing-output (prefix) test.
 */
export interface CorpusCase {
  name: string;
  input: string;
  /** Expected `text` of each line; a line written as `['text', true]` is expected to be `overwritten`. */
  lines: (string | [string, true])[];
  raw?: boolean;
  maxLineLength?: number;
  /** The line still being written may change more than by growing (a count in a marker). */
  unstablePrefix?: boolean;
}

const ESC = '\x1b';
const BEL = '\x07';
const ST = ESC + '\\';

export const CORPUS: CorpusCase[] = [
  // Controls that would hide text.
  {
    name: 'backspaces cannot erase a command',
    input: 'echo evil #\b\b\b\b\b\b\b\b\b\b\bgood\n',
    lines: ['echo evil #^H^H^H^H^H^H^H^H^H^H^Hgood'],
  },
  { name: 'C0 controls in caret notation', input: 'a\x00\x01\x07\x0b\x0c\x0e\x0f\x1a\x1c\x1fz', lines: ['a^@^A^G^K^L^N^O^Z^\\^_z'] },
  { name: 'DEL in caret notation', input: 'x\x7fy', lines: ['x^?y'] },
  {
    name: 'C1 controls as markers',
    input: 'a\u0080b\u0084c\u008ed\u009ce\u0099f',
    lines: ['a<U+0080>b<U+0084>c<U+008E>d<U+009C>e<U+0099>f'],
  },
  // Carriage return.
  { name: 'progress bar collapses to its last state', input: '10%\r20%\r100%\n', lines: [['100%', true]] },
  { name: 'CR overwrites from column 0 only as far as it writes', input: 'abcdef\rXY\n', lines: [['XYcdef', true]] },
  { name: 'CRLF is a line break, not an overwrite', input: 'one\r\ntwo\r\n', lines: ['one', 'two'] },
  { name: 'CRs with nothing written after them overwrite nothing', input: 'abc\r\r\n\rdef\n', lines: ['abc', 'def'] },
  { name: 'CR over wide characters leaves no half glyph', input: '中文\ra\n中文\rab\n', lines: [['a 文', true], ['ab文', true]] },
  { name: 'tab after CR moves without erasing', input: 'abcdefghij\r\tX\n', lines: [['abcdefghXj', true]] },
  // Escape sequences: OSC.
  { name: 'OSC 0 title ended by BEL', input: `before${ESC}]0;pwned${BEL}after`, lines: ['beforeafter'] },
  { name: 'OSC 2 title ended by ST', input: `${ESC}]2;pwned${ST}ok`, lines: ['ok'] },
  { name: 'OSC 52 clipboard write', input: `x${ESC}]52;c;ZWNobyBwd25lZA==${BEL}y`, lines: ['xy'] },
  {
    name: 'OSC 8 hyperlink keeps only its visible text',
    input: `${ESC}]8;;https://evil.example/${ST}click${ESC}]8;;${ST}\n`,
    lines: ['click'],
  },
  { name: 'OSC colour query', input: `a${ESC}]11;?${BEL}b${ESC}]4;1;?${ST}c`, lines: ['abc'] },
  { name: '8-bit OSC ended by 8-bit ST', input: 'a\u009d0;title\u009cb', lines: ['ab'] },
  { name: '7-bit OSC ended by 8-bit ST', input: `${ESC}]0;t\u009cx`, lines: ['x'] },
  // CSI.
  { name: '8-bit CSI', input: 'a\u009b2Jb\u009b31mc\u009b?1049hd', lines: ['abcd'] },
  {
    name: 'cursor movement, clears, modes and queries',
    input: `${ESC}[2J${ESC}[H${ESC}[10;20Hhi${ESC}[K${ESC}[?1049h${ESC}[?25l${ESC}[6n${ESC}[>c${ESC}[1 q!`,
    lines: ['hi!'],
  },
  { name: 'C0 inside CSI is shown, the CSI still removed', input: `${ESC}[3\b1mX`, lines: ['^HX'] },
  { name: 'CAN aborts a CSI and is shown', input: `${ESC}[31\x18X`, lines: ['^XX'] },
  { name: 'SGR colours dropped by default, conceal cannot hide', input: `${ESC}[1;31mred${ESC}[0m ${ESC}[8mseen${ESC}[28m`, lines: ['red seen'] },
  // DCS, APC, PM, SOS.
  { name: 'DCS sixel', input: `a${ESC}Pq#0;2;0;0;0#1~~-${ST}b`, lines: ['ab'] },
  { name: 'APC, PM and SOS strings', input: `1${ESC}_Gf=100;payload${ST}2${ESC}^pm${ST}3${ESC}Xsos${ST}4`, lines: ['1234'] },
  { name: '8-bit DCS, SOS, PM, APC', input: '1\u0090q~\u009c2\u0098s\u009c3\u009ep\u009c4\u009fa\u009c5', lines: ['12345'] },
  // Single-character escapes and intermediates.
  { name: 'reset, save/restore cursor, keypad, index', input: `${ESC}c${ESC}7${ESC}8${ESC}=${ESC}>${ESC}Mok${ESC}D`, lines: ['ok'] },
  { name: 'charset switches', input: `${ESC}(0lqk${ESC}(B${ESC})0${ESC}*A${ESC}+B!`, lines: ['lqk!'] },
  { name: 'ESC with intermediates', input: `a${ESC}#8b${ESC}%Gc${ESC} Fd`, lines: ['abcd'] },
  { name: 'ESC inside an OSC starts a new sequence', input: `${ESC}]0;t${ESC}[31mX`, lines: ['X'] },
  // Unterminated strings end at the line.
  { name: 'unterminated OSC is dropped to the end of its line only', input: `ok${ESC}]0;never ends\nnext line`, lines: ['ok', 'next line'] },
  { name: 'unterminated DCS is dropped to the end of its line only', input: `${ESC}Pabc\ndef\n`, lines: ['', 'def'] },
  { name: 'NEL ends an unterminated OSC', input: `${ESC}]0;t\u0085x`, lines: ['', 'x'] },
  // Line breaks and tabs.
  { name: 'Unicode line breaks', input: 'a\u2028b\u2029c\u0085d', lines: ['a', 'b', 'c', 'd'] },
  {
    name: 'tabs to 8-cell stops, measured in cells',
    input: 'a\tb\n12345678\tc\n中\tx\n',
    lines: ['a       b', '12345678        c', '中      x'],
  },
  { name: 'empty lines kept, final break does not add one', input: '\n\na\n\n', lines: ['', '', 'a', ''] },
  // Unicode that hides or reorders.
  {
    name: 'bidi overrides and isolates (Trojan Source)',
    input: 'if (isAdmin) {\u202E } \u2066// check\u2069 \u202A\u202B\u202C\u202D\u2067\u2068\u200E\u200F\u061C',
    lines: [
      'if (isAdmin) {<U+202E> } <U+2066>// check<U+2069> <U+202A><U+202B><U+202C><U+202D><U+2067><U+2068><U+200E><U+200F><U+061C>',
    ],
  },
  {
    name: 'zero-width and invisible characters',
    input: 'pass\u200Bword\u200C\uFEFF\u00AD\u2060\u2061\u2062\u2063\u2064 \u3164\uFFA0\u115F\u1160\u180E',
    lines: [
      'pass<U+200B>word<U+200C><U+FEFF><U+00AD><U+2060><U+2061><U+2062><U+2063><U+2064> <U+3164><U+FFA0><U+115F><U+1160><U+180E>',
    ],
  },
  { name: 'tag characters (ASCII smuggling)', input: 'ok\u{E0001}\u{E0041}\u{E0042}\u{E007F}', lines: ['ok<U+E0001><U+E0041><U+E0042><U+E007F>'] },
  { name: 'ZWJ outside an emoji sequence', input: 'a\u200Db', lines: ['a<U+200D>b'] },
  { name: 'emoji sequences and flags kept whole', input: '👨‍👩‍👧 ok 🇯🇵 👍🏽 🏴󠁧󠁢󠁳󠁣󠁴󠁿', lines: ['👨‍👩‍👧 ok 🇯🇵 👍🏽 🏴󠁧󠁢󠁳󠁣󠁴󠁿'] },
  { name: 'lone surrogates', input: 'a\uD800b\uDC00c', lines: ['a\uFFFDb\uFFFDc'] },
  { name: 'combining mark cut from its base by an escape', input: `e${ESC}[0m\u0301 é`, lines: ['e<U+0301> é'] },
  {
    name: 'stacked combining marks are capped with a count',
    input: 'Z' + '\u0301'.repeat(40) + 'ok',
    lines: ['Z' + '\u0301'.repeat(31) + '<+9 marks>ok'],
    unstablePrefix: true,
  },
  // Raw view.
  {
    name: 'raw view shows every control, ESC as ^[ with the sequence as text',
    input: `a${ESC}]0;t${BEL}\r\n\tb\b\u009b31m\n`,
    lines: ['a^[]0;t^G^M', '^Ib^H<U+009B>31m'],
    raw: true,
  },
  { name: 'raw view does not collapse CR', input: '10%\r20%\n', lines: ['10%^M20%'], raw: true },
  // Long lines.
  { name: 'long line cut with a marker', input: 'x'.repeat(25) + '\nshort', lines: ['xxxxxxxxxx… [15 more]', 'short'], maxLineLength: 10 },
  { name: 'cut never leaves half a wide character', input: 'abc中文', lines: ['abc… [4 more]'], maxLineLength: 4 },
  // Mixed.
  {
    name: 'coloured progress bar under a title change',
    input: `${ESC}]0;build${BEL}${ESC}[32m[##  ]${ESC}[0m 20%\r${ESC}[32m[####]${ESC}[0m 100%\ndone\n`,
    lines: [['[####] 100%', true], 'done'],
  },
  {
    name: 'concealed text, bidi and a clipboard write in one line',
    input: `rm -rf /${ESC}[8m hidden${ESC}[28m\u202Etxt.exe${ESC}]52;c;cm0gLXJmIC8=${BEL}\n`,
    lines: ['rm -rf / hidden<U+202E>txt.exe'],
  },
  {
    name: 'backspace, NUL and a title in a CRLF output',
    input: `user\x00name: root\b\b\b\bguest${ESC}]2;x${ST}\r\nok\r\n`,
    lines: ['user^@name: root^H^H^H^Hguest', 'ok'],
  },
];
