// The exact OSC 52 bytes `y --clipboard` writes: plain, and wrapped for tmux's passthrough.
import { describe, expect, it } from 'vitest';
import { clipboardIdsBytes, UnsafeClipboardText } from '../../src/notify/clipboard.js';

describe('OSC 52 clipboard bytes', () => {
  it('ESC ] 52 ; c ; Base64 of the ids one per line, BEL', () => {
    // Base64 of "i-bp1aaa\ni-bp1bbb\n".
    expect(Buffer.from('i-bp1aaa\ni-bp1bbb\n').toString('base64')).toBe('aS1icDFhYWEKaS1icDFiYmIK');
    expect(clipboardIdsBytes(['i-bp1aaa', 'i-bp1bbb'], { tmux: false })).toBe('\u001b]52;c;aS1icDFhYWEKaS1icDFiYmIK\u0007');
  });

  it('inside tmux: ESC P tmux; with the ESC doubled, ESC \\', () => {
    expect(clipboardIdsBytes(['i-bp1aaa', 'i-bp1bbb'], { tmux: true })).toBe('\u001bPtmux;\u001b\u001b]52;c;aS1icDFhYWEKaS1icDFiYmIK\u0007\u001b\\');
  });

  it('refuses an id of anything but letters, digits, . _ - : (and an empty list)', () => {
    for (const bad of ['i-bp1\u001b]52;c;evil\u0007', 'i-bp1 aaa', 'i-bp1\naaa', 'i-bp1\u202eaaa', '']) {
      expect(() => clipboardIdsBytes(['i-bp1ok', bad], { tmux: false })).toThrow(UnsafeClipboardText);
    }
    expect(() => clipboardIdsBytes([], { tmux: false })).toThrow(UnsafeClipboardText);
  });
});
