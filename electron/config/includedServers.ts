import type { ConfigProblem } from '../../shared/contract/app.js';
import { mcpServerSchema, type McpServerConfig } from '../base/stackFile/mcp.js';
import { parseSourceText, type SourceDocument } from './sourceDocument.js';
import { readConfigFile } from './readConfigFile.js';
import { zodProblems } from './zodProblems.js';

/** One server taken from an included file, with where it was written. */
export interface IncludedServer {
  name: string;
  config: McpServerConfig;
  source: SourceDocument;
  /** The path of the entry inside its file: ["mcpServers", name] or ["servers", name]. */
  path: [string, string];
}

export interface IncludedFile {
  servers: IncludedServer[];
  warnings: ConfigProblem[];
  problems: ConfigProblem[];
}

const knownKeys = new Set(Object.keys(mcpServerSchema.shape));

/**
 * Reads a Claude Desktop / Cursor file (`mcpServers`) or a VS Code mcp.json
 * (`servers`). Only their servers are taken; the rest of those files belongs
 * to their own apps. What Switchboard cannot launch (url/sse/http servers,
 * disabled entries) or keys it does not know (envFile, …) are skipped with
 * a warning rather than failing the whole stack over someone else's file.
 */
export async function readIncludedFile(file: string, includedFrom: Omit<ConfigProblem, 'message'>): Promise<IncludedFile> {
  const result: IncludedFile = { servers: [], warnings: [], problems: [] };
  const read = await readConfigFile(file);
  if (!read.ok) {
    result.problems.push({ ...includedFrom, message: `include ${file}: ${read.reason}` });
    return result;
  }

  const parsed = parseSourceText(read.text, file);
  if (!parsed.ok) {
    result.problems.push(...parsed.problems);
    return result;
  }
  const source = parsed.source;
  const top = source.value;
  if (!isRecord(top)) {
    result.problems.push({ file, message: 'an included file must be a JSON/YAML object with mcpServers or servers' });
    return result;
  }

  for (const mapKey of ['mcpServers', 'servers'] as const) {
    const entries = top[mapKey];
    if (entries === undefined) continue;
    if (!isRecord(entries)) {
      result.problems.push(at(source, [mapKey], `${mapKey} must map server names to { command, args, env }`));
      continue;
    }
    for (const [name, entry] of Object.entries(entries)) {
      const path: [string, string] = [mapKey, name];
      const skipReason = whyNotLaunchable(entry);
      if (skipReason) {
        result.warnings.push(at(source, path, `skipped MCP server "${name}": ${skipReason}`));
        continue;
      }
      const { taken, ignored } = knownPart(entry as Record<string, unknown>);
      if (ignored.length > 0) {
        result.warnings.push(at(source, path, `MCP server "${name}": ignored ${ignored.join(', ')} (not used by Switchboard)`));
      }
      const checked = mcpServerSchema.safeParse(taken);
      if (checked.success) result.servers.push({ name, config: checked.data, source, path });
      else result.problems.push(...zodProblems(checked.error, mcpServerSchema, source, path));
    }
  }
  if (top.mcpServers === undefined && top.servers === undefined) {
    result.warnings.push({ file, message: 'included file has no mcpServers or servers: nothing taken from it' });
  }
  return result;
}

function whyNotLaunchable(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined; // the schema explains what an entry must look like
  if (entry.disabled === true) return 'disabled in its file';
  if (entry.type !== undefined && entry.type !== 'stdio') {
    return `type "${String(entry.type)}" is not launched: Switchboard runs stdio servers only`;
  }
  if (entry.command === undefined && entry.url !== undefined) return 'a url server is not launched: Switchboard runs stdio servers only';
  return undefined;
}

function knownPart(entry: Record<string, unknown>): { taken: Record<string, unknown>; ignored: string[] } {
  const taken: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(entry)) {
    if (knownKeys.has(key)) taken[key] = value;
    else if (key !== 'disabled') ignored.push(key);
  }
  return { taken, ignored };
}

function at(source: SourceDocument, path: PropertyKey[], message: string): ConfigProblem {
  const position = source.locate(path);
  return {
    file: source.file,
    ...(position && { line: position.line, column: position.column }),
    key: path.map(String).join('.'),
    message,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
