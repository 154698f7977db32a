// The live monitor: header, a stack of screens (Invocations -> Invocation -> Output) with
// overlays (help, filter/search prompt, confirm, command content), footer. Screens stay mounted
// under whatever covers them, so going back, closing an overlay or a resize through "too small"
// finds the cursor where it was.
import React, { Component, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box } from 'ink';
import type { Clock, ClockTimer } from '../clock.js';
import type { Store } from '../store/types.js';
import { useStoreSelector } from '../store/useStore.js';
import { selectInvocation } from '../store/selectors.js';
import { isFinalInstance, isFinalInvocation } from '../api/status.js';
import { sanitizeInline } from '../text/index.js';
import {
  UiActionsContext,
  UiViewContext,
  type FlashTone,
  type PromptRequest,
  type Route,
  type UiActions,
  type UiView,
} from './context.js';
import { errorText, selectPollError } from './errorText.js';
import type { TimeMode } from './format.js';
import { KeyRouterContext, useKeyRouter } from './hooks/useKeymap.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { UiPoller } from './intents.js';
import { footerHints, type ActionId, type KeyContext } from './keymap.js';
import { ContentOverlay } from './screens/ContentOverlay.js';
import { InvocationScreen } from './screens/InvocationScreen.js';
import { InvocationsScreen } from './screens/InvocationsScreen.js';
import { OutputScreen } from './screens/OutputScreen.js';
import { RunsScreen } from './screens/RunsScreen.js';
import { ThemeContext, createTheme, type Background } from './theme.js';
import { ConfirmDialog } from './widgets/ConfirmDialog.js';
import { FilterPrompt } from './widgets/FilterPrompt.js';
import { Footer, footerMessageLines, type FooterMessage } from './widgets/Footer.js';
import { Header, HEADER_HEIGHT, type HeaderInfo } from './widgets/Header.js';
import { HelpOverlay } from './widgets/HelpOverlay.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from './widgets/TooSmall.js';

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
  /** Where `e` saves output (default: the current directory). */
  saveDir?: string;
}

type Overlay =
  | { kind: 'help' }
  | { kind: 'content'; invokeId: string }
  | { kind: 'confirm'; title: string; lines: string[]; onYes: () => void }
  | { kind: 'prompt'; request: PromptRequest };

const FLASH_MS = 8000;

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
  return (
    <ThemeContext.Provider value={theme}>
      <KeyRouterContext.Provider value={router}>
        <FatalBoundary onFatal={props.onFatal}>
          <Shell {...props} />
        </FatalBoundary>
      </KeyRouterContext.Provider>
    </ThemeContext.Provider>
  );
}

const HINTS: Record<Route['screen'], ActionId[]> = {
  invocations: ['open', 'filter', 'statusFilter', 'content', 'stop', 'refresh', 'help', 'quit'],
  invocation: ['open', 'back', 'filter', 'statusFilter', 'groups', 'content', 'stop', 'help', 'quit'],
  output: ['back', 'follow', 'wrap', 'search', 'raw', 'save', 'help', 'quit'],
  runs: ['open', 'older', 'newer', 'back', 'help', 'quit'],
};

function routeKey(route: Route): string {
  switch (route.screen) {
    case 'invocations':
      return 'invocations';
    case 'invocation':
      return `invocation/${route.invokeId}`;
    case 'output':
      return `output/${route.invokeId}/${route.instanceId}`;
    case 'runs':
      return `runs/${route.invokeId}`;
  }
}

/** A flash belongs to the screen that made it; `untilIdle` ends it with the tick it announces. */
interface Flash extends FooterMessage {
  id: number;
  owner: string;
  untilIdle?: boolean;
}

function Shell({ store, poller, clock, header, demo, readOnly, onExit, saveDir }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const [stack, setStack] = useState<Route[]>([{ screen: 'invocations' }]);
  // Overlays stack: help over command content, a search prompt over command content.
  const [overlays, setOverlays] = useState<Overlay[]>([]);
  const pushOverlay = useCallback((o: Overlay) => setOverlays((list) => [...list, o]), []);
  const [timeMode, setTimeMode] = useState<TimeMode>('relative');
  const [flash, setFlash] = useState<Flash | null>(null);
  const topKey = useRef('invocations');
  const flashTimer = useRef<ClockTimer | null>(null);
  const flashId = useRef(0);
  const exited = useRef(false);

  const quit = useCallback(() => {
    if (exited.current) return;
    exited.current = true;
    onExit(0);
  }, [onExit]);

  const showFlash = useCallback(
    (text: string, tone: FlashTone = 'info', untilIdle = false, owner = topKey.current) => {
      const id = ++flashId.current;
      setFlash({ text, tone, id, owner, untilIdle });
      if (flashTimer.current) clock.clearTimeout(flashTimer.current);
      flashTimer.current = clock.setTimeout(() => setFlash((f) => (f?.id === id ? null : f)), FLASH_MS);
    },
    [clock],
  );

  const actions = useMemo<UiActions>(
    () => ({
      open: (route) => {
        setFlash(null);
        setStack((s) => [...s, route]);
      },
      back: () => {
        setFlash(null);
        setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
      },
      quit,
      help: () => pushOverlay({ kind: 'help' }),
      prompt: (request) => pushOverlay({ kind: 'prompt', request }),
      showContent: (invokeId) => pushOverlay({ kind: 'content', invokeId }),
      flash: showFlash,
      toggleTimeMode: () => setTimeMode((m) => (m === 'relative' ? 'absolute' : 'relative')),
      refresh: () => {
        poller.refreshNow();
        showFlash('refreshing…', 'info', true);
      },
      stop: (invokeId, instanceIds) => {
        if (readOnly) {
          showFlash('read-only mode: stopping invocations is disabled (started with --read-only)', 'error');
          return;
        }
        const inv = selectInvocation(store.getState(), invokeId);
        const ended = instanceIds?.length
          ? inv?.instances.find((i) => instanceIds.includes(i.instanceId) && isFinalInstance(i.invocationStatus))
          : undefined;
        if (ended || (inv && !instanceIds?.length && isFinalInvocation(inv.invocationStatus))) {
          const what = ended ? `${sanitizeInline(ended.instanceId)} of ${invokeId}` : invokeId;
          showFlash(`${what} has already ended (${ended?.invocationStatus ?? inv?.invocationStatus}): nothing to stop`);
          return;
        }
        const target = instanceIds?.length
          ? instanceIds.length > 3
            ? `on ${instanceIds.length} marked instances (${instanceIds.slice(0, 2).map(sanitizeInline).join(', ')}, …)`
            : `on ${instanceIds.map(sanitizeInline).join(', ')}`
          : `on all its instances (${inv?.instances.length ?? 0})`;
        pushOverlay({
          kind: 'confirm',
          title: `Stop invocation ${invokeId}?`,
          lines: [
            `${sanitizeInline(inv?.commandName ?? inv?.commandId ?? '')} ${target}`.trim(),
            'StopInvocation ends what is running; scheduled runs stop too.',
          ],
          onYes: () => {
            // The answer belongs to the screen that asked, even if the user has moved on.
            const owner = topKey.current;
            showFlash(`stopping ${invokeId}…`);
            poller.stopInvocation(invokeId, instanceIds).then(
              () => showFlash(`stop requested for ${invokeId}`, 'info', false, owner),
              (err: unknown) => showFlash(`stop failed: ${errorText(err)}`, 'error', false, owner),
            );
          },
        });
      },
    }),
    [poller, quit, readOnly, showFlash, store, pushOverlay],
  );

  const view = useMemo<UiView>(() => ({ timeMode, clock, readOnly }), [timeMode, clock, readOnly]);

  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // A frame as tall as the terminal makes Ink clear the scrollback on every update.
  const height = Math.max(1, rows - 1);
  const width = columns;
  const top = stack[stack.length - 1];
  topKey.current = routeKey(top);
  const overlay = overlays.length ? overlays[overlays.length - 1] : null;
  // What covers the screen: the top overlay that is not the (footer) prompt.
  const covering = [...overlays].reverse().find((o) => o.kind !== 'prompt') ?? null;
  const closeOverlay = () => setOverlays((list) => list.slice(0, -1));

  const pollError = useFooterError(store);
  const ownFlash = flash && flash.owner === topKey.current ? flash : null;
  const message: FooterMessage | undefined = ownFlash ?? pollError;
  const messageLines = footerMessageLines(message, width, height);
  const bodyHeight = Math.max(3, height - HEADER_HEIGHT - messageLines.length - 1);
  const context: KeyContext = top.screen;
  const hints = HINTS[top.screen].filter((a) => !(readOnly && a === 'stop'));

  // `refreshing…` lasts as long as the tick it announced (none in flight: it is over).
  const untilIdle = flash?.untilIdle ? flash.id : undefined;
  useEffect(() => {
    if (untilIdle === undefined) return;
    const check = () => {
      if (!store.getState().poll.inFlight) setFlash((f) => (f?.id === untilIdle ? null : f));
    };
    const unsubscribe = store.subscribe(check);
    check();
    return unsubscribe;
  }, [store, untilIdle]);

  return (
    <UiActionsContext.Provider value={actions}>
      <UiViewContext.Provider value={view}>
        <Box flexDirection="column" width={width} height={height}>
          {tooSmall ? <TooSmall columns={columns} rows={rows} onQuit={quit} /> : null}
          <Box flexDirection="column" display={tooSmall ? 'none' : 'flex'} width={width} height={height}>
            <Header info={header} demo={demo} store={store} clock={clock} width={width} />
            <Box flexDirection="column" height={bodyHeight} width={width}>
              {stack.map((route, i) => {
                const shown = i === stack.length - 1 && !covering;
                const active = shown && !overlay && !tooSmall;
                return (
                  <Box key={routeKey(route)} display={shown ? 'flex' : 'none'} flexDirection="column">
                    {route.screen === 'invocations' ? (
                      <InvocationsScreen store={store} poller={poller} active={active} width={width} height={bodyHeight} />
                    ) : route.screen === 'runs' ? (
                      <RunsScreen store={store} poller={poller} invokeId={route.invokeId} active={active} width={width} height={bodyHeight} />
                    ) : route.screen === 'invocation' ? (
                      <InvocationScreen
                        store={store}
                        poller={poller}
                        invokeId={route.invokeId}
                        active={active}
                        width={width}
                        height={bodyHeight}
                      />
                    ) : (
                      <OutputScreen
                        store={store}
                        poller={poller}
                        invokeId={route.invokeId}
                        instanceId={route.instanceId}
                        active={active}
                        width={width}
                        height={bodyHeight}
                        saveDir={saveDir}
                      />
                    )}
                  </Box>
                );
              })}
              {overlays.map((o, i) => {
                if (o.kind === 'prompt') return null;
                const isTop = o === overlay && !tooSmall;
                return (
                  <Box key={i} display={o === covering ? 'flex' : 'none'} flexDirection="column">
                    {o.kind === 'help' ? (
                      <HelpOverlay width={width} height={bodyHeight} active={isTop} onClose={closeOverlay} onQuit={quit} />
                    ) : o.kind === 'content' ? (
                      <ContentOverlay
                        store={store}
                        invokeId={o.invokeId}
                        width={width}
                        height={bodyHeight}
                        active={isTop}
                        onClose={closeOverlay}
                      />
                    ) : (
                      <ConfirmDialog
                        title={o.title}
                        lines={o.lines}
                        width={width}
                        active={isTop}
                        onYes={() => {
                          closeOverlay();
                          o.onYes();
                        }}
                        onNo={() => {
                          closeOverlay();
                          showFlash('not stopped');
                        }}
                        onQuit={quit}
                      />
                    )}
                  </Box>
                );
              })}
            </Box>
            <Footer width={width} lines={messageLines} tone={message?.tone} hints={footerHints(context, hints)}>
              {overlay?.kind === 'prompt' ? (
                <FilterPrompt
                  label={overlay.request.label}
                  initial={overlay.request.initial}
                  onChange={overlay.request.onChange}
                  onClose={closeOverlay}
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

/** The poller's current error, for the footer's message line. */
function useFooterError(store: Store): FooterMessage | undefined {
  const text = useStoreSelector(store, selectPollError);
  return useMemo(() => (text === undefined ? undefined : { text, tone: 'error' }), [text]);
}
