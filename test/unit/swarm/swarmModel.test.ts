import { describe, expect, it } from 'vitest';
import { nodesFrom, servicesFrom } from '../../../electron/swarm/swarmModel.js';
import type { RawNode, RawService, RawTask } from '../../../electron/swarm/swarmApi.js';

const now = Date.parse('2026-12-02T01:00:00Z');
const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
const nodes: RawNode[] = [{ ID: 'n1', Description: { Hostname: 'box-1' }, Spec: { Role: 'manager', Availability: 'active' }, Status: { State: 'ready' }, ManagerStatus: { Leader: true } }];

function task(id: string, slot: number, state: string, desired: string, secondsAgo: number, extra: Partial<RawTask['Status']> = {}): RawTask {
  return { ID: id, ServiceID: 's1', Slot: slot, NodeID: 'n1', DesiredState: desired, UpdatedAt: at(secondsAgo), Status: { State: state, ...extra } };
}

describe('Swarm services from the engine lists', () => {
  const service: RawService = {
    ID: 's1',
    Spec: { Name: 'shop_web', Labels: { 'com.docker.stack.namespace': 'shop' }, Mode: { Replicated: { Replicas: 2 } }, TaskTemplate: { ContainerSpec: { Image: 'web:1@sha256:abc123' } } },
    Endpoint: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }] },
    UpdateStatus: { State: 'updating', Message: 'update in progress' },
  };

  it('counts running tasks against the replicas, names the stack, image without digest, ports and update', () => {
    const tasks = [task('t1', 1, 'running', 'running', 5), task('t2', 2, 'starting', 'running', 1), task('t0', 2, 'shutdown', 'shutdown', 2, { ContainerStatus: { ExitCode: 0 } })];
    const [s] = servicesFrom([service], tasks, nodes, now);
    expect(s).toMatchObject({ name: 'shop_web', stack: 'shop', mode: 'replicated', desired: 2, running: 1, image: 'web:1', ports: ['8080:80/tcp (ingress)'], update: { state: 'updating', message: 'update in progress' } });
    expect(s!.tasks.map((t) => [t.id, t.slot, t.node, t.state, t.exitCode])).toEqual([
      ['t1', 1, 'box-1', 'running', undefined],
      ['t2', 2, 'box-1', 'starting', undefined],
      ['t0', 2, 'box-1', 'shutdown', 0],
    ]);
  });

  it('keeps only recent stopped tasks, at most three per slot, and shows failures with their error', () => {
    const tasks = [
      task('live', 1, 'running', 'running', 1),
      ...[2, 3, 4, 5].map((n) => task(`old${n}`, 1, 'failed', 'shutdown', n, { Err: 'task: non-zero exit (3)', ContainerStatus: { ExitCode: 3 } })),
      task('ancient', 1, 'complete', 'shutdown', 3600),
    ];
    const [s] = servicesFrom([service], tasks, nodes, now);
    expect(s!.tasks.map((t) => t.id)).toEqual(['live', 'old2', 'old3', 'old4']);
    expect(s!.tasks[1]).toMatchObject({ error: 'task: non-zero exit (3)', exitCode: 3 });
  });

  it('reads nodes with their role, availability, status and leader', () => {
    expect(nodesFrom(nodes)).toEqual([{ id: 'n1', hostname: 'box-1', role: 'manager', availability: 'active', status: 'ready', leader: true }]);
  });
});
