// The exact bytes of every alert channel, with and without tmux's passthrough, and that a name
// from the network can never end a sequence early or start one of its own.
import { describe, expect, it } from 'vitest';
import { alertBytes, alertText, restoreBytes, startBytes, tmuxPassthrough, type AlertMessage } from '../../src/notify/index.js';

const alert: AlertMessage = { title: 'catop: Failed', body: 'deploy-release (2 of 3 failed)', summary: 'catop: 2 failed' };
const plain = { tmux: false };
const tmux = { tmux: true };

describe('alert bytes', () => {
  it('bell is BEL alone, also inside tmux (monitor-bell marks the window)', () => {
    expect(alertBytes('bell', alert, plain)).toBe('\x07');
    expect(alertBytes('bell', alert, tmux)).toBe('\x07');
  });

  it('osc9 is ESC ] 9 ; text BEL, wrapped with each ESC doubled inside tmux', () => {
    expect(alertBytes('osc9', alert, plain)).toBe('\x1b]9;catop: Failed: deploy-release (2 of 3 failed)\x07');
    expect(alertBytes('osc9', alert, tmux)).toBe('\x1bPtmux;\x1b\x1b]9;catop: Failed: deploy-release (2 of 3 failed)\x07\x1b\\');
  });

  it('osc777 is ESC ] 777 ; notify ; title ; body BEL, wrapped inside tmux', () => {
    expect(alertBytes('osc777', alert, plain)).toBe('\x1b]777;notify;catop: Failed;deploy-release (2 of 3 failed)\x07');
    expect(alertBytes('osc777', alert, tmux)).toBe('\x1bPtmux;\x1b\x1b]777;notify;catop: Failed;deploy-release (2 of 3 failed)\x07\x1b\\');
  });

  it('title is OSC 2 with the summary (tmux takes it as the pane title), saved by CSI 22;0t and restored by CSI 23;0t', () => {
    expect(alertBytes('title', alert, plain)).toBe('\x1b]2;catop: 2 failed\x07');
    expect(alertBytes('title', alert, tmux)).toBe('\x1b]2;catop: 2 failed\x07');
    expect(startBytes(['bell', 'title'])).toBe('\x1b[22;0t');
    expect(restoreBytes(['bell', 'title'])).toBe('\x1b[23;0t');
    expect(startBytes(['bell', 'osc9'])).toBe('');
    expect(restoreBytes(['osc777'])).toBe('');
  });

  it('doubles every ESC of the wrapped sequence', () => {
    expect(tmuxPassthrough('\x1b]9;a\x1b\\')).toBe('\x1bPtmux;\x1b\x1b]9;a\x1b\x1b\\\x1b\\');
  });
});

describe('alert text from the network', () => {
  const hostile = 'evil\x1b]0;pwned\x07\x1b\\\x1bPtmux;\x9b31m\r\n\u202eend;x';

  it('holds no control, escape or C1 byte, and no ; (OSC 777 splits on it)', () => {
    const t = alertText(hostile);
    expect(t).not.toMatch(/[\x00-\x1f\x7f-\x9f;]/);
    expect(t).toContain('evil');
    expect(t).toContain('end');
  });

  it('is cut to a bounded width', () => {
    expect(alertText('n'.repeat(10_000)).length).toBeLessThanOrEqual(120);
    expect(alertText('n'.repeat(10_000), 20)).toBe(`${'n'.repeat(19)}…`);
  });

  it.each(['osc9', 'osc777', 'title'] as const)('%s has exactly its own control bytes whatever the name holds', (channel) => {
    const a: AlertMessage = { title: hostile, body: hostile, summary: hostile };
    for (const ctx of [plain, tmux]) {
      const bytes = alertBytes(channel, a, ctx);
      const controls = bytes.match(/[\x00-\x1f\x7f-\x9f]/g) ?? [];
      const own = alertBytes(channel, { title: 't', body: 'b', summary: 's' }, ctx).match(/[\x00-\x1f\x7f-\x9f]/g) ?? [];
      expect(controls).toEqual(own);
      if (channel === 'osc777') expect(bytes.split(';')).toHaveLength(ctx.tmux ? 5 : 4);
    }
  });
});
