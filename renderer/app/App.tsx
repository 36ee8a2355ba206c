import type { ReactElement } from 'react';
import { useConnectionStatus, useTopicState } from '../client/hooks.js';
import { ContainersScreen } from '../containers/ContainersScreen.js';
import { DashboardsScreen } from '../dashboards/DashboardsScreen.js';
import { LogsScreen } from '../logs/LogsScreen.js';
import { McpScreen } from '../mcp/McpScreen.js';
import { OverviewScreen } from '../overview/OverviewScreen.js';
import { StatusPill } from '../components/StatusPill.js';
import { ConfigBanner } from './ConfigBanner.js';
import { useRoute, type ScreenId } from './router.js';

const screens: { id: ScreenId; title: string; render: () => ReactElement }[] = [
  { id: 'overview', title: 'Overview', render: () => <OverviewScreen /> },
  { id: 'containers', title: 'Containers', render: () => <ContainersScreen /> },
  { id: 'mcp', title: 'MCP servers', render: () => <McpScreen /> },
  { id: 'dashboards', title: 'Dashboards', render: () => <DashboardsScreen /> },
  { id: 'logs', title: 'Logs', render: () => <LogsScreen /> },
];

export function App() {
  const route = useRoute();
  const status = useConnectionStatus();
  const { data: config } = useTopicState('config');
  const screen = screens.find((s) => s.id === route.screen) ?? screens[0]!;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⌁</span> Switchboard
        </div>
        <ul>
          {screens.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === screen.id ? 'page' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <StatusPill tone={status === 'open' ? 'ok' : 'warn'}>{status === 'open' ? 'connected' : status}</StatusPill>
        </div>
      </nav>
      <main className="content">
        <header className="topbar">
          <h1>{screen.title}</h1>
          <div className="topbar-meta" title={config?.source}>
            {config ? (
              <>
                <span className="stack-name">{config.stackName}</span>
                <span className="muted"> · {config.isDemo ? 'built-in demo stack' : config.source}</span>
              </>
            ) : null}
          </div>
        </header>
        {status !== 'open' ? (
          <div className="connection-banner" role="status">
            Lost the connection to Switchboard — reconnecting… (what you see may be out of date)
          </div>
        ) : null}
        <ConfigBanner />
        {screen.render()}
      </main>
    </div>
  );
}
