import { useState } from 'react';
import { EmptyState } from '../components/EmptyState.js';
import { Panel } from '../components/Panel.js';
import type { McpServerState } from '../../shared/contract/mcp.js';
import { McpToolCaller } from './McpToolCaller.js';
import { hasSession } from './serverStatus.js';

/** A ready server's tools with their input schemas, and a form to call one (like MCP Inspector). */
export function McpToolsPanel({ server: s }: { server: McpServerState }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const usable = hasSession(s.status);
  const tool = s.tools.find((t) => t.name === chosen) ?? s.tools[0];
  return (
    <Panel title={`Tools (${s.tools.length})`} className="mcp-tools">
      {!usable ? (
        <EmptyState title={`No tools while ${s.status}`} hint="Tools are listed once the server is ready. Start or Restart it above." />
      ) : s.tools.length === 0 ? (
        <EmptyState title="This server offers no tools" hint={`It lists ${s.resources.length} resources and ${s.prompts.length} prompts.`} />
      ) : (
        <div className="mcp-tools-grid">
          <ul className="mcp-tool-list" aria-label="Tools">
            {s.tools.map((t) => (
              <li key={t.name}>
                <button
                  type="button"
                  className={`mcp-tool-item${t.name === tool?.name ? ' is-selected' : ''}`}
                  aria-pressed={t.name === tool?.name}
                  onClick={() => setChosen(t.name)}
                >
                  <span className="mcp-tool-name">{t.name}</span>
                  {t.title || t.description ? <span className="mcp-tool-desc">{t.title ?? t.description}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          {tool ? <McpToolCaller key={`${s.name}/${tool.name}`} server={s.name} tool={tool} /> : null}
        </div>
      )}
    </Panel>
  );
}
