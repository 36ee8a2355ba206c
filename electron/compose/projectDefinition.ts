import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { ComposeProjectConfig } from '../base/stackFile/compose.js';
import type { ToolCommand } from './composeTool.js';
import { projectNameFrom } from './toolOutput.js';

/** One compose project of the stack file, with its paths resolved against the stack file's folder. */
export interface ProjectDefinition {
  name: string;
  /** The engine's name in the stack file; undefined means the first engine. */
  engine?: string;
  files: string[];
  envFile?: string;
  profiles: string[];
}

export function projectDefinition(entry: ComposeProjectConfig, baseDir: string): ProjectDefinition {
  const long = typeof entry === 'string' ? { file: entry, profiles: [] as string[] } : entry;
  const files = (long.files ?? [long.file ?? '']).map((f) => (isAbsolute(f) ? f : resolve(baseDir, f)));
  const definition: ProjectDefinition = {
    name: ('projectName' in long && long.projectName) || projectNameFrom(basename(dirname(files[0]!))),
    files,
    profiles: long.profiles,
  };
  if ('envFile' in long && long.envFile) definition.envFile = isAbsolute(long.envFile) ? long.envFile : resolve(baseDir, long.envFile);
  if ('engine' in long && long.engine) definition.engine = long.engine;
  return definition;
}

/** Where the engine is, as the compose tool reads it from its environment. */
export interface EngineEndpoint {
  /** unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host */
  host: string;
  tls?: { ca: string; cert: string; key: string };
}

/**
 * The compose command line for one project: always -p, every -f, --env-file
 * and --profile, so v1 and v2 see the same project whatever the folder is.
 */
export function composeArgs(tool: ToolCommand, project: ProjectDefinition, subcommand: string[]): string[] {
  const args = [...tool.prefix, '-p', project.name];
  for (const file of project.files) args.push('-f', file);
  if (project.envFile) args.push('--env-file', project.envFile);
  for (const profile of project.profiles) args.push('--profile', profile);
  return [...args, ...subcommand];
}

/** The tool's environment: the operator's, with the engine's address (and TLS files) of this project. */
export function composeEnv(env: NodeJS.ProcessEnv, endpoint: EngineEndpoint): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, DOCKER_HOST: endpoint.host };
  // Compose reads the project name and profiles from these too; ours are on the command line, so theirs must not add to them.
  delete out.COMPOSE_PROJECT_NAME;
  delete out.COMPOSE_PROFILES;
  delete out.COMPOSE_FILE;
  // The compose tools read TLS files only as DOCKER_CERT_PATH/{ca,cert,key}.pem: other layouts are not passed (the tool then says what failed).
  const { tls } = endpoint;
  if (tls && basename(tls.ca) === 'ca.pem' && basename(tls.cert) === 'cert.pem' && basename(tls.key) === 'key.pem' && dirname(tls.ca) === dirname(tls.cert) && dirname(tls.ca) === dirname(tls.key)) {
    out.DOCKER_TLS_VERIFY = '1';
    out.DOCKER_CERT_PATH = dirname(tls.ca);
  }
  return out;
}

/** `-f a -f b` as `docker stack deploy` wants it: `-c a -c b`. */
export function stackDeployArgs(project: ProjectDefinition): string[] {
  const args = ['stack', 'deploy'];
  for (const file of project.files) args.push('-c', file);
  return [...args, project.name];
}
