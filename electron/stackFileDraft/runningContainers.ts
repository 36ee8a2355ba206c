import type { ContainerSummary, EngineStatus } from '../../shared/contract/containers.js';

/** One Docker engine as the draft reads it: every container it has, in the stack or not. */
export interface EngineView {
  readonly name: string;
  /** In the operator's words, e.g. unix:///var/run/docker.sock. */
  readonly address: string;
  readonly status: EngineStatus;
  containers(): Iterable<ContainerSummary>;
}

/** What the draft needs of the Docker capability; the composition root hands in its service (never dockerode). */
export interface RunningContainers {
  engines(): readonly EngineView[];
}
