import type { Tone } from '../components/StatusPill.js';
import { containerActions, type ContainerAction, type ContainerSummary, type EngineState } from '../../shared/contract/containers.js';
import { sourceId } from '../../shared/sourceId.js';

export function containerTone(c: Pick<ContainerSummary, 'state' | 'health' | 'pending' | 'exitCode'>): Tone {
  if (c.pending || c.state === 'restarting' || c.state === 'removing') return 'busy';
  if (c.state === 'running') return c.health === 'unhealthy' ? 'bad' : c.health === 'starting' ? 'warn' : 'ok';
  if (c.state === 'paused' || c.state === 'created') return 'idle';
  // A clean exit (stopped by someone, or a one-shot job that finished) is not an alarm.
  if (c.state === 'exited' && c.exitCode === 0) return 'idle';
  return 'bad';
}

/** The state word the row shows: an action in progress wins, then health for running containers. */
export function containerStateLabel(c: Pick<ContainerSummary, 'state' | 'health' | 'pending' | 'exitCode' | 'oomKilled'>): string {
  if (c.pending) return c.pending;
  if (c.state === 'running' && c.health !== 'none') return `running · ${c.health}`;
  if (c.state === 'exited' && c.exitCode !== undefined) return `exited (${c.exitCode})${c.oomKilled ? ' · OOM' : ''}`;
  return c.state;
}

/** Destructive actions (kill, remove) are red wherever they are offered. */
export function actionTone(action: ContainerAction): 'danger' | 'default' {
  return containerActions[action].destructive ? 'danger' : 'default';
}

export function isUp(c: Pick<ContainerSummary, 'state'>): boolean {
  return c.state === 'running' || c.state === 'paused' || c.state === 'restarting';
}

/** Whether an action makes sense on a container in its state now: its row and the command palette offer the same. */
export function containerActionUsable(c: Pick<ContainerSummary, 'state'>, action: ContainerAction): boolean {
  switch (action) {
    case 'start':
      return !isUp(c);
    case 'stop':
    case 'kill':
      return isUp(c);
    case 'pause':
      return c.state === 'running';
    case 'unpause':
      return c.state === 'paused';
    case 'restart':
    case 'remove':
      return true;
  }
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

export function formatRate(n: number | undefined): string {
  return n === undefined ? '—' : `${formatBytes(n)}/s`;
}

/** Network rates, or why there are none: Docker reports no counters for a container on the host's network or on none. */
export function formatNet(s: { rxBytesPerSec: number | null; txBytesPerSec: number | null } | undefined, networkMode: string | undefined): string {
  if (!s) return '—';
  if (s.rxBytesPerSec === null || s.txBytesPerSec === null) {
    return networkMode === 'host' ? 'not reported (host network)' : networkMode === 'none' ? 'none (no network)' : 'not reported';
  }
  return `${formatRate(s.rxBytesPerSec)} / ${formatRate(s.txBytesPerSec)}`;
}

export function formatCpu(p: number | undefined): string {
  return p === undefined ? '—' : `${p.toFixed(p >= 10 ? 0 : 1)}%`;
}

/** Containers grouped by compose project; those without one go last under "Other containers". */
export function groupByProject(containers: ContainerSummary[]): Array<{ project: string | undefined; containers: ContainerSummary[] }> {
  const groups = new Map<string | undefined, ContainerSummary[]>();
  for (const c of containers) {
    const list = groups.get(c.project) ?? [];
    list.push(c);
    groups.set(c.project, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
    .map(([project, list]) => ({ project, containers: list }));
}

/** "restart done in 1.9 s" — the row already names the container. */
export function shortResult(message: string, name: string): string {
  return message.replace(` of ${sourceId.container(name)}`, '').replace(` of container ${name}`, '');
}

/** Axis ticks that stay distinct on small ranges: 0.5%, 1.5%, not 1%, 1%. */
export function cpuTick(v: number): string {
  return `${v < 10 && v !== Math.round(v) ? v.toFixed(1) : v.toFixed(0)}%`;
}

export const targetKey = (c: { engine: string; id: string }) => `${c.engine}/${c.id}`;

/**
 * Why an engine is unreachable, without the "Docker engine not reachable at …"
 * the server's message starts with: both screens put that in the title above it.
 */
export function engineDownCause(e: Pick<EngineState, 'address' | 'error'>): string | undefined {
  return e.error?.replace(`Docker engine not reachable at ${e.address}: `, '');
}
