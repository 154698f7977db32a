// From route to screen: which component draws it, its key context and its footer hints. A new
// screen is a Route case in context.ts and a row here.
import React, { type ReactNode } from 'react';
import type { Store } from '../store/types.js';
import type { Route } from './context.js';
import type { UiPoller } from './intents.js';
import type { ActionId, KeyContext } from './keymap.js';
import { InvocationScreen } from './screens/InvocationScreen.js';
import { InvocationsScreen } from './screens/InvocationsScreen.js';
import { OutputScreen } from './screens/OutputScreen.js';
import { RunsScreen } from './screens/RunsScreen.js';

export interface ScreenProps {
  store: Store;
  poller: UiPoller;
  active: boolean;
  width: number;
  height: number;
}

interface RouteEntry<R extends Route> {
  /** Identity of the mounted screen: one per invocation or instance shown. */
  key(route: R): string;
  context: KeyContext;
  hints: readonly ActionId[];
  render(route: R, props: ScreenProps): ReactNode;
}

type RouteTable = { [S in Route['screen']]: RouteEntry<Extract<Route, { screen: S }>> };

export const ROUTES: RouteTable = {
  invocations: {
    key: () => 'invocations',
    context: 'invocations',
    hints: ['open', 'filter', 'statusFilter', 'command', 'content', 'stop', 'refresh', 'help', 'quit'],
    render: (_route, props) => <InvocationsScreen {...props} />,
  },
  invocation: {
    key: (r) => `invocation/${r.invokeId}`,
    context: 'invocation',
    hints: ['open', 'back', 'filter', 'statusFilter', 'groups', 'content', 'stop', 'rerun', 'help', 'quit'],
    render: (r, props) => <InvocationScreen {...props} invokeId={r.invokeId} />,
  },
  output: {
    key: (r) => `output/${r.invokeId}/${r.instanceId}`,
    context: 'output',
    hints: ['back', 'follow', 'wrap', 'search', 'raw', 'save', 'nextInstance', 'prevInstance', 'help', 'quit'],
    render: (r, props) => <OutputScreen {...props} invokeId={r.invokeId} instanceId={r.instanceId} order={r.order} onShown={r.shown} />,
  },
  runs: {
    key: (r) => `runs/${r.invokeId}`,
    context: 'runs',
    hints: ['open', 'older', 'newer', 'back', 'help', 'quit'],
    render: (r, props) => <RunsScreen {...props} invokeId={r.invokeId} />,
  },
};

function entry(route: Route): RouteEntry<Route> {
  return ROUTES[route.screen] as RouteEntry<Route>;
}

export const routeKey = (route: Route): string => entry(route).key(route);
export const routeContext = (route: Route): KeyContext => entry(route).context;
export const routeHints = (route: Route): readonly ActionId[] => entry(route).hints;
export const renderRoute = (route: Route, props: ScreenProps): ReactNode => entry(route).render(route, props);
