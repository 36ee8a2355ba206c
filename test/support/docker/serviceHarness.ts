import type { LogInput } from '../../../shared/contract/logs.js';
import type { ContainerSummary } from '../../../shared/contract/containers.js';
import type { DockerConfig } from '../../../electron/base/stackFile/docker.js';
import { DockerService } from '../../../electron/docker/dockerService.js';
import { waitFor } from '../waitFor.js';

/** A DockerService with a log writer that keeps what it is given, as the hub would. */
export function startService(config: DockerConfig | undefined, opts: { followLogs?: boolean; historyCapacity?: number; logHistoryMaxBytes?: number } = {}) {
  const lines: LogInput[] = [];
  /** Sources the service told the hub are gone for good. */
  const retired: string[] = [];
  const service = new DockerService(config, { logs: { write: (l) => lines.push(l), retire: (s) => retired.push(s) }, ...opts });
  const container = (name: string, engine?: string): ContainerSummary | undefined => {
    for (const e of service.state().engines) {
      if (engine && e.name !== engine) continue;
      const c = e.containers.find((x) => x.name === name);
      if (c) return c;
    }
    return undefined;
  };
  const until = <T>(what: string, check: () => T | undefined | false, timeoutMs = 30_000) => waitFor(what, check, timeoutMs, 25);
  return { service, lines, retired, container, until };
}
