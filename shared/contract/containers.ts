import { z } from 'zod';
import { command, stateTopic } from './define.js';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type ContainerHealth = 'starting' | 'healthy' | 'unhealthy' | 'none';

export interface ContainerSummary {
  engine: string;
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** Docker's own words, e.g. "Up 3 minutes (healthy)". */
  status: string;
  health: ContainerHealth;
  /** Last health-check output, when there is a HEALTHCHECK. */
  healthOutput?: string;
  exitCode?: number;
  startedAt?: number;
  restartCount: number;
  restartPolicy: string;
  ports: string[];
  project?: string;
  service?: string;
  labels: Record<string, string>;
  /** An action in progress on this container, e.g. "restarting". */
  pending?: string;
}

export type EngineStatus = 'connecting' | 'connected' | 'unreachable';

export interface EngineState {
  name: string;
  /** The address in the operator's words, e.g. unix:///var/run/docker.sock. */
  address: string;
  status: EngineStatus;
  /** Why it is unreachable, with what to do: "connect ENOENT — is Docker running?". */
  error?: string;
  /** When the next reconnect attempt happens, while unreachable. */
  retryAt?: number;
  version?: string;
  containers: ContainerSummary[];
}

export interface ContainersState {
  engines: EngineState[];
  /** true when the toggle "show all containers of the engine" is on. */
  showAll: boolean;
}

export interface ActionResult {
  ok: true;
  durationMs: number;
  message: string;
}

const target = z.strictObject({
  engine: z.string().min(1).max(200).optional(),
  id: z.string().min(1).max(200),
});

export const containersTopics = {
  containers: stateTopic<ContainersState>()(z.strictObject({}).prefault({})),
};

export const containersCommands = {
  'containers.start': command<ActionResult>()(target),
  'containers.stop': command<ActionResult>()(target),
  'containers.restart': command<ActionResult>()(target),
};
