import type { McpServerState } from '../../shared/contract/mcp.js';
import type { Disposable } from '../base/disposable.js';
import type { McpWire } from '../mcp/index.js';

/** What the gateway needs of the MCP supervisor (the composition root hands it over). */
export interface GatewayChildren {
  list(): McpServerState[];
  /** Raw JSON-RPC on a ready child's stdio; undefined while it is not ready. */
  wire(name: string): McpWire | undefined;
  readonly changed: { on(listener: (servers: McpServerState[]) => void): Disposable };
  /** mode per-session: a supervised copy of `name` for one session, and its end. */
  startInstance(name: string, instance: string): Promise<McpServerState>;
  endInstance(instance: string): Promise<void>;
}
