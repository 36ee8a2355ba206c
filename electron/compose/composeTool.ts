import type { ComposeTool } from '../../shared/contract/compose.js';
import { runToEnd } from './toolProcess.js';
import { parseToolVersion } from './toolOutput.js';

/** How to run the found tool: the executable and the words before the compose subcommand. */
export interface ToolCommand {
  kind: 'v2' | 'v1';
  executable: string;
  prefix: string[];
}

export const installHint =
  'no compose tool found: install the Docker Compose v2 plugin (package docker-compose-plugin, or Docker Desktop) so `docker compose` works, or compose v1 (Debian: apt-get install docker-compose)';

/**
 * Finds the compose tool the operator's shell would run: `docker compose` (the
 * v2 plugin) first, else `docker-compose` (v1). Each answers `version --short`.
 */
export async function findComposeTool(env: NodeJS.ProcessEnv): Promise<{ tool: ComposeTool; command?: ToolCommand }> {
  const candidates: ToolCommand[] = [
    { kind: 'v2', executable: 'docker', prefix: ['compose'] },
    { kind: 'v1', executable: 'docker-compose', prefix: [] },
  ];
  for (const candidate of candidates) {
    const run = await runToEnd(candidate.executable, [...candidate.prefix, 'version', '--short'], { env, timeoutMs: 15_000 });
    const version = run.code === 0 ? parseToolVersion(run.stdout) : undefined;
    if (version === undefined) continue;
    const command = [candidate.executable, ...candidate.prefix].join(' ');
    // A v1 binary installed as docker-compose may still be v2 (Docker ships a compat shim): trust the version.
    const kind = version.startsWith('1.') ? 'v1' : 'v2';
    return { tool: { found: true, kind, command, version }, command: { ...candidate, kind } };
  }
  return { tool: { found: false, install: installHint } };
}
