// Keyboard input through the keymap table. One Ink `useInput` at the root (useKeyRouter) turns
// each chunk into key tokens and hands them, in order, to the one active context; contexts
// (screens, overlays) register with useKeymap. Registration happens in a layout effect, in the
// same commit that draws the frame, so a key sent right after a frame shows a prompt reaches
// that prompt (passive effects, and so Ink's own `isActive`, can still be pending then).
// When a handler switches context (opens a screen or an overlay), the rest of the chunk waits
// for the next context to register: a fast "jj\rj" moves twice, opens, then moves in the new screen.
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';
import { keyTokens, resolveAction, type ActionId, type KeyContext } from '../keymap.js';

/** Return true when the action moved input to another context. */
export type ActionHandler = (action: ActionId, token: string) => boolean | void;
/** Tokens with no binding in this context (text typed into a prompt). Return true as above. */
export type TextHandler = (token: string) => boolean | void;

interface Receiver {
  /** Returns true when input moved to another context. */
  take(token: string): boolean;
}

export interface KeyRouter {
  receivers: Receiver[];
  /** Tokens waiting for the next context to become active. */
  pending: string[];
}

export const KeyRouterContext = createContext<KeyRouter | null>(null);

function route(router: KeyRouter, tokens: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const receiver = router.receivers[router.receivers.length - 1];
    if (!receiver || receiver.take(tokens[i])) {
      router.pending.push(...tokens.slice(receiver ? i + 1 : i));
      return;
    }
  }
}

/** The root's single input listener; provide the router it returns through KeyRouterContext. */
export function useKeyRouter(): KeyRouter {
  const router = useRef<KeyRouter>({ receivers: [], pending: [] }).current;
  const onInput = useCallback((input: string, key: Key) => route(router, keyTokens(input, key)), [router]);
  useInput(onInput);
  return router;
}

export function useKeymap(
  context: KeyContext,
  onAction: ActionHandler,
  options: { isActive?: boolean; onText?: TextHandler } = {},
): void {
  const isActive = options.isActive ?? true;
  const router = useContext(KeyRouterContext);
  const handlers = useRef({ context, onAction, onText: options.onText });
  handlers.current = { context, onAction, onText: options.onText };
  const receiver = useRef<Receiver>({
    take(token) {
      const h = handlers.current;
      const action = resolveAction(h.context, token);
      return Boolean(action ? h.onAction(action, token) : h.onText?.(token));
    },
  }).current;

  useLayoutEffect(() => {
    if (!isActive || !router) return;
    router.receivers.push(receiver);
    if (router.pending.length > 0) route(router, router.pending.splice(0));
    return () => {
      const at = router.receivers.lastIndexOf(receiver);
      if (at >= 0) router.receivers.splice(at, 1);
    };
  }, [isActive, router, receiver]);
}
