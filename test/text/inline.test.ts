import { describe, expect, it } from 'vitest';
import { decodeBase64Utf8, sanitizeInline, toDisplayLines } from '../../src/text/index.js';

const ESC = '\x1b';

describe('sanitizeInline', () => {
  it('treats missing fields as empty', () => {
    expect(sanitizeInline(undefined)).toBe('');
    expect(sanitizeInline(null)).toBe('');
  });
  it('shows line breaks as ⏎ and every other control', () => {
    expect(sanitizeInline('a\r\nb\nc\u2028d\u0085e')).toBe('a⏎b⏎c⏎d⏎e');
    expect(sanitizeInline('a\rb\tc\bd\x00e\x7f')).toBe('a^Mb^Ic^Hd^@e^?');
    expect(sanitizeInline('x\r')).toBe('x^M');
  });
  it('removes escape sequences', () => {
    expect(sanitizeInline(`${ESC}]0;title${ESC}\\Run${ESC}[31mCommand${ESC}]52;c;QQ==\x07`)).toBe('RunCommand');
  });
  it('marks bidi and invisible characters, replaces lone surrogates', () => {
    expect(sanitizeInline('i-\u202Eabc\u200B\uD800')).toBe('i-<U+202E>abc<U+200B>\uFFFD');
  });
  it('keeps ordinary Unicode', () => {
    expect(sanitizeInline('部署脚本 ✅ café')).toBe('部署脚本 ✅ café');
  });
});

describe('decodeBase64Utf8', () => {
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
  it('decodes UTF-8', () => {
    expect(decodeBase64Utf8(b64('hello 世界\n'))).toBe('hello 世界\n');
  });
  it('tolerates whitespace and missing padding', () => {
    expect(decodeBase64Utf8('aGVs\nbG8g\r\n d29y bGQ')).toBe('hello world');
  });
  it('turns invalid and truncated UTF-8 into U+FFFD', () => {
    expect(decodeBase64Utf8(b64(Buffer.from([0x61, 0xff, 0x62])))).toBe('a\uFFFDb');
    expect(decodeBase64Utf8(b64(Buffer.from([0x61, 0xe4, 0xb8])))).toBe('a\uFFFD');
  });
  it('is empty for empty input', () => {
    expect(decodeBase64Utf8('')).toBe('');
  });
  it('keeps 8-bit C1 bytes decoded as code points inert downstream', () => {
    const text = decodeBase64Utf8(b64('a\u009b31mb\u009d0;t\u009cc'));
    expect(toDisplayLines(text).map((l) => l.text)).toEqual(['abc']);
  });
});
