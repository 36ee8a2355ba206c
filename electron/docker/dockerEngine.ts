import type { ContainerSummary } from '../../shared/contract/containers.js';
import type { Disposable } from '../base/disposable.js';
import type { LogWriter } from '../core/logWriter.js';
import type { EngineConfig } from '../base/stackFile/docker.js';
import { ContainerLogs, type LogFollowOptions } from './containerLogs.js';
import { createSelection } from './containerSelection.js';
import { ContainerStats } from './containerStats.js';
import type { EngineAddress } from './engineAddress.js';
import { EngineConnection } from './engineConnection.js';

export interface EngineOptions {
  logs: LogWriter;
  historyCapacity?: number;
  connectTimeoutMs?: number;
  logFollow?: LogFollowOptions;
  /** Follow container logs into the hub (on by default; benchmarks turn it off). */
  followLogs?: boolean;
}

/** One configured engine with everything that hangs off its connection: selection, stats streams, log follows. */
export class DockerEngine implements Disposable {
  readonly conn: EngineConnection;
  readonly stats: ContainerStats;
  readonly logs: ContainerLogs | undefined;
  readonly inStack: (c: ContainerSummary) => boolean;

  constructor(name: string, address: EngineAddress, cfg: EngineConfig, opts: EngineOptions) {
    this.inStack = createSelection(cfg);
    this.conn = new EngineConnection(name, address, opts.connectTimeoutMs);
    this.stats = new ContainerStats(this.conn, opts.historyCapacity);
    this.logs = opts.followLogs === false ? undefined : new ContainerLogs(this.conn, opts.logs, this.inStack, opts.logFollow);
    this.conn.start();
  }

  get name(): string {
    return this.conn.name;
  }

  /** A container by id, id prefix or name. */
  find(idOrName: string): ContainerSummary | undefined {
    const exact = this.conn.containers.get(idOrName);
    if (exact) return exact;
    for (const c of this.conn.containers.values()) if (c.name === idOrName || c.id.startsWith(idOrName)) return c;
    return undefined;
  }

  dispose(): void {
    this.logs?.dispose();
    this.stats.dispose();
    this.conn.dispose();
  }
}
