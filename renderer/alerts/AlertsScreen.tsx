import { useContext } from 'react';
import { ClientContext, useTopicState } from '../client/hooks.js';
import { EmptyState } from '../components/EmptyState.js';
import { Panel } from '../components/Panel.js';
import { ActionButton } from '../components/ActionButton.js';
import { useNow } from '../components/useNow.js';
import { AlertRow } from './AlertRow.js';
import { AlertRulesTable } from './AlertRulesTable.js';
import { requestNotificationPermission, useNotificationPermission } from './notificationPermission.js';
import './alerts.css';

/** What fires, what waits out its for:, what just resolved, and the rules behind them. */
export function AlertsScreen() {
  const { data } = useTopicState('alerts');
  const now = useNow();
  if (!data) return <EmptyState title="Loading alerts…" />;
  const firing = data.active.filter((a) => a.state === 'firing').length;
  return (
    <div className="alerts-screen">
      <NotificationsNote />
      <Panel title={`Active (${firing} firing, ${data.active.length - firing} pending)`}>
        {data.active.length === 0 ? (
          <EmptyState title="Nothing is firing" hint="Rules are checked whenever a probe, container, MCP server, cache or engine reports; built-in rules are on." />
        ) : (
          <ul className="rows" aria-label="Active alerts">
            {data.active.map((alert) => (
              <AlertRow key={alert.id} alert={alert} now={now} />
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="Recently resolved">
        {data.resolved.length === 0 ? (
          <EmptyState title="Nothing resolved yet" />
        ) : (
          <ul className="rows rows-scroll" aria-label="Resolved alerts">
            {data.resolved.map((alert) => (
              <AlertRow key={`${alert.id}@${alert.resolvedAt}`} alert={alert} now={now} />
            ))}
          </ul>
        )}
      </Panel>
      <Panel title={`Rules (${data.rules.filter((r) => r.on).length} on)`}>
        <AlertRulesTable rules={data.rules} />
      </Panel>
    </div>
  );
}

/** Browser mode needs the operator's yes before it may notify; the desktop app notifies by itself. */
function NotificationsNote() {
  const mode = useContext(ClientContext)?.connection.mode;
  const permission = useNotificationPermission();
  if (mode !== 'browser') return null;
  if (permission === 'granted') return <p className="alerts-note">Notifications are on in this browser: one per firing, a click opens the affected item.</p>;
  if (permission === 'unsupported') return <p className="alerts-note">This browser cannot show notifications; the banner above every screen still shows what fires.</p>;
  if (permission === 'denied') return <p className="alerts-note">Notifications are blocked for this page; allow them in the browser’s site settings to be told when something fires.</p>;
  return (
    <p className="alerts-note">
      Be told when something fires, even in another tab: <ActionButton label="Allow notifications" tone="primary" onClick={() => void requestNotificationPermission()} />
    </p>
  );
}
