import { useQuery } from '@tanstack/react-query';
import { ActionButton } from '../components/ActionButton.js';
import { useClient } from '../client/hooks.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { useOpenTerminal } from './useOpenTerminal.js';

/** "Open terminal" and one button per service shell (psql, redis-cli, the stack file's `shells:`) for one container. */
export function ServiceShellButtons({ engine, container, running }: { engine: string; container: string; running: boolean }) {
  const client = useClient();
  const { open, opening, error } = useOpenTerminal();
  const choices = useQuery({
    queryKey: ['terminals.choices', engine, container],
    queryFn: () => client.call('terminals.choices', { engine, container }),
    enabled: running,
  });
  const pending = (service?: string) => opening !== undefined && opening.container === container && opening.service === service;
  return (
    <div className="terminal-launchers" role="group" aria-label={`terminals for ${container}`}>
      <ActionButton label="Open terminal" tone="primary" disabled={!running} pending={pending(undefined)} title={running ? 'A shell inside the container (bash, else sh)' : 'the container is not running'} onClick={() => open({ engine, container })} />
      {(choices.data?.services ?? []).map((s) => (
        <ActionButton key={s.label} label={s.label} disabled={!running} pending={pending(s.label)} title={`${s.label} with the container's own credentials (${s.reason})`} onClick={() => open({ engine, container, service: s.label })} />
      ))}
      {error ? (
        <span className="terminal-launch-error" role="alert">
          {error.message}
        </span>
      ) : choices.error ? (
        <span className="terminal-launch-error">{(choices.error as unknown as ErrorInfo).message}</span>
      ) : null}
    </div>
  );
}
