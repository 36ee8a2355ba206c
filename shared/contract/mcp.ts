import { z } from 'zod';
import { command, stateTopic } from './define.js';

export type McpStatus = 'stopped' | 'starting' | 'ready' | 'degraded' | 'exited' | 'backoff' | 'crash-loop';

export interface McpToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

export interface McpServerInfo {
  name: string;
  version: string;
  protocolVersion: string;
  capabilities: Record<string, unknown>;
}

export interface McpServerState {
  /** The key in mcpServers. */
  name: string;
  status: McpStatus;
  /** One line an operator can act on: "exited before initialize (code 1): index not found at …". */
  reason: string;
  /** When the server entered this status (ms since epoch). */
  since: number;
  pid?: number;
  exitCode?: number | null;
  exitSignal?: string | null;
  /** While in backoff: when the next start happens. */
  nextAttemptAt?: number;
  /** Failed starts inside the crash-loop window. */
  failures: number;
  restartPolicy: 'no' | 'on-failure' | 'always';
  command: string;
  args: string[];
  /** Values of secret-looking keys are masked. */
  env: Record<string, string>;
  hasSelfcheck: boolean;
  server?: McpServerInfo;
  tools: McpToolInfo[];
  resources: { uri: string; name: string; description?: string }[];
  prompts: { name: string; description?: string }[];
  lastPingMs?: number;
  /** The last stderr lines, for the diagnosis under a failed server. */
  stderrTail: string[];
}

export interface McpState {
  servers: McpServerState[];
}

export interface SelfcheckResult {
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  output: string;
}

const target = z.strictObject({ name: z.string().min(1).max(200) });

export const mcpTopics = {
  mcp: stateTopic<McpState>()(z.strictObject({}).prefault({})),
};

export const mcpCommands = {
  'mcp.start': command<McpServerState>()(target),
  'mcp.stop': command<McpServerState>()(target),
  'mcp.restart': command<McpServerState>()(target),
  'mcp.selfcheck': command<SelfcheckResult>()(target),
};
