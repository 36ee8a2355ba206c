import { ActionButton } from '../components/ActionButton.js';
import { useCommand } from '../client/hooks.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { McpServerState } from '../../shared/contract/mcp.js';
import { serverActions, type ServerAction } from './serverStatus.js';

const labels: Record<ServerAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };

/** Start, Stop and Restart of one server, shared by every screen that offers them. */
export function useServerCommands() {
  const start = useCommand('mcp.start');
  const stop = useCommand('mcp.stop');
  const restart = useCommand('mcp.restart');
  const commands = { start, stop, restart };
  const failure: ErrorInfo | null = start.error ?? stop.error ?? restart.error;
  return { commands, failure };
}

/** The buttons the server's state offers (serverActions decides which), Restart highlighted. */
export function ServerActionButtons({ server, commands }: { server: Pick<McpServerState, 'name' | 'status'>; commands: ReturnType<typeof useServerCommands>['commands'] }) {
  return (
    <>
      {serverActions(server.status).map((action) => (
        <ActionButton
          key={action}
          label={labels[action]}
          tone={action === 'restart' ? 'primary' : 'default'}
          pending={commands[action].isPending}
          onClick={() => commands[action].mutate({ name: server.name })}
        />
      ))}
    </>
  );
}
