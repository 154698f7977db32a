// The bytes of each alert channel. The text in them is ours (a status, counts, a name), but the
// name comes from the network: `alertText` makes every piece printable, escape-free and short
// before it is placed between the sequence's own control bytes.
import { sanitizeInline, truncateToWidth } from '../text/index.js';
import type { NotifyChannel } from './options.js';

const ESC = '\u001b';
const BEL = '\u0007';
/** String terminator, as tmux's passthrough needs it. */
const ST = `${ESC}\\`;

/** Longest alert text, in cells: notification popups and titles show little more. */
export const ALERT_TEXT_WIDTH = 120;

/**
 * One printable line of at most `width` cells: escapes removed, controls in caret notation
 * (src/text), then any control that is left dropped; `;` becomes `,` because OSC 777 splits on it.
 */
export function alertText(text: string, width = ALERT_TEXT_WIDTH): string {
  const line = sanitizeInline(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/;/g, ',');
  return truncateToWidth(line, width);
}

export const bell = (): string => BEL;

/** `ESC ] 9 ; text BEL`: iTerm2 and others. */
export const osc9 = (text: string): string => `${ESC}]9;${alertText(text)}${BEL}`;

/** `ESC ] 777 ; notify ; title ; body BEL`: foot, WezTerm, Ghostty, VTE. */
export const osc777 = (title: string, body: string): string => `${ESC}]777;notify;${alertText(title, 60)};${alertText(body)}${BEL}`;

/** `ESC ] 2 ; text BEL`: the window title. */
export const setTitle = (text: string): string => `${ESC}]2;${alertText(text, 60)}${BEL}`;

/** `CSI 22;0t` saves the icon and window title on the terminal's stack; `CSI 23;0t` restores them. */
export const pushTitle = (): string => `${ESC}[22;0t`;
export const popTitle = (): string => `${ESC}[23;0t`;

/** `ESC P tmux; <sequence with each ESC doubled> ESC \`: tmux hands it to the outer terminal. */
export function tmuxPassthrough(sequence: string): string {
  return `${ESC}Ptmux;${sequence.replace(/\u001b/g, `${ESC}${ESC}`)}${ST}`;
}

export interface AlertMessage {
  /** Short: the notification's title. */
  title: string;
  body: string;
  /** The window title while alerts are on, e.g. `catop: 2 failed`. */
  summary: string;
}

export interface ChannelContext {
  /** `$TMUX` is set: OSC notifications are wrapped for passthrough. */
  tmux: boolean;
}

/**
 * What one alert writes on one channel. BEL goes as it is (tmux marks the window with
 * monitor-bell); OSC 9 and 777 are wrapped inside tmux; the title is OSC 2, which tmux takes as
 * the pane title itself (and passes on with set-titles).
 */
export function alertBytes(channel: NotifyChannel, alert: AlertMessage, ctx: ChannelContext): string {
  const wrap = (s: string) => (ctx.tmux ? tmuxPassthrough(s) : s);
  switch (channel) {
    case 'bell':
      return bell();
    case 'osc9':
      return wrap(osc9(`${alert.title}: ${alert.body}`));
    case 'osc777':
      return wrap(osc777(alert.title, alert.body));
    case 'title':
      return setTitle(alert.summary);
  }
}

/** Written once when alerts start: save the title if the title channel will change it. */
export function startBytes(channels: readonly NotifyChannel[]): string {
  return channels.includes('title') ? pushTitle() : '';
}

/** Written on exit: the title as it was before. */
export function restoreBytes(channels: readonly NotifyChannel[]): string {
  return channels.includes('title') ? popTitle() : '';
}
