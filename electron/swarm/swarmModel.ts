import type { SwarmNode, SwarmService, SwarmTask } from '../../shared/contract/swarm.js';
import type { RawNode, RawService, RawTask } from './swarmApi.js';

export const stackLabel = 'com.docker.stack.namespace';
/** Stopped tasks stay listed this long, so a rolling restart shows old tasks going and new ones coming. */
const recentMs = 5 * 60_000;
const tasksPerSlot = 3;

/** Services as the Services screen shows them, with their tasks and the nodes' names, from the engine's raw lists. */
export function servicesFrom(services: RawService[], tasks: RawTask[], nodes: RawNode[], now = Date.now()): SwarmService[] {
  const hostnames = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname ?? n.ID.slice(0, 12)]));
  const byService = new Map<string, RawTask[]>();
  for (const t of tasks) byService.set(t.ServiceID ?? '', [...(byService.get(t.ServiceID ?? '') ?? []), t]);
  return services
    .map((s) => serviceFrom(s, byService.get(s.ID) ?? [], hostnames, now))
    .sort((a, b) => (a.stack ?? '').localeCompare(b.stack ?? '') || a.name.localeCompare(b.name));
}

function serviceFrom(s: RawService, tasks: RawTask[], hostnames: Map<string, string>, now: number): SwarmService {
  const spec = s.Spec ?? {};
  const global = spec.Mode?.Global !== undefined;
  const shown = shownTasks(tasks, now).map((t) => taskFrom(t, hostnames));
  const running = tasks.filter((t) => t.Status?.State === 'running' && t.DesiredState === 'running').length;
  const service: SwarmService = {
    id: s.ID,
    name: spec.Name ?? s.ID.slice(0, 12),
    mode: global ? 'global' : 'replicated',
    desired: global ? (s.ServiceStatus?.DesiredTasks ?? tasks.filter((t) => t.DesiredState === 'running').length) : (spec.Mode?.Replicated?.Replicas ?? 1),
    running,
    // The engine adds "@sha256:…" when it could pin the digest: the name is what the operator wrote.
    image: (spec.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
    ports: (s.Endpoint?.Ports ?? []).map((p) => `${p.PublishedPort ?? ''}:${p.TargetPort ?? ''}/${p.Protocol ?? 'tcp'} (${p.PublishMode ?? 'ingress'})`),
    tasks: shown,
  };
  const stack = spec.Labels?.[stackLabel];
  if (stack) service.stack = stack;
  if (s.UpdateStatus?.State) service.update = { state: s.UpdateStatus.State, ...(s.UpdateStatus.Message ? { message: s.UpdateStatus.Message } : {}) };
  return service;
}

/** Every task meant to run, and the newest few stopped ones per slot from the last minutes. */
function shownTasks(tasks: RawTask[], now: number): RawTask[] {
  const sorted = [...tasks].sort((a, b) => time(b.UpdatedAt) - time(a.UpdatedAt));
  const perSlot = new Map<string, number>();
  return sorted
    .filter((t) => {
      if (t.DesiredState === 'running') return true;
      if (now - time(t.UpdatedAt) > recentMs) return false;
      const slot = `${t.Slot ?? t.NodeID}`;
      const seen = perSlot.get(slot) ?? 0;
      perSlot.set(slot, seen + 1);
      return seen < tasksPerSlot;
    })
    .sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0) || time(b.UpdatedAt) - time(a.UpdatedAt));
}

function taskFrom(t: RawTask, hostnames: Map<string, string>): SwarmTask {
  const task: SwarmTask = {
    id: t.ID,
    node: hostnames.get(t.NodeID ?? '') ?? t.NodeID ?? '',
    state: t.Status?.State ?? 'unknown',
    desiredState: t.DesiredState ?? 'unknown',
    updatedAt: time(t.UpdatedAt),
  };
  if (t.Slot !== undefined) task.slot = t.Slot;
  if (t.Status?.Err) task.error = t.Status.Err;
  const exit = t.Status?.ContainerStatus?.ExitCode;
  if (exit !== undefined && t.Status?.State !== 'running') task.exitCode = exit;
  return task;
}

export function nodesFrom(nodes: RawNode[]): SwarmNode[] {
  return nodes
    .map((n) => ({
      id: n.ID,
      hostname: n.Description?.Hostname ?? n.ID.slice(0, 12),
      role: n.Spec?.Role === 'manager' ? ('manager' as const) : ('worker' as const),
      availability: n.Spec?.Availability ?? 'unknown',
      status: n.Status?.State ?? 'unknown',
      leader: n.ManagerStatus?.Leader ?? false,
    }))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

function time(value: string | undefined): number {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : 0;
}
