import { z } from 'zod';
import { appendTopic, command, stateTopic } from './define.js';

/** Which compose tool runs the projects: the v2 plugin (`docker compose`) or v1 (`docker-compose`). */
export type ComposeTool =
  | { found: true; kind: 'v2' | 'v1'; /** The command as typed, e.g. "docker compose". */ command: string; version: string }
  | { found: false; /** What to install, in one sentence. */ install: string };

/**
 * A service as compose defines it, next to what the engine has:
 * not-created (defined, no container), running, stopped, or partly running.
 */
export type ComposeServiceStatus = 'not-created' | 'running' | 'stopped' | 'partly-running';

export interface ComposeServiceContainer {
  id: string;
  name: string;
  state: string;
  /** Docker's own words, e.g. "Up (healthy)". */
  status: string;
}

export interface ComposeService {
  name: string;
  /** The image the resolved config names (or compose's name for an image it builds). */
  image: string;
  builds: boolean;
  status: ComposeServiceStatus;
  /** Why Up would recreate it: its config changed since it was created, or its image did. */
  outdated?: 'config' | 'image';
  containers: ComposeServiceContainer[];
}

export const composeActions = ['up', 'down', 'pull', 'build', 'restart'] as const;
export type ComposeAction = (typeof composeActions)[number];

/** One run of the compose tool, while it runs and after. */
export interface ComposeOperation {
  id: number;
  action: ComposeAction | 'deploy';
  services: string[];
  /** The command line as run (masked), e.g. "docker-compose -p shop -f … up -d". */
  commandLine: string;
  startedAt: number;
  finishedAt?: number;
  outcome?: 'done' | 'failed' | 'cancelled';
  /** On failure: the tool's own last lines. */
  error?: string;
  durationMs?: number;
}

export interface ComposeProject {
  name: string;
  engine: string;
  files: string[];
  envFile?: string;
  profiles: string[];
  services: ComposeService[];
  /** Why the services could not be read (the tool's own words), e.g. a YAML error. */
  error?: string;
  operation?: ComposeOperation;
}

export interface ComposeState {
  tool: ComposeTool;
  projects: ComposeProject[];
}

/** One line the compose tool wrote during an operation. */
export interface ComposeOutputLine {
  operation: number;
  stream: 'stdout' | 'stderr' | 'switchboard';
  text: string;
  ts: number;
}

export interface ComposeOutputSnapshot {
  project: string;
  operation?: ComposeOperation;
  /** The latest lines of the current or last operation (at most 1,000). */
  lines: ComposeOutputLine[];
}

export interface ComposeRunResult {
  ok: true;
  durationMs: number;
  message: string;
}

const project = z.strictObject({ project: z.string().min(1) });
const withServices = project.extend({ services: z.array(z.string().min(1)).default([]) });

export const composeCommands = {
  /** Creates what is missing and recreates what changed (`up -d`); only the named services when given. */
  'compose.up': command<ComposeRunResult>()(withServices),
  /** `down`; volumes are removed only when asked separately. */
  'compose.down': command<ComposeRunResult>()(project.extend({ removeVolumes: z.boolean().default(false) })),
  'compose.pull': command<ComposeRunResult>()(withServices),
  'compose.build': command<ComposeRunResult>()(withServices),
  'compose.restart': command<ComposeRunResult>()(withServices),
  /** `docker stack deploy -c <files> <project>` on a Swarm manager: an explicit action, never implied. */
  'compose.deploy': command<ComposeRunResult>()(project),
  /** Stops the running operation of a project (the tool gets SIGINT, as Ctrl-C would). */
  'compose.cancel': command<{ cancelled: boolean }>()(project),
  /** The resolved config (variables substituted, profiles applied), as `compose config` prints it. */
  'compose.config': command<{ yaml: string; commandLine: string }>()(project),
  /** Reads the files and finds the tool again (after an edit the file watcher missed, or an install). */
  'compose.refresh': command<ComposeState>()(z.strictObject({})),
};

export const composeTopics = {
  compose: stateTopic<ComposeState>()(z.strictObject({})),
  /** The compose tool's output of a project's current (or last) operation. */
  'compose.output': appendTopic<ComposeOutputSnapshot, ComposeOutputLine>()(project),
};
