import type { SwarmService, SwarmTask } from '../../shared/contract/swarm.js';
import type { Verdict } from '../components/StatusPill.js';

/** A service at a glance: all replicas running, some, or none; an update in progress shows as busy. */
export function swarmServiceVerdict(service: SwarmService): Verdict {
  if (service.update && /^(updating|rollback_started)$/.test(service.update.state)) return { tone: 'busy', label: service.update.state === 'updating' ? 'rolling update' : 'rolling back' };
  if (service.update && /paused/.test(service.update.state)) return { tone: 'bad', label: service.update.state.replace(/_/g, ' ') };
  if (service.desired === 0) return { tone: 'idle', label: 'scaled to 0' };
  if (service.running >= service.desired) return { tone: 'ok', label: 'running' };
  return service.running === 0 ? { tone: 'bad', label: 'not running' } : { tone: 'warn', label: 'partly running' };
}

/** A task's state: running (or starting) in step with what is desired, on its way out, or failed. */
export function taskVerdict(task: SwarmTask): Verdict {
  if (task.state === 'failed' || task.state === 'rejected') return { tone: 'bad', label: task.state };
  if (task.desiredState !== 'running') return { tone: 'idle', label: task.state === 'running' ? 'stopping' : task.state };
  if (task.state === 'running') return { tone: 'ok', label: 'running' };
  return { tone: 'busy', label: task.state };
}
