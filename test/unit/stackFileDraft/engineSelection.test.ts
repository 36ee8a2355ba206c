import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../shared/contract/containers.js';
import { createSelection } from '../../../electron/docker/containerSelection.js';
import { selectContainers } from '../../../electron/stackFileDraft/engineSelection.js';

const engine = { name: 'local', address: 'unix:///var/run/docker.sock', status: 'connected' as const };
function container(name: string, over: Partial<ContainerSummary> = {}): ContainerSummary {
  const labels: Record<string, string> = over.project ? { 'com.docker.compose.project': over.project } : {};
  return { engine: 'local', id: name, name, image: 'img:1', state: 'running', status: 'Up', health: 'none', restartCount: 0, restartPolicy: 'no', ports: [], labels, ...over };
}

describe('which containers the draft puts in the stack', () => {
  const all = [
    container('shop-web-1', { project: 'shop', service: 'web' }),
    container('shop-db-1', { project: 'shop', service: 'db' }),
    container('blog-app-1', { project: 'blog', service: 'app' }),
    container('redis-dev', { image: 'redis:7' }),
    container('old-job', { state: 'exited' }),
    container('shop-migrate-1', { project: 'shop', state: 'exited' }),
  ];

  it('gives the biggest project project:, the others a <project>-* glob, and names the containers on their own', () => {
    const s = selectContainers(engine, all);
    expect(s.project).toEqual({ name: 'shop', why: 'compose project shop: 2 up (shop-db-1, shop-web-1)' });
    expect(s.containers).toEqual([
      { glob: 'blog-*', why: 'compose project blog: 1 up (blog-app-1)' },
      { glob: 'redis-dev', why: 'started on its own, image redis:7' },
    ]);
    expect(s.found).toEqual({ ...engine, projects: ['shop', 'blog'], containers: ['redis-dev'] });
  });

  it('selects every container that was up, and none that had stopped on its own', () => {
    const s = selectContainers(engine, all);
    const selected = createSelection({ project: s.project?.name, containers: s.containers.map((c) => c.glob) });
    expect(all.filter(selected).map((c) => c.name)).toEqual(['shop-web-1', 'shop-db-1', 'blog-app-1', 'redis-dev', 'shop-migrate-1']);
  });

  it('names a project\'s containers instead of a glob that would catch another\'s', () => {
    const s = selectContainers(engine, [...all, container('blog-admin', { image: 'admin:1' })]);
    expect(s.containers.map((c) => c.glob)).toEqual(['blog-app-1', 'blog-admin', 'redis-dev']);
    expect(s.containers[0]!.why).toBe('compose project blog, service app');
  });

  it('breaks a tie between projects by name, and selects nothing when nothing is up', () => {
    expect(selectContainers(engine, [container('b-x-1', { project: 'b' }), container('a-x-1', { project: 'a' })]).project?.name).toBe('a');
    expect(selectContainers(engine, [container('old', { state: 'exited' })])).toMatchObject({ containers: [], found: { projects: [], containers: [] } });
    expect(selectContainers(engine, []).project).toBeUndefined();
  });
});
