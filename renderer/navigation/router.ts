import { useSyncExternalStore } from 'react';
// type only: screens import this file, so it must not load the screen list at run time
import type { ScreenPath } from './screens.js';

export interface Route {
  /** The screen's path as the URL has it; screenAt() turns it into a screen. */
  path: string;
  params: URLSearchParams;
}

let cachedHash = '';
let cachedRoute: Route = parse('');

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path, params: new URLSearchParams(query) };
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

export function navigate(screen: ScreenPath, params?: Record<string, string>): void {
  const query = params ? new URLSearchParams(params).toString() : '';
  location.hash = `#/${screen}${query ? `?${query}` : ''}`;
}
