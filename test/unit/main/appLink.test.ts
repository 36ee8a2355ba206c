import { describe, expect, it } from 'vitest';
import { routeInArgv, routeOfLink } from '../../../electron/main/appLink.js';

describe('switchboard:// links', () => {
  it.each([
    ['switchboard://mcp/postgres', '#/mcp?server=postgres'],
    ['switchboard://mcp/search-index', '#/mcp?server=search-index'],
    ['switchboard://MCP/postgres', '#/mcp?server=postgres'],
    ['switchboard://mcp/my.server_2', '#/mcp?server=my.server_2'],
    ['switchboard://logs/container:sutazai-redis', '#/logs?source=container%3Asutazai-redis'],
    ['switchboard://logs/mcp%3Apostgres', '#/logs?source=mcp%3Apostgres'],
    ['switchboard://logs/switchboard', '#/logs?source=switchboard'],
    ['switchboard://overview', '#/overview'],
    ['switchboard://containers/', '#/containers'],
    ['switchboard://dashboards', '#/dashboards'],
  ])('%s opens %s', (link, route) => {
    expect(routeOfLink(link)).toBe(route);
  });

  it.each([
    ['another scheme', 'https://mcp/postgres'],
    ['a look-alike scheme', 'switchboardx://mcp/postgres'],
    ['an unknown screen', 'switchboard://settings'],
    ['an item on a screen that takes none', 'switchboard://overview/postgres'],
    ['a second path segment', 'switchboard://mcp/postgres/restart'],
    ['a traversal', 'switchboard://mcp/..%2F..%2Fetc'],
    ['an encoded slash', 'switchboard://mcp/a%2Fb'],
    ['a name starting with a dot', 'switchboard://mcp/.hidden'],
    ['a name with spaces', 'switchboard://mcp/my%20server'],
    ['a name with a quote', "switchboard://mcp/a'b"],
    ['a NUL', 'switchboard://mcp/a%00b'],
    ['bad percent-encoding', 'switchboard://mcp/%E0%A4%A'],
    ['a query (an action would hide there)', 'switchboard://mcp/postgres?action=restart'],
    ['a fragment', 'switchboard://mcp/postgres#x'],
    ['user info', 'switchboard://user:pw@mcp/postgres'],
    ['a port', 'switchboard://mcp:80/postgres'],
    ['a log source of an unknown kind', 'switchboard://logs/file:/etc/passwd'],
    ['a log source without a name', 'switchboard://logs/mcp:'],
    ['an empty item', 'switchboard://mcp//'],
    ['no host at all', 'switchboard:mcp/postgres'],
    ['a name over 200 characters', `switchboard://mcp/${'a'.repeat(201)}`],
    ['a link over 512 characters', `switchboard://logs/mcp:${'a'.repeat(600)}`],
    ['not a URL', 'mcp/postgres'],
  ])('refuses %s', (_why, link) => {
    expect(routeOfLink(link)).toBeUndefined();
  });

  it('finds the link in a second launch\'s command line, wherever the OS put it', () => {
    expect(routeInArgv(['/opt/Switchboard/switchboard', '--no-sandbox', 'switchboard://mcp/postgres'])).toBe('#/mcp?server=postgres');
    expect(routeInArgv(['C:\\Switchboard.exe', '--allow-file-access-from-files', 'SWITCHBOARD://mcp/postgres'])).toBe('#/mcp?server=postgres');
    expect(routeInArgv(['/opt/Switchboard/switchboard', '--config', 'stack.yaml'])).toBeUndefined();
    expect(routeInArgv(['/opt/Switchboard/switchboard', 'switchboard://mcp/a%2Fb'])).toBeUndefined();
  });
});
