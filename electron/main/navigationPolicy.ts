import { isAppPage } from './appProtocol.js';

/** The window may only (re)load our own page (screens change by #route); no frame inside it may navigate at all. */
export function mayNavigate(url: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppPage(url);
}

/**
 * A link the page wants opened in a new window goes to the user's browser if
 * it is plain http(s) without user info; anything else (file:, smb:, custom
 * schemes that launch programs) is dropped. Returns the URL to open, or undefined.
 */
export function externalLinkToOpen(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed.href;
}
