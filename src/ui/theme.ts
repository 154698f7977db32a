// Colours by meaning, not by name. `NO_COLOR` / `--no-color` turn every colour off here, in one
// place: components ask the theme for a token and get `undefined` when colour is off, so the
// screen still reads by text alone (status words, markers), never by colour. Bold, dim and the
// selected row's inverse stay: they are not colour, and `--no-color` and `NO_COLOR` draw alike.
//
// Two palettes, for dark and light backgrounds (`--theme`). Muted text is dim rather than bright
// black (SGR 90), which Solarized Dark uses as its background colour; the light palette has no
// yellow and no bright white, which vanish on white. Ink passes a colour name to chalk, so 'dim'
// as a colour is chalk's dim.
import { createContext, useContext } from 'react';
import type { InstanceStatus, InvocationStatus } from '../api/wire.js';
import { instanceFamily } from '../api/status.js';

/** An Ink colour name, or undefined for "terminal default". */
export type Colour = string | undefined;

/** The background the palette is for. */
export type Background = 'dark' | 'light';

export interface Theme {
  readonly color: boolean;
  readonly status: {
    readonly success: Colour;
    readonly failed: Colour;
    readonly partial: Colour;
    readonly active: Colour;
    readonly pending: Colour;
    readonly scheduled: Colour;
    readonly stopped: Colour;
  };
  readonly muted: Colour;
  readonly accent: Colour;
  readonly error: Colour;
  readonly warning: Colour;
  /** Background of search matches in the output pager (with inverse when colour is off). */
  readonly match: Colour;
  /**
   * The selected row: one text colour on a background bar (the cells' own colours are dropped,
   * so no colour turns into a block), or inverse video when colour is off.
   */
  readonly selection: { readonly inverse: boolean; readonly text: Colour; readonly background: Colour };
}

const MUTED = 'dim';

const DARK: Theme = {
  color: true,
  status: {
    success: 'green',
    failed: 'red',
    partial: 'magenta',
    active: 'yellow',
    pending: 'blue',
    scheduled: 'blue',
    stopped: MUTED,
  },
  muted: MUTED,
  accent: 'cyan',
  error: 'red',
  warning: 'yellow',
  match: 'yellow',
  selection: { inverse: false, text: 'white', background: 'blue' },
};

// Darker shades from the 256-colour cube where the basic colour is too pale on white: a dark
// orange for what is yellow on dark, a dark green and a dark cyan.
const LIGHT: Theme = {
  color: true,
  status: {
    success: 'ansi256(28)',
    failed: 'red',
    partial: 'magenta',
    active: 'ansi256(130)',
    pending: 'blue',
    scheduled: 'ansi256(30)',
    stopped: MUTED,
  },
  muted: MUTED,
  accent: 'blue',
  error: 'red',
  warning: 'ansi256(130)',
  match: 'ansi256(130)',
  selection: { inverse: false, text: 'white', background: 'blue' },
};

const PLAIN: Theme = {
  color: false,
  status: {
    success: undefined,
    failed: undefined,
    partial: undefined,
    active: undefined,
    pending: undefined,
    scheduled: undefined,
    stopped: undefined,
  },
  muted: undefined,
  accent: undefined,
  error: undefined,
  warning: undefined,
  match: undefined,
  selection: { inverse: true, text: undefined, background: undefined },
};

/**
 * Whether to draw colour: off with `--no-color` (`flag === false`) or when `NO_COLOR` is set to
 * anything non-empty (https://no-color.org).
 */
export function colourWanted(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!flag) return false;
  const noColor = env['NO_COLOR'];
  return noColor === undefined || noColor === '';
}

export function createTheme(color: boolean, background: Background = 'dark'): Theme {
  if (!color) return PLAIN;
  return background === 'light' ? LIGHT : DARK;
}

export const ThemeContext = createContext<Theme>(DARK);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** Colour of an overall (invocation) status. */
export function invocationStatusColour(theme: Theme, status: InvocationStatus): Colour {
  switch (status) {
    case 'Success':
      return theme.status.success;
    case 'Failed':
      return theme.status.failed;
    case 'PartialFailed':
      return theme.status.partial;
    case 'Running':
    case 'Stopping':
      return theme.status.active;
    case 'Pending':
      return theme.status.pending;
    case 'Scheduled':
      return theme.status.scheduled;
    case 'Stopped':
      return theme.status.stopped;
  }
}

/** Colour of a per-instance status. */
export function instanceStatusColour(theme: Theme, status: InstanceStatus): Colour {
  if (status === 'Pending') return theme.status.pending;
  if (status === 'Scheduled') return theme.status.scheduled;
  const family = instanceFamily(status);
  return family === 'unknown' ? undefined : theme.status[family];
}
