// Key letters live only in the keymap: rebinding a key there rewords the hints and messages that
// name it (the poll state, the help overlay's last line, the confirm and the prompt).
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import type { PollState } from '../../src/store/types.js';
import { KEYMAP, type ActionId } from '../../src/ui/keymap.js';
import type { TimeText } from '../../src/ui/hooks/useTimeText.js';
import { describePoll } from '../../src/ui/pollStatus.js';
import { ConfirmDialog } from '../../src/ui/widgets/ConfirmDialog.js';
import { HelpOverlay } from '../../src/ui/widgets/HelpOverlay.js';

const restores: (() => void)[] = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
});

/** Gives `action` other keys for this test (every binding of it, as a user's keymap would). */
function rebind(action: ActionId, keys: string[]): void {
  for (const b of KEYMAP.filter((x) => x.action === action)) {
    const before = b.keys;
    b.keys = keys;
    restores.push(() => (b.keys = before));
  }
}

const times: TimeText = { now: 0, mode: 'relative', time: () => '', since: () => '', wakeAt: () => {} };
const failed: PollState = {
  phase: 'failed',
  inFlight: false,
  calls: 1,
  lastError: new ApiError({ code: 'Forbidden.RAM', message: 'no', kind: 'api', retryable: false }),
};

function frame(node: React.ReactElement): string {
  const { lastFrame, unmount } = render(node);
  const text = lastFrame() ?? '';
  unmount();
  return text;
}

describe('messages name keys from the keymap', () => {
  it('the stopped poll state says the refresh key', () => {
    expect(describePoll(failed, times).text).toContain('press r to retry');
    rebind('refresh', ['R']);
    expect(describePoll(failed, times).text).toContain('press R to retry');
  });

  it('the help overlay and the confirm say their keys', () => {
    const help = () => frame(<HelpOverlay width={120} height={60} active={false} onClose={() => {}} onQuit={() => {}} />);
    const confirm = () =>
      frame(<ConfirmDialog title="Stop?" lines={[]} width={60} active={false} onYes={() => {}} onNo={() => {}} onQuit={() => {}} />);
    expect(help()).toContain('Esc or ? closes · q quits');
    expect(confirm()).toContain('y to confirm');
    rebind('quit', ['Q']);
    rebind('help', ['F1']);
    rebind('confirm', ['Y']);
    expect(help()).toContain('Esc or F1 closes · Q quits');
    expect(confirm()).toContain('Y to confirm');
  });
});
