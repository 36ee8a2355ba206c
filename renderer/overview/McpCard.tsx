import { memo } from 'react';
import { useStatusAnnouncement } from '../components/announcer/useStatusAnnouncement.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { countdownTextChangesIn, durationTextChangesIn, formatDuration } from '../components/time.js';
import { ClockText } from '../components/ClockText.js';
import { useTopicState } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import type { McpServerState } from '../../shared/contract/mcp.js';
import { ServerActionButtons, serverRowKeys, useServerCommands } from '../mcp/ServerActionButtons.js';
import { reasonTone, serverStatusLabel, serverStatusWord, serverTone } from '../mcp/serverStatus.js';
import { dateClockTime } from '../components/clock.js';

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

/** State, wording, colours and actions come from the MCP screen's serverStatus, so both screens agree. */
// Memoised: the topic store keeps an unchanged item's identity, so only rows whose data moved re-render.
const McpRow = memo(function McpRow({ server: s }: { server: McpServerState }) {
  const { commands, failure } = useServerCommands();
  const reason = reasonTone(s.status);
  useStatusAnnouncement(s.name, serverStatusWord(s));
  const keys = serverRowKeys(s, commands, () => navigate('mcp', { server: s.name }));
  return (
    <li className="row" aria-label={`MCP server ${s.name}`} {...keys}>
      <div className="row-main">
        <span className="row-name">{s.name}</span>
        <StatusPill tone={serverTone(s.status)} title={`since ${dateClockTime(s.since)}`}>
          <ClockText text={(now) => serverStatusLabel(s, now)} changesIn={(now) => (s.status === 'backoff' && s.nextAttemptAt ? countdownTextChangesIn(s.nextAttemptAt - now) : Infinity)} />
        </StatusPill>
        <span className="row-since">
          <ClockText text={(now) => formatDuration(now - s.since)} changesIn={(now) => durationTextChangesIn(now - s.since)} />
        </span>
      </div>
      <div className={`row-detail${reason ? ` text-${reason}` : ''}`} title={s.reason}>
        {failure ? failure.message : s.reason}
      </div>
      <div className="row-actions">
        <ServerActionButtons server={s} commands={commands} />
      </div>
    </li>
  );
});
