import { expect } from 'vitest';
import { displayWidth, type DisplayLine } from '../../src/text/index.js';

/** Code points that must never reach the terminal: C0 but tab/LF, DEL and C1. */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;

export function expectSafeText(text: string): void {
  expect(FORBIDDEN.test(text), JSON.stringify(text)).toBe(false);
  expect(text.includes('\n'), JSON.stringify(text)).toBe(false);
  expect(LONE_SURROGATE.test(text), JSON.stringify(text)).toBe(false);
  expect(/[\u2028\u2029]/.test(text), JSON.stringify(text)).toBe(false);
}

export function expectSafeLines(lines: DisplayLine[]): void {
  for (const line of lines) {
    expectSafeText(line.text);
    expect(line.width).toBe(displayWidth(line.text));
    if (line.spans) expect(line.spans.map((s) => s.text).join('')).toBe(line.text);
  }
}
