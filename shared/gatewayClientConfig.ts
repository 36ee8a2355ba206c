/** The MCP clients whose config the MCP screen can copy for a gateway endpoint. */
export const gatewayClients = [
  { id: 'claude-code', label: 'Claude Code' },
  { id: 'cursor', label: 'Cursor' },
  { id: 'vscode', label: 'VS Code' },
] as const;
export type GatewayClient = (typeof gatewayClients)[number]['id'];

/**
 * What to paste into a client to reach one gateway endpoint over HTTP with
 * the bearer token: Claude Code's `claude mcp add` line, Cursor's
 * mcp.json entry, VS Code's .vscode/mcp.json entry.
 */
export function gatewayClientConfig(client: GatewayClient, name: string, url: string, token: string): string {
  const headers = { Authorization: `Bearer ${token}` };
  switch (client) {
    case 'claude-code':
      return `claude mcp add --transport http ${shellWord(name)} ${shellWord(url)} --header ${shellWord(`Authorization: Bearer ${token}`)}`;
    case 'cursor':
      return JSON.stringify({ mcpServers: { [name]: { url, headers } } }, null, 2);
    case 'vscode':
      return JSON.stringify({ servers: { [name]: { type: 'http', url, headers } } }, null, 2);
  }
}

/** Single-quoted for POSIX shells unless it needs no quoting. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
