import { z } from 'zod';
import { command, stateTopic } from './define.js';

/** One task of a Swarm service: where it runs and how it is doing. */
export interface SwarmTask {
  id: string;
  /** Replica number (replicated services); absent for global ones. */
  slot?: number;
  node: string;
  /** The engine's words: new, pending, assigned, preparing, starting, running, complete, shutdown, failed, rejected… */
  state: string;
  desiredState: string;
  error?: string;
  exitCode?: number;
  updatedAt: number;
}

export interface SwarmService {
  id: string;
  name: string;
  /** com.docker.stack.namespace: the stack it was deployed with. */
  stack?: string;
  mode: 'replicated' | 'global';
  /** Replicas wanted (replicated) or nodes eligible (global), and tasks running now. */
  desired: number;
  running: number;
  image: string;
  /** "8080:80/tcp (ingress)" */
  ports: string[];
  /** A rolling update or rollback in progress or just finished: its state and the engine's message. */
  update?: { state: string; message?: string };
  /** Tasks that are meant to run, or stopped within the last minutes (newest first per slot). */
  tasks: SwarmTask[];
}

export interface SwarmNode {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  availability: string;
  status: string;
  leader: boolean;
}

export interface SwarmEngine {
  engine: string;
  /** true when the engine is a Swarm manager (its services can be read and changed here). */
  manager: boolean;
  /** Why it cannot be shown, e.g. "this engine is not part of a swarm". */
  note?: string;
  services: SwarmService[];
  nodes: SwarmNode[];
}

export interface SwarmState {
  engines: SwarmEngine[];
}

const service = z.strictObject({ engine: z.string().min(1).optional(), service: z.string().min(1) });

export const swarmCommands = {
  /** Sets a replicated service's replica count. */
  'swarm.scale': command<{ message: string }>()(service.extend({ replicas: z.number().int().min(0).max(10_000) })),
  /** A rolling restart: a forced update that replaces every task by the service's update policy. */
  'swarm.restart': command<{ message: string }>()(service),
  /** Back to the service's previous spec (what `docker service rollback` does). */
  'swarm.rollback': command<{ message: string }>()(service),
  'swarm.remove': command<{ message: string }>()(service),
  /** Follows (or stops following) the service's merged task logs into the log hub as service:<name>. */
  'swarm.logs': command<{ source: string; following: boolean }>()(service.extend({ follow: z.boolean().default(true) })),
};

export const swarmTopics = {
  swarm: stateTopic<SwarmState>()(z.strictObject({})),
};
