import { useState } from 'react';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { useNow } from '../components/useNow.js';
import { useTopicState } from '../client/hooks.js';
import { navigate, useRoute } from '../navigation/router.js';
import type { McpServerState, SelfcheckResult } from '../../shared/contract/mcp.js';
import { GatewayPanel } from './GatewayPanel.js';
import { LeftoversPanel } from './LeftoversPanel.js';
import { McpServerDetails } from './McpServerDetails.js';
import { McpServerRow } from './McpServerRow.js';
import { needsAttention } from './serverStatus.js';
import './mcp.css';

/** MCP servers: every server's state and diagnosis with its actions, and the selected one's details and tools. */
export function McpScreen() {
  const { data, error } = useTopicState('mcp');
  // apart from the states: they change with every ping, and only this screen shows them
  const pings = useTopicState('mcp.pings').data?.pings;
  const { params } = useRoute();
  const now = useNow();
  const [selfchecks, setSelfchecks] = useState<Record<string, SelfcheckResult>>({});
  const servers = data?.servers ?? [];
  const selected = pickSelected(servers, params.get('server'));

  return (
    <div className="mcp-screen">
      {error ? <ErrorBanner title="MCP updates stopped">{error.message}</ErrorBanner> : null}
      <LeftoversPanel now={now} />
      <Panel title="Servers" actions={data ? <Summary servers={servers} /> : null} className="mcp-list">
        {data === undefined ? (
          error ? null : <EmptyState title="Loading MCP servers…" />
        ) : servers.length === 0 ? (
          <EmptyState
            title="No MCP servers configured"
            hint={
              <>
                Add them under <code>mcpServers:</code> in the stack file (same shape as Claude Desktop and Cursor), or{' '}
                <code>include:</code> an existing <code>claude_desktop_config.json</code> or <code>mcp.json</code>.
              </>
            }
          />
        ) : (
          <ul className="mcp-rows" aria-label="MCP servers">
            {servers.map((s) => (
              <McpServerRow
                key={s.name}
                server={s}
                pingMs={pings?.[s.name]}
                now={now}
                selected={s.name === selected?.name}
                onSelect={() => navigate('mcp', { server: s.name })}
                onSelfcheck={(result) => {
                  setSelfchecks((all) => ({ ...all, [s.name]: result }));
                  navigate('mcp', { server: s.name });
                }}
              />
            ))}
          </ul>
        )}
      </Panel>
      {selected ? <McpServerDetails key={selected.name} server={selected} pingMs={pings?.[selected.name]} selfcheck={selfchecks[selected.name]} /> : null}
      {selected ? <GatewayPanel server={selected.name} /> : null}
    </div>
  );
}

/** The route names the server; without one, a failing server is the one an operator wants to see. */
function pickSelected(servers: McpServerState[], wanted: string | null): McpServerState | undefined {
  return servers.find((s) => s.name === wanted) ?? servers.find((s) => needsAttention(s.status)) ?? servers[0];
}

function Summary({ servers }: { servers: McpServerState[] }) {
  const ready = servers.filter((s) => s.status === 'ready').length;
  const failing = servers.filter((s) => needsAttention(s.status)).length;
  return (
    <span className="mcp-summary">
      <span className="mcp-summary-ok">{ready} ready</span>
      {failing ? <span className="mcp-summary-bad"> · {failing} need attention</span> : null}
      <span className="muted"> · {servers.length} total</span>
    </span>
  );
}
