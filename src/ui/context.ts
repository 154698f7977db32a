// Actions the screens send up to the App (navigation, overlays, flashes), apart from the state
// they read. Screens never reach into each other.
import { createContext, useContext } from 'react';
import type { ActionId } from './keymap.js';
import { realClock, type Clock } from '../clock.js';
import type { TimeMode } from './format.js';
import type { InstanceOrder } from './instanceOrder.js';

export type Route =
  | { screen: 'invocations' }
  | { screen: 'invocation'; invokeId: string }
  | { screen: 'output'; invokeId: string; instanceId: string; order?: InstanceOrder; shown?: (instanceId: string) => void }
  | { screen: 'runs'; invokeId: string };

export interface PromptRequest {
  label: string;
  initial: string;
  onChange: (text: string) => void;
  /** Enter: the prompt closes, then this has the line (the `:` prompt applies it). */
  onSubmit?: (text: string) => void;
  /** Tab: the line completed, and what matched when several did. */
  complete?: (text: string) => { line: string; candidates: string[] };
  /** Up/Down: an earlier or later line. */
  recall?: (direction: 'up' | 'down', text: string) => string;
  /** The keys written after the line (default: the filter's). */
  keysHint?: string;
}

export type FlashTone = 'info' | 'error';

export interface UiActions {
  open(route: Route): void;
  back(): void;
  quit(): void;
  help(): void;
  prompt(request: PromptRequest): void;
  /** `:`: the command prompt (API filters, regions). */
  command(): void;
  /** `x`: asks to confirm (refused in read-only mode), then stops through the poller. */
  stop(invokeId: string, instanceIds?: string[]): void;
  /** `R`: asks to confirm (refused in read-only mode), then re-runs through the poller and opens the new invocation. */
  rerun(invokeId: string, instanceIds: readonly string[]): void;
  /** `y`: the ids to a file (and with --clipboard by OSC 52), by the writer the app was given. */
  copyIds(invokeId: string, instanceIds: readonly string[]): void;
  showContent(invokeId: string): void;
  flash(text: string, tone?: FlashTone): void;
  /** `e`: the output as the service returned it, to a file, by the writer the app was given. */
  saveOutput(invokeId: string, instanceId: string, text: string): void;
  toggleTimeMode(): void;
  refresh(): void;
}

export interface UiView {
  timeMode: TimeMode;
  /** The app clock: screens draw times through useTimeText(clock, timeMode). */
  clock: Clock;
  readOnly: boolean;
}

const missing = () => {
  throw new Error('UiActions used outside <App>');
};

export const UiActionsContext = createContext<UiActions>({
  open: missing,
  back: missing,
  quit: missing,
  help: missing,
  prompt: missing,
  command: missing,
  stop: missing,
  rerun: missing,
  copyIds: missing,
  showContent: missing,
  flash: missing,
  saveOutput: missing,
  toggleTimeMode: missing,
  refresh: missing,
});

export const UiViewContext = createContext<UiView>({ timeMode: 'relative', clock: realClock, readOnly: false });

export function useUiActions(): UiActions {
  return useContext(UiActionsContext);
}

export function useUiView(): UiView {
  return useContext(UiViewContext);
}

/**
 * Keys every screen shares. Returns true when input moved to another context (as
 * `useKeymap` handlers do), undefined when the action is not a shared one.
 */
export function handleSharedAction(action: ActionId, ui: UiActions): boolean | undefined {
  switch (action) {
    case 'quit':
      ui.quit();
      return true;
    case 'help':
      ui.help();
      return true;
    case 'refresh':
      ui.refresh();
      return false;
    case 'timestamps':
      ui.toggleTimeMode();
      return false;
    case 'back':
      ui.back();
      return true;
    case 'command':
      ui.command();
      return true;
    default:
      return undefined;
  }
}
