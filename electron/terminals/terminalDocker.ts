import type { Duplex } from 'node:stream';

// What terminals need of Docker, as a shape: the composition root hands in the Docker service.

export interface ContainerRef {
  engine?: string | undefined;
  id: string;
}

export interface ExecTarget {
  engine: string;
  /** The engine's address as the operator knows it, for `docker -H`. */
  address: string;
  id: string;
  name: string;
  image: string;
  running: boolean;
}

export interface ExecSpec {
  cmd: string[];
  tty: boolean;
  user?: string;
  workdir?: string;
  env?: string[];
}

export interface ExecProcess {
  stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  exitCode(): Promise<number | undefined>;
}

export interface ExecFacts {
  image: string;
  envNames: string[];
  /** May hold a password (--requirepass): never show or log it. */
  args: string[];
  /** Who an exec runs as unless it says otherwise: the container's user ("root" when it sets none). */
  user: string;
}

export interface TerminalDocker {
  /** Throws not_found / engine_unreachable in words an operator reads. */
  execTarget(target: ContainerRef): ExecTarget;
  execFacts(target: ContainerRef): Promise<ExecFacts>;
  exec(target: ContainerRef, spec: ExecSpec): Promise<ExecProcess>;
  execRun(target: ContainerRef, spec: ExecSpec, limitMs?: number): Promise<{ exitCode: number | undefined; output: string }>;
}
