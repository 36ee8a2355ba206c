import { ActionButton } from '../components/ActionButton.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration } from '../components/time.js';
import { useNow } from '../components/useNow.js';
import { useCommand, useTopicState } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import type { McpServerState } from '../../shared/contract/mcp.js';
import { mcpStatusTone } from '../mcp/mcpStatus.js';

export function McpCard() {
  const { data, error } = useTopicState('mcp');
  const servers = data?.servers ?? [];
  return (
    <Panel title="MCP servers" actions={<button className="link-button" onClick={() => navigate('mcp')}>Details →</button>}>
      {error ? <ErrorBanner title="MCP updates stopped">{error.message}</ErrorBanner> : null}
      {data === undefined ? (
        error ? null : <EmptyState title="Loading MCP servers…" />
      ) : servers.length === 0 ? (
        <EmptyState title="No MCP servers configured" hint={<>Add them under <code>mcpServers:</code> in the stack file, or <code>include:</code> an existing mcp.json.</>} />
      ) : (
        <ul className="rows" aria-label="MCP servers">
          {servers.map((s) => (
            <McpRow key={s.name} server={s} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function McpRow({ server: s }: { server: McpServerState }) {
  const now = useNow();
  const start = useCommand('mcp.start');
  const stop = useCommand('mcp.stop');
  const restart = useCommand('mcp.restart');
  const failure = start.error ?? stop.error ?? restart.error;
  const active = s.status !== 'stopped' && s.status !== 'exited' && s.status !== 'crash-loop';
  const detail =
    s.status === 'backoff' && s.nextAttemptAt ? `${s.reason} · next try in ${formatDuration(s.nextAttemptAt - now)}` : s.reason;
  return (
    <li className="row" aria-label={`MCP server ${s.name}`}>
      <div className="row-main">
        <span className="row-name">{s.name}</span>
        <StatusPill tone={mcpStatusTone(s.status)} title={`since ${new Date(s.since).toLocaleTimeString()}`}>
          {s.status}
        </StatusPill>
        <span className="row-since">{formatDuration(now - s.since)}</span>
      </div>
      <div className={`row-detail ${s.status === 'exited' || s.status === 'crash-loop' || s.status === 'backoff' ? 'text-bad' : ''}`} title={detail}>
        {failure ? failure.message : detail}
      </div>
      <div className="row-actions">
        {active ? (
          <ActionButton label="Stop" pending={stop.isPending} onClick={() => stop.mutate({ name: s.name })} />
        ) : (
          <ActionButton label="Start" pending={start.isPending} onClick={() => start.mutate({ name: s.name })} />
        )}
        <ActionButton label="Restart" tone="primary" pending={restart.isPending} onClick={() => restart.mutate({ name: s.name })} />
      </div>
    </li>
  );
}
