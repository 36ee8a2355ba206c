import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration, formatMs } from '../components/time.js';
import { useCommand } from '../client/hooks.js';
import { navigate } from '../app/router.js';
import type { McpServerState, SelfcheckResult } from '../../shared/contract/mcp.js';
import { sourceId } from '../../shared/sourceId.js';
import { isFailing, isRunning, mcpStatusTone, statusLabel } from './mcpStatus.js';

interface Props {
  server: McpServerState;
  now: number;
  selected: boolean;
  onSelect(): void;
  onSelfcheck(result: SelfcheckResult): void;
}

/** One server: state with reason and since when, the diagnosis line, and the actions. */
export function McpServerRow({ server: s, now, selected, onSelect, onSelfcheck }: Props) {
  const start = useCommand('mcp.start');
  const stop = useCommand('mcp.stop');
  const restart = useCommand('mcp.restart');
  const selfcheck = useCommand('mcp.selfcheck');
  const failure = start.error ?? stop.error ?? restart.error ?? selfcheck.error;
  const running = isRunning(s);
  const commandLine = [s.command, ...s.args].join(' ');
  // the server's own name once known; before that the program's file name (full path in the tooltip)
  const subtitle = s.server ? `${s.server.name} ${s.server.version}` : [s.command.split('/').pop(), ...s.args.map((a) => a.split('/').pop())].join(' ');
  return (
    <li className={`mcp-row${selected ? ' is-selected' : ''}`} aria-label={`MCP server ${s.name}`} aria-current={selected || undefined}>
      <button type="button" className="mcp-row-select" onClick={onSelect} aria-label={`Show details of ${s.name}`}>
        <span className="mcp-row-name">{s.name}</span>
        <span className="mcp-row-sub" title={commandLine}>
          {subtitle}
        </span>
      </button>
      <div className="mcp-row-state">
        <StatusPill tone={mcpStatusTone(s.status)} title={`since ${new Date(s.since).toLocaleString()}`}>
          {statusLabel(s, now)}
        </StatusPill>
        <span className="mcp-row-since" title={new Date(s.since).toLocaleString()}>
          for {formatDuration(now - s.since)}
        </span>
        {s.status === 'ready' || s.status === 'degraded' ? (
          <span className="mcp-row-meta">
            {s.tools.length} {s.tools.length === 1 ? 'tool' : 'tools'}
            {s.lastPingMs !== undefined ? ` · ping ${formatMs(s.lastPingMs)}` : ''}
          </span>
        ) : null}
      </div>
      <div className={`mcp-row-reason${isFailing(s) ? ` is-${s.status === 'degraded' ? 'warn' : 'failing'}` : ''}`} title={s.reason}>
        {failure ? `${failure.code}: ${failure.message}` : s.reason}
      </div>
      <div className="mcp-row-actions">
        {running ? (
          <ActionButton label="Stop" pending={stop.isPending} onClick={() => stop.mutate({ name: s.name })} />
        ) : (
          <ActionButton label="Start" pending={start.isPending} onClick={() => start.mutate({ name: s.name })} />
        )}
        <ActionButton label="Restart" tone="primary" pending={restart.isPending} onClick={() => restart.mutate({ name: s.name })} />
        <ActionButton
          label="Selfcheck"
          disabled={!s.hasSelfcheck}
          title={s.hasSelfcheck ? 'Run the wrapper with its selfcheck args in a separate process' : 'No selfcheck args in the config'}
          pending={selfcheck.isPending}
          onClick={() => selfcheck.mutate({ name: s.name }, { onSuccess: onSelfcheck })}
        />
        <ActionButton label="Logs" onClick={() => navigate('logs', { source: sourceId.mcp(s.name) })} />
      </div>
    </li>
  );
}
