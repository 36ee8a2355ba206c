import { describe, expect, it } from 'vitest';
import { servicesOf, type DefinedService } from '../../../electron/compose/serviceModel.js';
import type { ContainerSummary } from '../../../shared/contract/containers.js';

const defined: DefinedService[] = [
  { name: 'web', hash: 'h-web', image: 'shop/web:1', builds: false },
  { name: 'worker', hash: 'h-worker', image: 'shop/worker:1', builds: false },
  { name: 'cron', hash: 'h-cron', image: 'shop/cron:1', builds: false },
];

function container(service: string, extra: Partial<ContainerSummary> & { hash?: string; project?: string; oneoff?: boolean } = {}): ContainerSummary {
  const { hash, project = 'shop', oneoff, ...rest } = extra;
  const labels: Record<string, string> = { 'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.config-hash': hash ?? `h-${service}` };
  if (oneoff) labels['com.docker.compose.oneoff'] = 'True';
  return { engine: 'local', id: `${service}-${Math.random()}`, name: `shop-${service}-1`, image: `shop/${service}:1`, imageId: `sha256:${service}`, state: 'running', status: 'Up', health: 'none', restartCount: 0, restartPolicy: 'no', ports: [], labels, ...rest };
}

describe('compose services next to the engine containers', () => {
  it('says not created, running, stopped and partly running; ignores one-off runs and other projects', () => {
    const containers = [
      container('web'),
      container('worker', { state: 'exited' }),
      container('worker', { name: 'shop-worker-2' }),
      container('cron', { oneoff: true }),
      container('web', { project: 'other' }),
    ];
    const services = servicesOf('shop', defined, containers, new Map());
    expect(services.map((s) => [s.name, s.status, s.containers.length])).toEqual([
      ['web', 'running', 1],
      ['worker', 'partly-running', 2],
      ['cron', 'not-created', 0],
    ]);
    expect(services.every((s) => s.outdated === undefined)).toBe(true);
  });

  it('calls a service outdated when its config hash moved on, or else when its image id did', () => {
    const ids = new Map([
      ['shop/web:1', 'sha256:web'],
      ['shop/worker:1', 'sha256:worker-rebuilt'],
    ]);
    const services = servicesOf('shop', defined, [container('web', { hash: 'old' }), container('worker'), container('cron', { state: 'exited' })], ids);
    expect(services.map((s) => [s.name, s.outdated])).toEqual([
      ['web', 'config'],
      ['worker', 'image'],
      ['cron', undefined],
    ]);
  });
});
