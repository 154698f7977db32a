// OSC 52, `ESC ] 52 ; c ; <Base64 of the text> BEL`: the terminal sets the system clipboard
// (xterm with allowWindowOps or disallowedWindowOps, iTerm2, kitty, WezTerm, foot, Windows
// Terminal). Only `--clipboard` writes it, and only text of ours: instance ids, each checked for
// safe characters here although the normaliser has cut them already. Inside tmux it is wrapped
// for passthrough, as the notifications are (./sequences.ts).
import { tmuxPassthrough, type ChannelContext } from './sequences.js';

const ESC = '\u001b';
const BEL = '\u0007';

/** What an instance id is made of (`i-bp1…`, and room for other resource ids). */
const SAFE_ID = /^[A-Za-z0-9._:-]+$/;

export class UnsafeClipboardText extends Error {}

/** The ids one per line, as the clipboard and the file get them. */
export const idLines = (ids: readonly string[]): string => ids.map((id) => `${id}\n`).join('');

/** The bytes that put `ids` (one per line) on the clipboard; throws UnsafeClipboardText for an id of other characters. */
export function clipboardIdsBytes(ids: readonly string[], ctx: ChannelContext): string {
  if (ids.length === 0 || !ids.every((id) => SAFE_ID.test(id))) {
    throw new UnsafeClipboardText('an id holds characters other than letters, digits, ".", "_", "-" and ":"');
  }
  const sequence = `${ESC}]52;c;${Buffer.from(idLines(ids), 'utf8').toString('base64')}${BEL}`;
  return ctx.tmux ? tmuxPassthrough(sequence) : sequence;
}
