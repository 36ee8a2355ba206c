import { shellScreens } from './shellScreens.js';

/** switchboard://mcp/postgres opens the MCP screen on server postgres; the OS hands such links to the app. */
export const linkScheme = 'switchboard';

/** Names as the stack file allows them (letters, digits, "." "_" "-"), and container names as Docker does. */
const itemName = /^[A-Za-z0-9][\w.-]{0,199}$/;
const logSource = /^(?:switchboard|(?:mcp|container|probe|cache):[A-Za-z0-9][\w.-]{0,199})$/;
const maxLinkLength = 512;

/**
 * The screen route (`#/mcp?server=postgres`) a switchboard:// link opens, or
 * undefined for anything else. Strict, because any web page or program can
 * hand the OS such a link: only these shapes, nothing else in them (no user,
 * port, query or fragment), names checked against the stack file's rules,
 * and a link only ever shows a screen — it never acts.
 *
 *   switchboard://<screen>                 overview, containers, mcp, dashboards, logs
 *   switchboard://mcp/<server>             the MCP screen with that server selected
 *   switchboard://logs/<source>            the log view filtered to mcp:x, container:x, probe:x, cache:x or switchboard
 */
export function routeOfLink(link: string): string | undefined {
  if (link.length > maxLinkLength) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${linkScheme}:` || url.username || url.password || url.port || url.search || url.hash) return undefined;
  const screen = url.hostname.toLowerCase();
  if (!shellScreens.some((s) => s.path === screen)) return undefined;
  const segments = url.pathname === '' || url.pathname === '/' ? [] : url.pathname.slice(1).split('/');
  if (segments.length === 0) return `#/${screen}`;
  if (segments.length !== 1) return undefined;
  let item: string;
  try {
    item = decodeURIComponent(segments[0]!);
  } catch {
    return undefined;
  }
  if (screen === 'mcp' && itemName.test(item)) return `#/mcp?${new URLSearchParams({ server: item })}`;
  if (screen === 'logs' && logSource.test(item)) return `#/logs?${new URLSearchParams({ source: item })}`;
  return undefined;
}

/** The route of the first switchboard:// link in a command line (Windows and Linux pass links as an argument). */
export function routeInArgv(argv: readonly string[]): string | undefined {
  const link = argv.find((arg) => arg.toLowerCase().startsWith(`${linkScheme}:`));
  return link === undefined ? undefined : routeOfLink(link);
}
