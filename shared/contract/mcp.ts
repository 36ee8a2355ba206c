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
  /** The last stderr lines, for the diagnosis under a failed server. */
  stderrTail: string[];
}

export interface McpState {
  servers: McpServerState[];
}

/**
 * Each ready server's last ping round trip (ms), by server name. A topic of its
 * own, not a field of McpServerState: it changes with every ping (one every
 * few seconds across a stack), and only the MCP screen shows it, so the
 * Overview is not sent every server's whole state (~14 KB) to draw nothing new.
 */
export interface McpPings {
  pings: Record<string, number>;
}

export interface SelfcheckResult {
  /** The server the selfcheck ran for. */
  server: string;
  /** The command line that ran, e.g. "./wrappers/postgres.sh --selfcheck". */
  commandLine: string;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** stdout and stderr interleaved, secrets masked, cut at 64 KB. */
  output: string;
  /** True when the selfcheck was stopped for taking too long. */
  timedOut: boolean;
  ok: boolean;
}

/** One content block of a tool result, as the server sent it (text, image, resource, …). */
export type McpContentBlock = { type: string; text?: string; mimeType?: string; data?: string } & Record<string, unknown>;

export interface McpToolCallResult {
  server: string;
  tool: string;
  /** The server answered with isError: the tool ran and reported a failure. */
  isError: boolean;
  content: McpContentBlock[];
  structuredContent?: Record<string, unknown>;
  durationMs: number;
}

/**
 * An MCP server's process group that an earlier Switchboard run started and
 * that outlived it (that run was killed or crashed), found at the next start.
 */
export interface McpLeftover {
  /** The server's name in that run's stack. */
  server: string;
  /** The command line it was started with, arguments masked as that run showed them. */
  command: string;
  /** Its process group: ending the leftover signals the whole group. */
  pgid: number;
  /** Its processes still running. */
  pids: number[];
  /** When that run started it (ms since epoch). */
  startedAt: number;
  /** The pid the Switchboard run that started it had; that run is gone. */
  runPid: number;
}

export interface EndLeftoversResult {
  ended: McpLeftover[];
  /** Groups that still had processes after SIGTERM and SIGKILL (a process stuck in the kernel, say). */
  stillRunning: McpLeftover[];
}

const target = z.strictObject({ name: z.string().min(1).max(200) });

export const mcpTopics = {
  mcp: stateTopic<McpState>()(z.strictObject({}).prefault({})),
  'mcp.pings': stateTopic<McpPings>()(z.strictObject({}).prefault({})),
};

export const mcpCommands = {
  'mcp.start': command<McpServerState>()(target),
  'mcp.stop': command<McpServerState>()(target),
  'mcp.restart': command<McpServerState>()(target),
  'mcp.selfcheck': command<SelfcheckResult>()(target),
  /** Refreshes and returns a ready server's tools. */
  'mcp.listTools': command<McpToolInfo[]>()(target),
  /** What earlier Switchboard runs left running (checked now: a leftover that ended since is not listed). */
  'mcp.leftovers': command<McpLeftover[]>()(z.strictObject({}).prefault({})),
  /** Ends leftovers (SIGTERM, then SIGKILL, each whole group): the given groups, or all of them. */
  'mcp.endLeftovers': command<EndLeftoversResult>()(
    z.strictObject({ pgids: z.array(z.number().int().positive()).max(1000).optional() }).prefault({}),
  ),
  /** Calls one tool on a ready server, like MCP Inspector, to tell "running" from "working". */
  'mcp.callTool': command<McpToolCallResult>()(
    z.strictObject({
      name: z.string().min(1).max(200),
      tool: z.string().min(1).max(500),
      arguments: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
};
