import { useConnectionStatus, useTopicState } from '../client/hooks.js';
import { LiveAnnouncer } from '../components/announcer/LiveAnnouncer.js';
import { StatusPill } from '../components/StatusPill.js';
import { ThemeSwitch } from '../components/theme/ThemeSwitch.js';
import { KeyboardLayer } from '../keyboard/KeyboardLayer.js';
import { useRoute } from '../navigation/router.js';
import { screenAt, screens } from '../navigation/screens.js';
import { ConfigBanner } from './ConfigBanner.js';

export function App() {
  const route = useRoute();
  const status = useConnectionStatus();
  const { data: config } = useTopicState('config');
  const screen = screenAt(route.path);
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⌁</span> Switchboard
        </div>
        <ul>
          {screens.map((s) => (
            <li key={s.path}>
              <a href={`#/${s.path}`} aria-current={s.path === screen.path ? 'page' : undefined}>
                {s.navLabel}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <ThemeSwitch />
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
        <screen.Component />
      </main>
      <LiveAnnouncer />
      <KeyboardLayer />
    </div>
  );
}
