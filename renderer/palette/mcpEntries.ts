import type { McpServerState, McpState } from '../../shared/contract/mcp.js';
import { sourceId } from '../../shared/sourceId.js';
import { formatElapsed } from '../../shared/elapsed.js';
import { serverActions, type ServerAction } from '../mcp/serverStatus.js';
import type { PaletteEntry } from './paletteEntry.js';

const labels: Record<ServerAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };
const shortcuts: Record<ServerAction, string> = { start: 'row.startStop', stop: 'row.startStop', restart: 'row.restart' };

/** One server's entries: what its state offers (serverActions decides, as on its row), selfcheck, details and logs. */
function entriesOf(s: McpServerState): PaletteEntry[] {
  const detail = `MCP server · ${s.status}`;
  const keywords = 'mcp server';
  const entries = serverActions(s.status).map<PaletteEntry>((action) => ({
    id: `mcp.${action}:${s.name}`,
    label: `${labels[action]} ${s.name}`,
    keywords,
    detail,
    shortcut: shortcuts[action],
    run: async (acts) => {
      const after = await acts.call(`mcp.${action}`, { name: s.name });
      return `now ${after.status}`;
    },
  }));
  if (s.hasSelfcheck) {
    entries.push({
      id: `mcp.selfcheck:${s.name}`,
      label: `Selfcheck ${s.name}`,
      keywords,
      detail,
      run: async (acts) => {
        const r = await acts.call('mcp.selfcheck', { name: s.name });
        const how = r.timedOut ? 'timed out' : r.ok ? 'passed' : `failed (${r.signal ?? `exit ${r.exitCode}`})`;
        return `selfcheck of ${s.name} ${how} in ${formatElapsed(r.durationMs)}`;
      },
    });
  }
  entries.push(
    { id: `mcp.show:${s.name}`, label: `Show ${s.name}`, keywords: `${keywords} details tools`, detail, shortcut: 'row.open', run: (acts) => acts.navigate('mcp', { server: s.name }) },
    { id: `mcp.logs:${s.name}`, label: `Open logs of ${s.name}`, keywords, detail, shortcut: 'row.logs', run: (acts) => acts.navigate('logs', { source: sourceId.mcp(s.name) }) },
  );
  return entries;
}

/** Every action on every MCP server the mcp topic shows. */
export function mcpEntries(state: McpState | undefined): PaletteEntry[] {
  return (state?.servers ?? []).flatMap(entriesOf);
}
