import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { useTopicState } from '../client/hooks.js';
import { navigate, useRoute } from '../navigation/router.js';
import type { TerminalInfo } from '../../shared/contract/terminals.js';
import { OpenTerminalForm } from './OpenTerminalForm.js';
import { TerminalPane } from './TerminalPane.js';
import './terminals.css';

/** Terminals: the open sessions (they run on while other screens are shown), a way to open one, and the selected one. */
export function TerminalsScreen() {
  const { data, error } = useTopicState('terminals');
  const { params } = useRoute();
  const sessions = data?.sessions ?? [];
  const selected = sessions.find((s) => s.id === params.get('session')) ?? sessions.at(-1);
  return (
    <div className="terminals-screen">
      <div className="terminals-side">
        {error ? <ErrorBanner title="Terminal updates stopped">{error.message}</ErrorBanner> : null}
        <Panel title="Sessions" actions={<span className="muted">{sessions.length} open</span>}>
          {sessions.length === 0 ? (
            <EmptyState title="No terminal open" hint="Pick a running container below, or use Open terminal on the Containers screen." />
          ) : (
            <ul className="terminal-sessions" aria-label="Terminal sessions">
              {sessions.map((s) => (
                <SessionRow key={s.id} session={s} selected={s.id === selected?.id} />
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Open a terminal">
          <OpenTerminalForm />
        </Panel>
      </div>
      {selected ? (
        <TerminalPane key={selected.id} session={selected} onClosed={() => navigate('terminals')} />
      ) : (
        <div className="terminal-placeholder">
          <EmptyState title="Sessions live on in the background" hint="Switching screens keeps every session running with its scrollback; closing one ends its processes." />
        </div>
      )}
    </div>
  );
}

function SessionRow({ session: s, selected }: { session: TerminalInfo; selected: boolean }) {
  return (
    <li className={`terminal-session${selected ? ' is-selected' : ''}`} aria-label={`session ${s.name}`} aria-current={selected || undefined}>
      <button type="button" title={`${s.name} — ${s.container}`} onClick={() => navigate('terminals', { session: s.id })}>
        <span className="terminal-session-name">{s.name}</span>
        <span className="terminal-session-sub">
          {s.kind === 'shell' ? s.command : `${s.command} (service shell)`}
          {s.user ? ` as ${s.user}` : ''}
        </span>
      </button>
      <StatusPill tone={s.state === 'running' ? 'ok' : s.exitCode === 0 ? 'idle' : 'warn'}>{s.state === 'running' ? 'running' : `exited${s.exitCode !== undefined ? ` (${s.exitCode})` : ''}`}</StatusPill>
    </li>
  );
}
