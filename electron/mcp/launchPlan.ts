import type { McpServerConfig } from '../base/stackFile/mcp.js';
import { expandHome, resolveUserPath } from '../base/homePath.js';
import { commandNotFound } from './diagnosis.js';
import type { GroupLaunch } from './processGroup.js';
import { findCommand, userShellPath } from './shellPath.js';

export type LaunchPlan = { ok: true; launch: GroupLaunch } | { ok: false; reason: string };

/**
 * Turns a config entry into exactly what to spawn: the user's shell PATH in
 * the env, the command found on that PATH (or a "command not found" that
 * names the PATH searched). `${VAR}`s were already expanded by the config
 * loader, which also reports unset ones with their file and line.
 */
export async function planLaunch(config: McpServerConfig, baseDir: string, extraArgs: string[] = []): Promise<LaunchPlan> {
  const searchPath = await userShellPath();
  const cwd = resolveUserPath(config.cwd ?? '.', baseDir);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: searchPath, ...config.env };
  const command = expandHome(config.command);
  // a relative command ("./wrappers/x.sh") is relative to the stack file, not to wherever the app was started
  const lookIn = command.includes('/') ? baseDir : cwd;
  const found = await findCommand(command, env.PATH ?? searchPath, lookIn);
  if (!found) return { ok: false, reason: commandNotFound(config.command, env.PATH ?? searchPath, lookIn) };
  return { ok: true, launch: { command: found, args: [...config.args, ...extraArgs], env, cwd } };
}
