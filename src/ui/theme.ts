// Colours by meaning, not by name. `NO_COLOR` / `--no-color` turn every colour off here, in one
// place: components ask the theme for a token and get `undefined` when colour is off, so the
// screen still reads by text alone (status words, markers), never by colour.
import { createContext, useContext } from 'react';
import type { InstanceStatus, InvocationStatus } from '../api/wire.js';
import { ACTIVE_INSTANCE, FAILED_FAMILY, STOPPED_FAMILY } from '../api/status.js';

/** An Ink colour name, or undefined for "terminal default". */
export type Colour = string | undefined;

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
}

const COLOURED: Theme = {
  color: true,
  status: {
    success: 'green',
    failed: 'red',
    partial: 'magenta',
    active: 'yellow',
    pending: 'blue',
    scheduled: 'blue',
    stopped: 'gray',
  },
  muted: 'gray',
  accent: 'cyan',
  error: 'red',
  warning: 'yellow',
  match: 'yellow',
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

export function createTheme(color: boolean): Theme {
  return color ? COLOURED : PLAIN;
}

export const ThemeContext = createContext<Theme>(COLOURED);

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
  if (status === 'Success') return theme.status.success;
  if (FAILED_FAMILY.has(status)) return theme.status.failed;
  if (STOPPED_FAMILY.has(status)) return theme.status.stopped;
  if (status === 'Pending') return theme.status.pending;
  if (status === 'Scheduled') return theme.status.scheduled;
  if (ACTIVE_INSTANCE.has(status)) return theme.status.active;
  return undefined;
}
