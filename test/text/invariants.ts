import { expect } from 'vitest';
import { displayWidth, type DisplayLine } from '../../src/text/index.js';

/** Code points that must never reach the terminal: C0 but tab/LF, DEL and C1. */
export const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\p{Surrogate}]/u;

/** Why `text` is not safe to hand to Ink, or undefined. */
export function unsafeReason(text: string): string | undefined {
  const m = UNSAFE.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16)} in ${JSON.stringify(text)}` : undefined;
}

export function expectSafeText(text: string): void {
  const reason = unsafeReason(text);
  if (reason !== undefined) expect.fail(reason);
}

export function expectSafeLines(lines: DisplayLine[], context = ''): void {
  for (const line of lines) {
    const reason = unsafeReason(line.text);
    if (reason !== undefined) expect.fail(`${reason} ${context}`);
    if (line.width !== displayWidth(line.text)) expect.fail(`width ${line.width} for ${JSON.stringify(line.text)} ${context}`);
    if (line.spans && line.spans.map((s) => s.text).join('') !== line.text) expect.fail(`spans differ from text ${context}`);
  }
}
