import path from 'node:path';
import { homedir } from 'node:os';
import type { McpServerConfig } from '../config/schema/mcp.js';
import { commandNotFound } from './diagnosis.js';
import { expandArgs, expandEnv, expandVars } from './envExpansion.js';
import type { GroupLaunch } from './processGroup.js';
import { findCommand, userShellPath } from './shellPath.js';

export type LaunchPlan =
  | { ok: true; launch: GroupLaunch; missingVars: string[] }
  | { ok: false; reason: string; missingVars: string[] };

/** "~/x" and relative paths in a config mean what they would in the user's shell, from the stack file's folder. */
export function resolveConfigPath(value: string, baseDir: string): string {
  if (value === '~' || value.startsWith('~/')) return path.join(homedir(), value.slice(1));
  return path.resolve(baseDir, value);
}

/**
 * Turns a config entry into exactly what to spawn: `${VAR}` expanded, the
 * user's shell PATH in the env, the command found on that PATH (or a
 * "command not found" that names the PATH searched).
 */
export async function planLaunch(config: McpServerConfig, baseDir: string, extraArgs: string[] = []): Promise<LaunchPlan> {
  const searchPath = await userShellPath();
  const vars = { ...process.env, PATH: searchPath };
  const env = expandEnv(config.env, vars);
  const args = expandArgs([...config.args, ...extraArgs], vars);
  const missing = new Set<string>([...env.missing, ...args.missing]);
  const cwd = resolveConfigPath(config.cwd ? expandVars(config.cwd, vars, missing) : '.', baseDir);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PATH: searchPath, ...env.value };
  const command = config.command.startsWith('~/') ? resolveConfigPath(config.command, baseDir) : config.command;
  // a relative command ("./wrappers/x.sh") is relative to the stack file, not to wherever the app was started
  const lookIn = config.command.includes('/') ? baseDir : cwd;
  const found = await findCommand(command, childEnv.PATH ?? searchPath, lookIn);
  const missingVars = [...missing];
  if (!found) return { ok: false, reason: commandNotFound(config.command, childEnv.PATH ?? searchPath, lookIn), missingVars };
  return { ok: true, launch: { command: found, args: args.value, env: childEnv, cwd }, missingVars };
}
