import { ActionButton } from '../components/ActionButton.js';
import { useStatusAnnouncement } from '../components/announcer/useStatusAnnouncement.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration, formatMs } from '../components/time.js';
import { useCommand } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import type { McpServerState, SelfcheckResult } from '../../shared/contract/mcp.js';
import { ServerActionButtons, serverRowKeys, useServerCommands } from './ServerActionButtons.js';
import { hasSession, reasonTone, serverStatusLabel, serverStatusWord, serverTone } from './serverStatus.js';
import { sourceId } from '../../shared/sourceId.js';
import { dateClockTime } from '../components/clock.js';

interface Props {
  server: McpServerState;
  /** The last ping's round trip, when the server has answered one. */
  pingMs: number | undefined;
  now: number;
  selected: boolean;
  onSelect(): void;
  onSelfcheck(result: SelfcheckResult): void;
}

/** One server: state with reason and since when, the diagnosis line, and the actions. */
export function McpServerRow({ server: s, pingMs, now, selected, onSelect, onSelfcheck }: Props) {
  const { commands, failure: commandFailure } = useServerCommands();
  const selfcheck = useCommand('mcp.selfcheck');
  const failure = commandFailure ?? selfcheck.error;
  const reason = reasonTone(s.status);
  useStatusAnnouncement(s.name, serverStatusWord(s));
  const commandLine = [s.command, ...s.args].join(' ');
  // the server's own name once known; before that the program's file name (full path in the tooltip)
  const subtitle = s.server ? `${s.server.name} ${s.server.version}` : [s.command.split('/').pop(), ...s.args.map((a) => a.split('/').pop())].join(' ');
  const keys = serverRowKeys(s, commands, onSelect);
  return (
    <li className={`mcp-row${selected ? ' is-selected' : ''}`} aria-label={`MCP server ${s.name}`} aria-current={selected || undefined} {...keys}>
      {/* the name says what it does and contains what it shows (WCAG "label in name") */}
      <button type="button" className="mcp-row-select" onClick={onSelect}>
        <span className="visually-hidden">Show details of </span>
        <span className="mcp-row-name">{s.name}</span>
        <span className="visually-hidden">, </span>
        <span className="mcp-row-sub" title={commandLine}>
          {subtitle}
        </span>
      </button>
      <div className="mcp-row-state">
        <StatusPill tone={serverTone(s.status)} title={`since ${dateClockTime(s.since)}`}>
          {serverStatusLabel(s, now)}
        </StatusPill>
        <span className="mcp-row-since" title={dateClockTime(s.since)}>
          for {formatDuration(now - s.since)}
        </span>
        {hasSession(s.status) ? (
          <span className="mcp-row-meta">
            {s.tools.length} {s.tools.length === 1 ? 'tool' : 'tools'}
            {pingMs !== undefined ? ` · ping ${formatMs(pingMs)}` : ''}
          </span>
        ) : null}
      </div>
      <div className={`mcp-row-reason${reason ? ` is-${reason === 'warn' ? 'warn' : 'failing'}` : ''}`} title={s.reason}>
        {failure ? `${failure.code}: ${failure.message}` : s.reason}
      </div>
      <div className="mcp-row-actions">
        <ServerActionButtons server={s} commands={commands} />
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
