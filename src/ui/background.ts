// `--theme auto`: whether the terminal's background is dark or light. COLORFGBG when the terminal
// sets it (rxvt, Konsole, iTerm2 with the option); else the terminal is asked its background
// colour (OSC 11) followed by a device-attributes request (DA1), which every terminal answers:
// an answer to DA1 without one to OSC 11 means "not supported", so the wait is one round trip.
// No answer at all within the timeout, or no terminal: dark. Nothing is ever printed.
import type { Background } from './theme.js';

export type ThemeChoice = 'auto' | Background;

/** COLORFGBG is "fg;bg" (sometimes "fg;default;bg"): palette indexes 7 and 9-15 are light backgrounds. */
export function backgroundFromColorFgBg(value: string | undefined): Background | undefined {
  if (!value) return undefined;
  const bg = Number(value.split(';').pop());
  if (!Number.isInteger(bg) || bg < 0 || bg > 255) return undefined;
  return bg === 7 || (bg >= 9 && bg <= 15) ? 'light' : 'dark';
}

// `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits per channel), ended by BEL or ST.
const OSC11_REPLY = /\u001b\]11;rgb:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})(?:\u0007|\u001b\\)/i;
const DA1_REPLY = /\u001b\[\?[\d;]*c/;

/** The background an OSC 11 reply names, by relative luminance; undefined when there is none. */
export function backgroundFromOsc11(reply: string): Background | undefined {
  const m = OSC11_REPLY.exec(reply);
  if (!m) return undefined;
  const [r, g, b] = m.slice(1, 4).map((hex) => parseInt(hex, 16) / (16 ** hex.length - 1));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? 'light' : 'dark';
}

export interface BackgroundQuery {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  timeoutMs?: number;
}

/** Asks the terminal (raw mode, no echo); bytes that are not the replies go back to stdin. */
export function queryBackground({ stdin, stdout, timeoutMs = 1000 }: BackgroundQuery): Promise<Background | undefined> {
  if (!stdin.isTTY || !stdout.isTTY || typeof stdin.setRawMode !== 'function') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const wasRaw = stdin.isRaw;
    let got = '';
    const finish = () => {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.pause();
      if (!wasRaw) stdin.setRawMode(false);
      // Keys typed meanwhile are not lost: what is left after the replies is read again later.
      const rest = got.replace(OSC11_REPLY, '').replace(DA1_REPLY, '');
      if (rest) stdin.unshift(Buffer.from(rest, 'latin1'));
      resolve(backgroundFromOsc11(got));
    };
    const onData = (chunk: Buffer) => {
      got += chunk.toString('latin1');
      if (DA1_REPLY.test(got)) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
    stdout.write('\u001b]11;?\u001b\\\u001b[c');
  });
}

/** The palette for `--theme`: auto reads COLORFGBG, then asks the terminal, else dark. */
export async function resolveBackground(choice: ThemeChoice, env: NodeJS.ProcessEnv, query: BackgroundQuery): Promise<Background> {
  if (choice !== 'auto') return choice;
  // The Linux console is dark and takes `ESC ]` for its own palette commands: not asked.
  if (env['TERM'] === 'linux' || env['TERM'] === 'dumb') return backgroundFromColorFgBg(env['COLORFGBG']) ?? 'dark';
  return backgroundFromColorFgBg(env['COLORFGBG']) ?? (await queryBackground(query)) ?? 'dark';
}
