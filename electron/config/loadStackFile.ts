import { dirname } from 'node:path';
import type { ConfigProblem } from '../../shared/contract/app.js';
import { expandServerVariables, type Environment } from './expandVariables.js';
import { expandToken } from './expandToken.js';
import { resolveUserPath } from '../base/homePath.js';
import { readIncludedFile } from './includedServers.js';
import { readConfigFile } from './readConfigFile.js';
import type { McpServerConfig } from '../base/stackFile/mcp.js';
import { stackSchema, type StackConfig } from '../base/stackFile/stack.js';
import { parseSourceText, type SourceDocument } from './sourceDocument.js';
import { zodProblems } from './zodProblems.js';

export type StackLoad =
  /** `secrets`: the values ${VAR}s were replaced with, to be masked wherever they would show. */
  | { ok: true; config: StackConfig; files: string[]; warnings: ConfigProblem[]; secrets: string[] }
  /** `files` is what to watch even while broken, so creating a missing include triggers a reload. */
  | { ok: false; problems: ConfigProblem[]; files: string[] };

export interface LoadOptions {
  /** Where ${VAR} comes from; default process.env. */
  env?: Environment;
}

/** Reads, validates and completes a stack file (YAML, or JSON for .json files). */
export async function loadStackFile(path: string, options: LoadOptions = {}): Promise<StackLoad> {
  const read = await readConfigFile(path);
  if (!read.ok) return { ok: false, files: [path], problems: [{ file: path, message: `stack file ${path}: ${read.reason}` }] };
  return loadStackText(read.text, path, options);
}

/** The same checks on text not saved yet, as if it were the file at `path` (a draft under review). */
export async function loadStackText(text: string, path: string, options: LoadOptions = {}): Promise<StackLoad> {
  const parsed = parseSourceText(text, path);
  if (!parsed.ok) return { ok: false, files: [path], problems: parsed.problems };
  return completeStack(parsed.source, { baseDir: dirname(path), env: options.env ?? process.env, files: [path] });
}

/** A stack given as an object (the built-in demo): same checks, no line numbers. */
export function stackFromObject(value: unknown, label: string, baseDir: string, options: LoadOptions = {}): Promise<StackLoad> {
  return completeStack({ file: label, value, locate: () => undefined }, { baseDir, env: options.env ?? process.env, files: [] });
}

interface Origin {
  source: Pick<SourceDocument, 'file' | 'locate'>;
  /** The entry's path in its own file. */
  path: PropertyKey[];
}

async function completeStack(
  source: SourceDocument,
  { baseDir, env, files }: { baseDir: string; env: Environment; files: string[] },
): Promise<StackLoad> {
  const value = source.value === null ? {} : source.value;
  if (typeof value !== 'object' || Array.isArray(value)) {
    const message = 'the stack file must be a mapping of keys like name:, docker:, probes:, cache:, mcpServers:';
    return { ok: false, files, problems: [{ file: source.file, line: 1, column: 1, message }] };
  }
  // Top-level x-* keys are the operator's own (anchors for <<: merges), as in compose files.
  const own = Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x-')));
  const checked = stackSchema.safeParse(own);
  if (!checked.success) {
    return { ok: false, files, problems: zodProblems(checked.error, stackSchema, source) };
  }
  const config = checked.data;
  const problems: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const placeIn = (origin: Origin, path: PropertyKey[]): Omit<ConfigProblem, 'message'> => {
    const at = origin.source.locate(path);
    return {
      file: origin.source.file,
      ...(at && { line: at.line, column: at.column }),
      key: path.map(String).join('.'),
    };
  };

  // Later includes override earlier ones; the stack file's own entries win over all of them.
  const servers = new Map<string, { config: McpServerConfig; origin: Origin }>();
  for (const [index, include] of config.include.entries()) {
    const file = resolveUserPath(include, baseDir);
    files.push(file);
    const included = await readIncludedFile(file, placeIn({ source, path: [] }, ['include', index]));
    problems.push(...included.problems);
    warnings.push(...included.warnings);
    for (const server of included.servers) {
      servers.set(server.name, { config: server.config, origin: { source: server.source, path: server.path } });
    }
  }
  for (const mapKey of ['servers', 'mcpServers'] as const) {
    for (const [name, server] of Object.entries(config[mapKey] ?? {})) {
      servers.set(name, { config: server, origin: { source, path: [mapKey, name] } });
    }
  }

  const mcpServers: Record<string, McpServerConfig> = {};
  const secrets = new Set<string>();
  for (const [name, { config: server, origin }] of servers) {
    // expandServerVariables writes paths as mcpServers.<name>.…; map them back to where the entry really is.
    const placeOf = (path: PropertyKey[]) => placeIn(origin, [...origin.path, ...path.slice(2)]);
    mcpServers[name] = expandServerVariables(name, server, env, placeOf, problems, secrets);
  }

  const tokenPlace = (key: string) => () => placeIn({ source, path: [] }, [key, 'token']);
  const gateway = config.gateway?.token === undefined ? config.gateway : { ...config.gateway, token: expandToken('gateway', config.gateway.token, env, tokenPlace('gateway'), problems, secrets) };
  const metrics = config.metrics.token === undefined ? config.metrics : { ...config.metrics, token: expandToken('metrics', config.metrics.token, env, tokenPlace('metrics'), problems, secrets) };

  if (problems.length > 0) return { ok: false, files, problems };
  const { servers: _merged, ...rest } = config;
  return { ok: true, config: { ...rest, mcpServers, metrics, ...(gateway ? { gateway } : {}) }, files, warnings, secrets: [...secrets] };
}
