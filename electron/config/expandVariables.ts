import type { ConfigProblem } from '../../shared/contract/app.js';
import type { McpServerConfig } from '../base/stackFile/mcp.js';
import { isSecretExpansion } from '../base/secrets/secretKeys.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/** Where an unset variable was written, so the problem can name the file, line and key. */
export type PlaceOf = (path: PropertyKey[]) => Omit<ConfigProblem, 'message'>;

/** ${VAR}, ${VAR:-default} and VS Code's ${env:VAR}; $$ writes a literal $. */
const reference = /\$\$|\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Expands variables in what an MCP server is launched with (command, args, cwd,
 * env values) from the environment Switchboard runs in. An unset variable
 * without a default is a problem rather than an empty string, because an empty
 * DATABASE_URL fails far from where the mistake was made. Values taken from the
 * environment into args and env go into `secrets`, so they are never shown;
 * command and cwd name programs and folders, and defaults are written in the file.
 */
export function expandServerVariables(
  name: string,
  server: McpServerConfig,
  env: Environment,
  placeOf: PlaceOf,
  problems: ConfigProblem[],
  secrets: Set<string> = new Set(),
): McpServerConfig {
  const expand = (text: string, path: PropertyKey[], keepsSecrets = false): string => expandText(text, env, () => placeOf(path), problems, keepsSecrets ? secrets : undefined);

  const base = ['mcpServers', name];
  return {
    ...server,
    command: expand(server.command, [...base, 'command']),
    args: server.args.map((arg, index) => expand(arg, [...base, 'args', index], true)),
    env: Object.fromEntries(Object.entries(server.env).map(([key, value]) => [key, expand(value, [...base, 'env', key], true)])),
    ...(server.cwd !== undefined && { cwd: expand(server.cwd, [...base, 'cwd']) }),
  };
}

/**
 * One text with its ${VAR}s expanded; an unset one without a default is a problem at `place`.
 * Values from the environment that look secret go into `secrets` when given.
 */
export function expandText(text: string, env: Environment, place: () => Omit<ConfigProblem, 'message'>, problems: ConfigProblem[], secrets?: Set<string>): string {
  return text.replace(reference, (whole, variable: string | undefined, fallback: string | undefined) => {
    if (whole === '$$') return '$';
    const value = env[variable!];
    if (value !== undefined && value !== '') {
      if (secrets && isSecretExpansion(variable!, value)) secrets.add(value);
      return value;
    }
    if (fallback !== undefined) return fallback;
    if (value === '') return value;
    problems.push({
      ...place(),
      message: `\${${variable}} is not set: export ${variable} before starting Switchboard, or write \${${variable}:-default}`,
    });
    return whole;
  });
}
