// The stack of screens: open pushes, back pops (never below the list). Screens stay mounted under
// the one on top, so going back finds the cursor where it was.
import { useCallback, useRef, useState } from 'react';
import type { Route } from '../context.js';
import { routeKey } from '../routes.js';

export interface Navigation {
  stack: readonly Route[];
  top: Route;
  /** Key of the screen on top, current even in callbacks made before it changed. */
  topKey: { readonly current: string };
  open(route: Route): void;
  back(): void;
}

export function useNavigation(): Navigation {
  const [stack, setStack] = useState<Route[]>([{ screen: 'invocations' }]);
  const topKey = useRef('invocations');
  const top = stack[stack.length - 1];
  topKey.current = routeKey(top);
  const open = useCallback((route: Route) => setStack((s) => [...s, route]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  return { stack, top, topKey, open, back };
}
