import { processesWith } from '../processTable.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mcpServerSchema, type McpServerConfig, type McpServerInput } from '../../../electron/base/stackFile/mcp.js';
import type { LogInput } from '../../../shared/contract/logs.js';
import type { McpServerState } from '../../../shared/contract/mcp.js';
import type { McpSupervisor } from '../../../electron/mcp/supervisor.js';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const supportDir = path.join(repoRoot, 'test/support/mcp');
const serverDist = (pkg: string) => path.join(repoRoot, 'node_modules/@modelcontextprotocol', pkg, 'dist/index.js');

/**
 * Every server a test starts carries this env marker, so the test can find
 * any process it left behind (children and grandchildren inherit the env).
 */
export const testMarker = `SWITCHBOARD_TEST_MCP=${randomUUID()}`;
const [markerKey, markerValue] = testMarker.split('=') as [string, string];

export function serverConfig(input: McpServerInput): McpServerConfig {
  return mcpServerSchema.parse({ ...input, env: { ...input.env, [markerKey]: markerValue } });
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-mcp-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const realServers = {
  everything: (extra: Partial<McpServerInput> = {}) => serverConfig({ command: 'node', args: [serverDist('server-everything'), 'stdio'], ...extra }),
  memory: (memoryFile: string, extra: Partial<McpServerInput> = {}) =>
    serverConfig({ command: 'node', args: [serverDist('server-memory')], ...extra, env: { MEMORY_FILE_PATH: memoryFile, ...extra.env } }),
  filesystem: (root: string, extra: Partial<McpServerInput> = {}) => serverConfig({ command: 'node', args: [serverDist('server-filesystem'), root], ...extra }),
};

export function wrapper(file: string, extra: Partial<McpServerInput> = {}): McpServerConfig {
  return serverConfig({ command: path.join(supportDir, file), ...extra });
}

export function rawServer(mode: string, extra: Partial<McpServerInput> = {}): McpServerConfig {
  return serverConfig({ command: 'node', args: [path.join(supportDir, 'rawServer.mjs')], ...extra, env: { RAW_MODE: mode, ...extra.env } });
}

/** PIDs of live processes started by this test file (found by the env marker). */
export function leftoverProcesses(): number[] {
  return processesWith(testMarker);
}

/** Last resort so a failing test does not leak processes into the next one. */
export function killLeftovers(): void {
  for (const pid of leftoverProcesses()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Waits (generously: 2 cores shared with other engineers) until a server's state matches. */
export async function waitForState(
  supervisor: McpSupervisor,
  name: string,
  match: (state: McpServerState) => boolean,
  timeoutMs = 60_000,
): Promise<McpServerState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = supervisor.get(name);
    if (match(state)) return state;
    if (Date.now() > deadline) throw new Error(`${name} never matched; last state ${state.status}: ${state.reason}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitForNoLeftovers(timeoutMs = 10_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = leftoverProcesses();
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A LogWriter that keeps what it is given, for asserting on masked lines. */
/** A LogWriter that keeps one entry per line, as the hub stores them: a write may carry several lines (MCP stderr writes a pipe read at once). */
export function collectingLogs(): { lines: LogInput[]; write(line: LogInput): void } {
  const lines: LogInput[] = [];
  return { lines, write: (line) => lines.push(...line.text.replace(/\n$/, '').split('\n').map((text) => ({ ...line, text }))) };
}

export const fastStop = { stdinGraceMs: 500, termGraceMs: 1000 };
