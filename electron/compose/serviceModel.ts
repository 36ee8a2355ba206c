import type { ContainerSummary } from '../../shared/contract/containers.js';
import type { ComposeService, ComposeServiceStatus } from '../../shared/contract/compose.js';

/** What compose says a service is, read from `config --hash '*'` and `config`. */
export interface DefinedService {
  name: string;
  /** compose's hash of the service's resolved config; containers carry it as a label. */
  hash: string;
  image: string;
  builds: boolean;
}

export const composeLabels = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configHash: 'com.docker.compose.config-hash',
  oneoff: 'com.docker.compose.oneoff',
} as const;

/**
 * The services of a project next to the engine's containers: not-created,
 * running, stopped, partly running, and outdated when the container's config
 * hash or image id differs from what Up would create now (compose's own test).
 * `imageIds` maps an image name to its id on the engine (absent: not there).
 */
export function servicesOf(project: string, defined: DefinedService[], containers: Iterable<ContainerSummary>, imageIds: ReadonlyMap<string, string>): ComposeService[] {
  const byService = new Map<string, ContainerSummary[]>();
  for (const c of containers) {
    if (c.labels[composeLabels.project] !== project || c.labels[composeLabels.oneoff] === 'True') continue;
    const service = c.labels[composeLabels.service] ?? '';
    byService.set(service, [...(byService.get(service) ?? []), c]);
  }
  return defined.map((d) => {
    const own = (byService.get(d.name) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    const service: ComposeService = {
      name: d.name,
      image: d.image,
      builds: d.builds,
      status: statusOf(own),
      containers: own.map((c) => ({ id: c.id, name: c.name, state: c.state, status: c.status })),
    };
    const imageId = imageIds.get(d.image);
    if (own.some((c) => c.labels[composeLabels.configHash] !== d.hash)) service.outdated = 'config';
    else if (imageId && own.some((c) => c.imageId && c.imageId !== imageId)) service.outdated = 'image';
    return service;
  });
}

function statusOf(containers: ContainerSummary[]): ComposeServiceStatus {
  if (containers.length === 0) return 'not-created';
  const running = containers.filter((c) => c.state === 'running' || c.state === 'restarting').length;
  if (running === 0) return 'stopped';
  return running === containers.length ? 'running' : 'partly-running';
}
