import type { Tone } from '../components/StatusPill.js';
import type { ContainerSummary } from '../../shared/contract/containers.js';

export function containerTone(c: Pick<ContainerSummary, 'state' | 'health' | 'pending'>): Tone {
  if (c.pending || c.state === 'restarting' || c.state === 'removing') return 'busy';
  if (c.state === 'running') return c.health === 'unhealthy' ? 'bad' : c.health === 'starting' ? 'warn' : 'ok';
  if (c.state === 'paused' || c.state === 'created') return 'idle';
  return 'bad';
}

export function containerLabel(c: Pick<ContainerSummary, 'state' | 'health' | 'pending' | 'exitCode'>): string {
  if (c.pending) return c.pending;
  if (c.state === 'running' && c.health !== 'none') return `running · ${c.health}`;
  if (c.state === 'exited' && c.exitCode !== undefined) return `exited (${c.exitCode})`;
  return c.state;
}
