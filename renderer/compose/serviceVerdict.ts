import type { ComposeOperation, ComposeService } from '../../shared/contract/compose.js';
import type { Verdict } from '../components/StatusPill.js';

/** A compose service's state at a glance, in the words `docker compose ps` would use. */
export function serviceVerdict(service: ComposeService): Verdict {
  switch (service.status) {
    case 'running':
      return { tone: 'ok', label: 'running' };
    case 'partly-running':
      return { tone: 'warn', label: 'partly running' };
    case 'stopped':
      return { tone: 'bad', label: 'stopped' };
    case 'not-created':
      return { tone: 'idle', label: 'not created' };
  }
}

/** Why Up would recreate it, or undefined when it is up to date. */
export function outdatedText(service: ComposeService): string | undefined {
  if (service.outdated === 'config') return 'outdated: config changed';
  if (service.outdated === 'image') return 'outdated: image changed';
  return undefined;
}

/** How an operation went, for the progress panel's heading. */
export function operationVerdict(operation: ComposeOperation): Verdict {
  switch (operation.outcome) {
    case undefined:
      return { tone: 'busy', label: 'running' };
    case 'done':
      return { tone: 'ok', label: 'done' };
    case 'cancelled':
      return { tone: 'warn', label: 'cancelled' };
    case 'failed':
      return { tone: 'bad', label: 'failed' };
  }
}
