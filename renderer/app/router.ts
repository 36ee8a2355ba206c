import { useSyncExternalStore } from 'react';

export type ScreenId = 'overview' | 'containers' | 'mcp' | 'dashboards' | 'logs';

const screens: ScreenId[] = ['overview', 'containers', 'mcp', 'dashboards', 'logs'];

export interface Route {
  screen: ScreenId;
  params: URLSearchParams;
}

let cachedHash = '';
let cachedRoute: Route = parse('');

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (screens as string[]).includes(path) ? (path as ScreenId) : 'overview';
  return { screen, params: new URLSearchParams(query) };
}

function current(): Route {
  if (location.hash !== cachedHash) {
    cachedHash = location.hash;
    cachedRoute = parse(cachedHash);
  }
  return cachedRoute;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** Hash routes (`#/logs?source=mcp:postgres`) work the same from file:// in Electron and http:// in a browser. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, current);
}

export function navigate(screen: ScreenId, params?: Record<string, string>): void {
  const query = params ? new URLSearchParams(params).toString() : '';
  location.hash = `#/${screen}${query ? `?${query}` : ''}`;
}
