// The live monitor: header, a stack of screens (Invocations -> Invocation -> Output) with
// overlays (help, filter/search prompt, confirm, command content), footer. Screens stay mounted
// under whatever covers them, so going back, closing an overlay or a resize through "too small"
// finds the cursor where it was. Each concern is a hook of its own (hooks/use*.ts); screens come
// from the route table (routes.tsx).
import React, { Component, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box } from 'ink';
import type { Clock } from '../clock.js';
import type { Store } from '../store/types.js';
import { sanitizeInline } from '../text/index.js';
import { UiActionsContext, UiViewContext, type UiActions, type UiView } from './context.js';
import { formatCount, type TimeMode } from './format.js';
import { useFlash } from './hooks/useFlash.js';
import { KeyRouterContext, useKeyRouter } from './hooks/useKeymap.js';
import { useNavigation } from './hooks/useNavigation.js';
import { useOverlays, type Overlay } from './hooks/useOverlays.js';
import { usePollError } from './hooks/usePollError.js';
import { useStopFlow } from './hooks/useStopFlow.js';
import { useRerunFlow } from './hooks/useRerunFlow.js';
import { copiedText, type CopiedIds } from './copyIds.js';
import { useCommandPrompt } from './hooks/useCommandPrompt.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { UiPoller } from './intents.js';
import { footerHints, WRITE_ACTIONS } from './keymap.js';
import { ROUTES, renderRoute, routeContext, routeHints, routeKey } from './routes.js';
import { ContentOverlay } from './screens/ContentOverlay.js';
import { SplitContext, splitHelpNote, useSplit, useSplitRoot } from './screens/split/splitState.js';
import type { SplitMode } from './screens/split/layout.js';
import { ThemeContext, createTheme, type Background } from './theme.js';
import { ConfirmDialog } from './widgets/ConfirmDialog.js';
import { FilterPrompt } from './widgets/FilterPrompt.js';
import { Footer, footerMessageLines, type FooterMessage } from './widgets/Footer.js';
import { Header, HEADER_HEIGHT, type HeaderInfo } from './widgets/Header.js';
import { HelpOverlay } from './widgets/HelpOverlay.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from './widgets/TooSmall.js';

/** Writes an instance's output to a new file and returns its path; throws the fs error. */
export type SaveOutput = (invokeId: string, instanceId: string, text: string) => string;
/** Writes instance ids to a new file (and the clipboard with --clipboard); throws the fs error. */
export type CopyIds = (invokeId: string, instanceIds: readonly string[]) => CopiedIds;

export interface AppProps {
  store: Store;
  poller: UiPoller;
  clock: Clock;
  header: HeaderInfo;
  demo: boolean;
  readOnly: boolean;
  /** Already resolved against NO_COLOR (see colourWanted). */
  color: boolean;
  /** The palette: for a dark (default) or a light background. */
  background?: Background;
  onExit: (code: number) => void;
  /** A render error: the caller restores the terminal and prints it. */
  onFatal: (error: unknown) => void;
  /** How `e` saves output: file writes happen at the edge (live.tsx), not in a key handler. None: `e` says so. */
  saveOutput?: SaveOutput;
  /** How `y` writes ids (at the edge, as saveOutput). None: `y` says so. */
  copyIds?: CopyIds;
  /** The split's layout to start with (`p` cycles it); default auto. */
  split?: SplitMode;
}

/** Render errors end the app through onFatal instead of Ink's error screen (which prints a stack). */
class FatalBoundary extends Component<{ onFatal: (e: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onFatal(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function App(props: AppProps) {
  const theme = useMemo(() => createTheme(props.color, props.background), [props.color, props.background]);
  const router = useKeyRouter();
  const split = useSplitRoot(props.split);
  return (
    <ThemeContext.Provider value={theme}>
      <KeyRouterContext.Provider value={router}>
        <SplitContext.Provider value={split}>
          <FatalBoundary onFatal={props.onFatal}>
            <Shell {...props} />
          </FatalBoundary>
        </SplitContext.Provider>
      </KeyRouterContext.Provider>
    </ThemeContext.Provider>
  );
}

function Shell({ store, poller, clock, header, demo, readOnly, onExit, saveOutput, copyIds }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const nav = useNavigation();
  const overlays = useOverlays();
  const flash = useFlash(clock, store, nav.topKey);
  const [timeMode, setTimeMode] = useState<TimeMode>('relative');
  const exited = useRef(false);
  const split = useSplit();

  const quit = useCallback(() => {
    if (exited.current) return;
    exited.current = true;
    onExit(0);
  }, [onExit]);

  const stop = useStopFlow({ store, poller, readOnly, flash: flash.show, confirm: overlays.push, topKey: nav.topKey });
  const { show: showFlash, clear: clearFlash } = flash;
  const { open: openRoute, back: backRoute } = nav;
  const rerun = useRerunFlow({ store, poller, readOnly, flash: flash.show, confirm: overlays.push, topKey: nav.topKey, open: openRoute });
  const { push: pushOverlay } = overlays;
  const commandPrompt = useCommandPrompt({ store, poller, flash: showFlash });

  const actions = useMemo<UiActions>(
    () => ({
      open: (route) => {
        clearFlash();
        openRoute(route);
      },
      back: () => {
        clearFlash();
        backRoute();
      },
      quit,
      help: () => pushOverlay({ kind: 'help' }),
      prompt: (request) => pushOverlay({ kind: 'prompt', request }),
      command: () => pushOverlay({ kind: 'prompt', request: commandPrompt() }),
      showContent: (invokeId) => pushOverlay({ kind: 'content', invokeId }),
      flash: showFlash,
      saveOutput: (invokeId, instanceId, text) => {
        if (!saveOutput) return showFlash('saving output is not available here', 'error');
        try {
          const path = saveOutput(invokeId, instanceId, text);
          showFlash(`saved ${formatCount(Buffer.byteLength(text))} bytes as returned to ${sanitizeInline(path)}`);
        } catch (err) {
          showFlash(`could not save the output: ${sanitizeInline((err as Error).message)}`, 'error');
        }
      },
      toggleTimeMode: () => setTimeMode((m) => (m === 'relative' ? 'absolute' : 'relative')),
      refresh: () => {
        poller.refreshNow();
        showFlash('refreshing…', 'info', true);
      },
      stop,
      rerun,
      copyIds: (invokeId, ids) => {
        if (!copyIds) return showFlash('copying ids is not available here', 'error');
        if (ids.length === 0) return showFlash('no instance ids to copy here');
        try {
          showFlash(copiedText(copyIds(invokeId, ids)));
        } catch (err) {
          showFlash(`could not write the ids: ${sanitizeInline((err as Error).message)}`, 'error');
        }
      },
    }),
    [poller, quit, showFlash, clearFlash, openRoute, backRoute, pushOverlay, saveOutput, stop, rerun, copyIds, commandPrompt],
  );

  const view = useMemo<UiView>(() => ({ timeMode, clock, readOnly }), [timeMode, clock, readOnly]);

  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // A frame as tall as the terminal makes Ink clear the scrollback on every update.
  const height = Math.max(1, rows - 1);
  const width = columns;
  const { top: overlay, covering } = overlays;

  const pollError = useFooterError(store);
  const message: FooterMessage | undefined = flash.shown ?? pollError;
  const messageLines = footerMessageLines(message, width, height);
  const bodyHeight = Math.max(3, height - HEADER_HEIGHT - messageLines.length - 1);
  // The split's output pane has the keys: the output screen's hints, as its keys are.
  const paneKeys = routeContext(nav.top) === 'invocation' && split.shown !== 'off' && split.focus === 'output';
  const hints = (paneKeys ? ROUTES.output.hints : routeHints(nav.top)).filter((a) => !(readOnly && WRITE_ACTIONS.has(a)));

  return (
    <UiActionsContext.Provider value={actions}>
      <UiViewContext.Provider value={view}>
        <Box flexDirection="column" width={width} height={height}>
          {tooSmall ? <TooSmall columns={columns} rows={rows} onQuit={quit} /> : null}
          <Box flexDirection="column" display={tooSmall ? 'none' : 'flex'} width={width} height={height}>
            <Header info={header} demo={demo} store={store} clock={clock} width={width} />
            <Box flexDirection="column" height={bodyHeight} width={width}>
              {nav.stack.map((route, i) => {
                const shown = i === nav.stack.length - 1 && !covering;
                const active = shown && !overlay && !tooSmall;
                return (
                  <Box key={routeKey(route)} display={shown ? 'flex' : 'none'} flexDirection="column">
                    {renderRoute(route, { store, poller, active, width, height: bodyHeight })}
                  </Box>
                );
              })}
              {overlays.list.map((o, i) =>
                o.kind === 'prompt' ? null : (
                  <Box key={i} display={o === covering ? 'flex' : 'none'} flexDirection="column">
                    <OverlayView
                      overlay={o}
                      store={store}
                      width={width}
                      height={bodyHeight}
                      active={o === overlay && !tooSmall}
                      onClose={overlays.close}
                      onQuit={quit}
                      helpNote={routeContext(nav.top) === 'invocation' ? splitHelpNote(split) : undefined}
                    />
                  </Box>
                ),
              )}
            </Box>
            <Footer width={width} lines={messageLines} tone={message?.tone} hints={footerHints(paneKeys ? 'output' : routeContext(nav.top), hints)}>
              {overlay?.kind === 'prompt' ? (
                <FilterPrompt
                  {...overlay.request}
                  onClose={overlays.close}
                  onQuit={quit}
                  active={!tooSmall}
                />
              ) : undefined}
            </Footer>
          </Box>
        </Box>
      </UiViewContext.Provider>
    </UiActionsContext.Provider>
  );
}

interface OverlayViewProps {
  overlay: Exclude<Overlay, { kind: 'prompt' }>;
  store: Store;
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
  onQuit: () => void;
  /** The help's line on what has the keys (the split's focused pane). */
  helpNote?: string;
}

/** One overlay over the body: help, command content or a confirm (which closes before it answers). */
function OverlayView({ overlay: o, store, width, height, active, onClose, onQuit, helpNote }: OverlayViewProps) {
  switch (o.kind) {
    case 'help':
      return <HelpOverlay width={width} height={height} active={active} onClose={onClose} onQuit={onQuit} note={helpNote} />;
    case 'content':
      return <ContentOverlay store={store} invokeId={o.invokeId} width={width} height={height} active={active} onClose={onClose} />;
    case 'confirm':
      return (
        <ConfirmDialog
          title={o.title}
          lines={o.lines}
          width={width}
          active={active}
          onYes={() => {
            onClose();
            o.onYes();
          }}
          onNo={() => {
            onClose();
            o.onNo?.();
          }}
          onQuit={onQuit}
        />
      );
  }
}

/** The poller's current error, for the footer's message line. */
function useFooterError(store: Store): FooterMessage | undefined {
  const text = usePollError(store);
  return useMemo(() => (text === undefined ? undefined : { text, tone: 'error' }), [text]);
}
