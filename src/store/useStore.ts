// The one way views read the store: a selector over useSyncExternalStore, with an equality
// function so a view re-renders only when what it shows changed.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Store, StoreState } from './types.js';

export function useStoreSelector<T>(
  store: Store,
  selector: (s: StoreState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  // Cache per snapshot: getSnapshot must return the same value while the store did not change,
  // and an equal selection must keep the previous object so React bails out.
  const cache = useRef<{ state: StoreState; selector: (s: StoreState) => T; value: T } | null>(null);
  const getSnapshot = useCallback((): T => {
    const state = store.getState();
    const hit = cache.current;
    if (hit && hit.state === state && hit.selector === selector) return hit.value;
    const value = selector(state);
    if (hit && isEqual(hit.value, value)) {
      cache.current = { state, selector, value: hit.value };
      return hit.value;
    }
    cache.current = { state, selector, value };
    return value;
  }, [store, selector, isEqual]);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Shallow equality of arrays or plain objects, for selectors that build small collections. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => Object.is(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A selection read once, now, for an event handler (a key press), not for rendering: what the
 * view renders comes from useStoreSelector, so it re-renders when the selection changes.
 */
export function readNow<T>(store: Store, selector: (s: StoreState) => T): T {
  return selector(store.getState());
}

/**
 * Calls `onChange` with the selection now and whenever it changes, without rendering: for effects
 * that end something (a flash that lasts as long as a tick) rather than for what is drawn.
 */
export function watchStore<T>(store: Store, selector: (s: StoreState) => T, onChange: (value: T) => void): () => void {
  let last = selector(store.getState());
  onChange(last);
  return store.subscribe(() => {
    const value = selector(store.getState());
    if (Object.is(value, last)) return;
    last = value;
    onChange(value);
  });
}
