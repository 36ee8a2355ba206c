import { ActionButton } from '../components/ActionButton.js';
import { useCommand } from '../client/hooks.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { McpServerState } from '../../shared/contract/mcp.js';
import { serverActions, type ServerAction } from './serverStatus.js';
import { rowKeyProps } from '../keyboard/rowKeyProps.js';
import { navigate } from '../navigation/router.js';
import { sourceId } from '../../shared/sourceId.js';

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

/** A server row's shortcuts (Enter, r, s, l), doing what its buttons do: s is the Start or Stop its state offers. */
export function serverRowKeys(server: Pick<McpServerState, 'name' | 'status'>, commands: ReturnType<typeof useServerCommands>['commands'], open: () => void) {
  const busy = commands.start.isPending || commands.stop.isPending || commands.restart.isPending;
  return rowKeyProps({
    open,
    restart: busy ? undefined : () => commands.restart.mutate({ name: server.name }),
    startStop: busy ? undefined : () => commands[serverActions(server.status)[0]!].mutate({ name: server.name }),
    logs: () => navigate('logs', { source: sourceId.mcp(server.name) }),
  });
}
