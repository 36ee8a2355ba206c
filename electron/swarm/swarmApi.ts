/**
 * The Docker engine calls Swarm makes, as a shape: the composition root hands
 * over the docker capability's own client for each engine (one connection,
 * its address, TLS and SSH host-key checks), and swarm/ never imports dockerode.
 * The raw types list only the fields read here (Docker Engine API v1.41).
 */
export interface SwarmApi {
  info(): Promise<{ Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } }>;
  listServices(opts?: object): Promise<RawService[]>;
  listTasks(opts?: object): Promise<RawTask[]>;
  listNodes(opts?: object): Promise<RawNode[]>;
  getService(id: string): {
    inspect(): Promise<RawService>;
    update(opts: { _query: Record<string, unknown>; _body: object }): Promise<unknown>;
    remove(): Promise<unknown>;
    logs(opts: object): Promise<NodeJS.ReadableStream | Buffer>;
  };
  getEvents(opts: { filters?: Record<string, string[]>; abortSignal?: AbortSignal }): Promise<NodeJS.ReadableStream>;
  modem: { demuxStream(stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void };
}

export interface RawService {
  ID: string;
  Version?: { Index?: number };
  Spec?: {
    Name?: string;
    Labels?: Record<string, string>;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object };
    TaskTemplate?: { ContainerSpec?: { Image?: string; TTY?: boolean }; ForceUpdate?: number };
  } & Record<string, unknown>;
  Endpoint?: { Ports?: Array<{ Protocol?: string; TargetPort?: number; PublishedPort?: number; PublishMode?: string }> };
  UpdateStatus?: { State?: string; Message?: string };
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number };
}

export interface RawTask {
  ID: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  UpdatedAt?: string;
  Status?: { State?: string; Err?: string; Timestamp?: string; ContainerStatus?: { ExitCode?: number } };
}

export interface RawNode {
  ID: string;
  Description?: { Hostname?: string };
  Spec?: { Role?: string; Availability?: string };
  Status?: { State?: string };
  ManagerStatus?: { Leader?: boolean };
}
