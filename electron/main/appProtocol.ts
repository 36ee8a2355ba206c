import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { contentTypes } from '../transport/staticFiles.js';

/** The renderer's own origin. A custom scheme instead of file:// keeps 'self', storage and IPC checks to our files alone. */
export const appScheme = 'app';
export const appHost = 'switchboard';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * Standard (real origin, relative URLs resolve), secure (a secure context, like https), fetch for
 * same-origin assets. Not corsEnabled, not bypassCSP, no service workers: nothing reads it cross-origin.
 */
export const appSchemeRegistration: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** The path of a URL on our origin, or undefined for any other origin (other scheme, host, port or user info). */
export function appUrlPath(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost || parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed.pathname;
}

/** True for our one page, whatever its #route: the only document that may talk to main or be navigated to. */
export function isAppPage(url: string): boolean {
  return appUrlPath(url) === '/index.html';
}

export type RendererFile = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * Maps an app:// URL to a file inside the built renderer folder. Decodes once, then refuses any
 * `..` segment, backslash or NUL (so %2e%2e and %2f tricks fail too), and checks the result is
 * still under the folder.
 */
export function resolveRendererFile(url: string, rendererDir: string): RendererFile {
  const pathname = appUrlPath(url);
  if (pathname === undefined) return { ok: false, status: 404, reason: `${url} is not on ${appOrigin}` };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) {
    return { ok: false, status: 404, reason: 'path leaves the renderer folder' };
  }
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return { ok: false, status: 404, reason: 'path leaves the renderer folder' };
  return { ok: true, file, contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
