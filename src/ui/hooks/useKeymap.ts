// Input for one key context: splits each `useInput` chunk into key tokens, resolves each through
// the keymap table and calls `onAction` in order. When a handler switches context (opens a
// screen or an overlay), the rest of the chunk is queued for whichever context becomes active,
// so a fast "jjl" followed by "j" reaches the right screen.
import { createContext, useCallback, useContext, useEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';
import { keyTokens, resolveAction, type ActionId, type KeyContext } from '../keymap.js';

/** Return true when the action moved input to another context. */
export type ActionHandler = (action: ActionId, token: string) => boolean | void;
/** Tokens with no binding in this context (text typed into a prompt). Return true as above. */
export type TextHandler = (token: string) => boolean | void;

export interface InputQueue {
  pending: string[];
}

export const InputQueueContext = createContext<InputQueue>({ pending: [] });

export function useKeymap(
  context: KeyContext,
  onAction: ActionHandler,
  options: { isActive?: boolean; onText?: TextHandler } = {},
): void {
  const isActive = options.isActive ?? true;
  const queue = useContext(InputQueueContext);
  const handlers = useRef({ onAction, onText: options.onText });
  handlers.current = { onAction, onText: options.onText };

  const dispatch = useCallback(
    (tokens: string[]) => {
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const action = resolveAction(context, token);
        const switched = action
          ? handlers.current.onAction(action, token)
          : handlers.current.onText?.(token);
        if (switched) {
          queue.pending.push(...tokens.slice(i + 1));
          return;
        }
      }
    },
    [context, queue],
  );

  const onInput = useCallback((input: string, key: Key) => dispatch(keyTokens(input, key)), [dispatch]);
  useInput(onInput, { isActive });

  // Keys that arrived for the previous context in the same chunk.
  useEffect(() => {
    if (!isActive || queue.pending.length === 0) return;
    dispatch(queue.pending.splice(0));
  }, [isActive, queue, dispatch]);
}
