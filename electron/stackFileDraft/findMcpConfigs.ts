import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FoundMcpConfig } from '../../shared/contract/stackFileDraft.js';
import { mcpConfigLocations, writtenPath, type McpConfigLocation, type Whereabouts } from './mcpConfigLocations.js';
import type { StackFiles } from './stackFiles.js';

/** A settings.json past this is not read for a hint: VS Code's own is a few kilobytes. */
const settingsReadLimit = 4 * 1024 * 1024;

/**
 * The other apps' MCP config files that exist here, each judged by the very
 * loader the stack file will go through (a stack of just `include: [file]`):
 * a file that gives servers is included; one that gives none, or that the
 * loader refuses (it would break the whole stack), is only mentioned.
 */
export async function findMcpConfigs(where: Whereabouts, stackFiles: Pick<StackFiles, 'check'>): Promise<FoundMcpConfig[]> {
  const found: FoundMcpConfig[] = [];
  for (const location of mcpConfigLocations(where)) {
    if (!(await isFile(location.file))) continue;
    const path = writtenPath(location, where);
    const judged = location.kind === 'settings' ? await settingsHint(location) : await includeVerdict(location, stackFiles, where);
    if (judged) found.push({ app: location.app, path, ...judged });
  }
  return found;
}

async function includeVerdict(location: McpConfigLocation, stackFiles: Pick<StackFiles, 'check'>, where: Whereabouts): Promise<Omit<FoundMcpConfig, 'app' | 'path'>> {
  const check = await stackFiles.check(stringify({ include: [location.file] }), join(where.projectDir, 'stack.yaml'));
  const [problem] = check.problems;
  if (problem) {
    const at = problem.line ? `:${problem.line}:${problem.column ?? 1}` : '';
    return { use: 'empty', servers: [], note: `not included: the loader refuses it (${problem.message}${at ? ` at line ${at.slice(1)}` : ''})` };
  }
  const servers = check.mcpServers ?? [];
  if (servers.length === 0) {
    const skipped = check.warnings.length;
    return { use: 'empty', servers, note: skipped ? `not included: its ${skipped} server${skipped === 1 ? ' is' : 's are'} not stdio servers (or disabled)` : 'not included: it lists no MCP servers' };
  }
  return { use: 'included', servers };
}

/** VS Code's settings.json may carry servers under "mcp"; include: reads only top-level mcpServers/servers, so it gets a comment. */
async function settingsHint(location: McpConfigLocation): Promise<Omit<FoundMcpConfig, 'app' | 'path'> | undefined> {
  const info = await stat(location.file).catch(() => undefined);
  if (!info || info.size > settingsReadLimit) return undefined;
  const text = await readFile(location.file, 'utf8').catch(() => '');
  // A hint only, never loaded: the key's name is enough to say where to look.
  if (!/"mcp"\s*:\s*\{/.test(text)) return undefined;
  return {
    use: 'hint',
    servers: [],
    note: 'its "mcp" section cannot be included (include: reads only top-level servers): move them to mcp.json beside it (VS Code: "MCP: Open User Configuration")',
  };
}

async function isFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ?? false;
}
