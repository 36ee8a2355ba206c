import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpContentBlock, McpServerInfo, McpToolInfo } from '../../shared/contract/mcp.js';
import type { ChildStdioTransport } from './childStdioTransport.js';
import type { McpWire } from './mcpWire.js';

/** What Switchboard's client declares to a gateway-exposed child, so it offers the tools that need them; the gateway routes them to its clients. */
const forwardedCapabilities = { sampling: {}, elicitation: {}, roots: { listChanged: true } };

export interface SessionLists {
  tools: McpToolInfo[];
  resources: { uri: string; name: string; description?: string }[];
  prompts: { name: string; description?: string }[];
}

const listTimeoutMs = 10_000;
const maxPages = 20;

/**
 * The MCP client side of one running server: initialize, the tool/resource/
 * prompt lists (refreshed on list_changed), ping and tool calls. It knows
 * nothing of processes or restart policy.
 */
export class ServerSession {
  readonly client: Client;
  info: McpServerInfo | undefined;
  lists: SessionLists = { tools: [], resources: [], prompts: [] };
  /** One per session, so its users can tell a restarted child (a new wire) from the one they hold. */
  private openWire: McpWire | undefined;

  constructor(
    private readonly transport: ChildStdioTransport,
    private readonly onListsChanged: () => void,
    gatewayed = false,
  ) {
    this.client = new Client({ name: 'switchboard', version: '0.1.0' }, { capabilities: gatewayed ? forwardedCapabilities : {} });
    this.client.setNotificationHandler(ToolListChangedNotificationSchema, () => this.refresh('tools'));
    this.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => this.refresh('resources'));
    this.client.setNotificationHandler(PromptListChangedNotificationSchema, () => this.refresh('prompts'));
  }

  async initialize(timeoutMs: number): Promise<void> {
    await this.client.connect(this.transport, { timeout: timeoutMs });
    const version = this.client.getServerVersion();
    this.info = {
      name: version?.name ?? 'unknown',
      version: version?.version ?? '',
      protocolVersion: this.transport.protocolVersion ?? '',
      capabilities: (this.client.getServerCapabilities() ?? {}) as Record<string, unknown>,
    };
  }

  /** Raw JSON-RPC on this child's stdio, for the MCP gateway; undefined before initialize has finished. */
  wire(): McpWire | undefined {
    if (this.openWire) return this.openWire;
    const version = this.client.getServerVersion();
    if (!version) return undefined;
    const transport = this.transport;
    const server = {
      protocolVersion: transport.protocolVersion ?? '',
      capabilities: (this.client.getServerCapabilities() ?? {}) as Record<string, unknown>,
      serverInfo: version as McpWire['server']['serverInfo'],
      instructions: this.client.getInstructions(),
    };
    this.openWire = {
      server,
      get open() {
        return transport.isOpen;
      },
      send: (message) => transport.send(message),
      listen: (listener) => transport.tap(listener),
      onClose: (listener) => transport.onClosed(listener),
    };
    return this.openWire;
  }

  /** Tools, resources and prompts; fetched after ready so a restart is not held up by them. */
  async loadLists(): Promise<void> {
    await Promise.all([this.refresh('tools'), this.refresh('resources'), this.refresh('prompts')]);
  }

  /** Round-trip time in ms; throws when the server does not answer within timeoutMs. */
  async ping(timeoutMs: number): Promise<number> {
    const started = performance.now();
    await this.client.ping({ timeout: timeoutMs });
    return performance.now() - started;
  }

  async callTool(tool: string, args: Record<string, unknown>, timeoutMs: number) {
    const result = await this.client.callTool({ name: tool, arguments: args }, undefined, { timeout: timeoutMs });
    return {
      isError: result.isError === true,
      content: (Array.isArray(result.content) ? result.content : []) as McpContentBlock[],
      structuredContent: result.structuredContent as Record<string, unknown> | undefined,
    };
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => {});
  }

  async refresh(kind: keyof SessionLists): Promise<void> {
    const caps = this.client.getServerCapabilities();
    if (!caps?.[kind]) return;
    try {
      if (kind === 'tools') this.lists.tools = await this.pages((cursor) => this.client.listTools({ cursor }, { timeout: listTimeoutMs }), (r) => r.tools.map(toToolInfo));
      if (kind === 'resources')
        this.lists.resources = await this.pages(
          (cursor) => this.client.listResources({ cursor }, { timeout: listTimeoutMs }),
          (r) => r.resources.map((x) => ({ uri: x.uri, name: x.name, description: x.description })),
        );
      if (kind === 'prompts')
        this.lists.prompts = await this.pages(
          (cursor) => this.client.listPrompts({ cursor }, { timeout: listTimeoutMs }),
          (r) => r.prompts.map((x) => ({ name: x.name, description: x.description })),
        );
      this.onListsChanged();
    } catch {
      // a server that cannot list is still running; the list stays as it was
    }
  }

  private async pages<R extends { nextCursor?: string }, T>(fetch: (cursor?: string) => Promise<R>, pick: (r: R) => T[]): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const result = await fetch(cursor);
      out.push(...pick(result));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return out;
  }
}

function toToolInfo(tool: { name: string; title?: string; description?: string; inputSchema: unknown }): McpToolInfo {
  return { name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema as Record<string, unknown> };
}
