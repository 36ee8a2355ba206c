import { useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { useStatusAnnouncement } from '../components/announcer/useStatusAnnouncement.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration } from '../components/time.js';
import { containerActions, type ContainerAction, type ContainerSummary } from '../../shared/contract/containers.js';
import { actionTone, containerActionUsable, containerStateLabel, containerTone, isUp, shortResult } from './containerFormat.js';
import { useContainerAction } from './useContainerAction.js';
import { OpenTerminalButton } from '../terminals/OpenTerminalButton.js';
import { rowKeyProps } from '../keyboard/rowKeyProps.js';
import { navigate } from '../navigation/router.js';
import { sourceId } from '../../shared/sourceId.js';

interface Props {
  container: ContainerSummary;
  now: number;
  selected: boolean;
  checked: boolean;
  onSelect(): void;
  onCheck(checked: boolean): void;
}

/** The row's buttons besides Remove, in order: one of each pair (start/stop, pause/unpause) and whether it can be used now. */
function offered(c: ContainerSummary): Array<{ action: ContainerAction; usable: boolean }> {
  const shown: ContainerAction[] = [isUp(c) ? 'stop' : 'start', 'restart', c.state === 'paused' ? 'unpause' : 'pause', 'kill'];
  return shown.map((action) => ({ action, usable: containerActionUsable(c, action) }));
}

/** One container: state, health, uptime, restarts, image, ports, and its actions with their progress and result. */
export function ContainerRow({ container: c, now, selected, checked, onSelect, onCheck }: Props) {
  const act = useContainerAction();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const target = { engine: c.engine, id: c.id };
  const busy = Boolean(c.pending) || act.isPending;
  const up = isUp(c);
  useStatusAnnouncement(c.name, containerStateLabel(c));
  const running = (action: ContainerAction) => act.isPending && act.variables?.action === action;
  const callError = act.error ?? undefined;
  const result = c.pending ? `${c.pending}…` : c.lastAction ? shortResult(c.lastAction.message, c.name) : callError?.message;
  const failed = c.pending ? false : c.lastAction ? !c.lastAction.ok : Boolean(callError);
  // the row shortcuts do what its buttons do, and nothing while those are disabled
  const keys = rowKeyProps({
    open: onSelect,
    restart: busy ? undefined : () => act.mutate({ action: 'restart', ...target }),
    startStop: busy ? undefined : () => act.mutate({ action: up ? 'stop' : 'start', ...target }),
    logs: () => navigate('logs', { source: sourceId.container(c.name) }),
  });
  return (
    <li className={`containers-row${selected ? ' is-selected' : ''}${c.inStack === false ? ' is-outside' : ''}`} aria-label={`container ${c.name}`} aria-current={selected || undefined} {...keys}>
      <input type="checkbox" className="containers-check" checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={`Select ${c.name}`} />
      {/* the name says what it does and contains what it shows (WCAG "label in name") */}
      <button type="button" className="containers-row-select" onClick={onSelect}>
        <span className="visually-hidden">Show stats and details of </span>
        <span className="containers-row-name">{c.name}</span>
        <span className="visually-hidden">, </span>
        <span className="containers-row-sub" title={c.image}>
          {c.service ? `${c.service} · ` : ''}
          {c.image}
        </span>
      </button>
      <div className="containers-row-state">
        <StatusPill tone={containerTone(c)} title={c.healthOutput ? `last health check: ${c.healthOutput}` : c.status}>
          {containerStateLabel(c)}
        </StatusPill>
        <span className="containers-row-meta">
          {c.state === 'running' && c.startedAt ? `up ${formatDuration(now - c.startedAt)}` : c.finishedAt && !up ? `${formatDuration(now - c.finishedAt)} ago` : ''}
          {c.restartCount > 0 ? <span className="containers-restarts"> · {c.restartCount} restarts</span> : null}
          {c.restartPolicy !== 'no' ? ` · ${c.restartPolicy}` : ''}
        </span>
        <span className="containers-row-ports" title={c.ports.join(', ')}>
          {c.ports.slice(0, 3).join(', ')}
          {c.ports.length > 3 ? ` +${c.ports.length - 3}` : ''}
        </span>
        <OpenTerminalButton engine={c.engine} id={c.id} name={c.name} running={c.state === 'running'} />
      </div>
      <div className={`containers-row-result${failed ? ' is-failed' : ''}`} role={failed ? 'alert' : 'status'} title={c.lastAction?.message}>
        {result ?? (c.health === 'unhealthy' && c.healthOutput ? `health check: ${c.healthOutput}` : '')}
      </div>
      <div className="containers-row-actions">
        {confirmRemove ? (
          <>
            <span className="containers-confirm">Remove {c.name}{up ? ' (running: it will be killed)' : ''}?</span>
            <ActionButton label="Confirm remove" tone="danger" pending={running('remove')} onClick={() => act.mutate({ action: 'remove', ...target, force: up }, { onSettled: () => setConfirmRemove(false) })} />
            <ActionButton label="Cancel" onClick={() => setConfirmRemove(false)} />
          </>
        ) : (
          <>
            {offered(c).map(({ action, usable }) => (
              <ActionButton
                key={action}
                label={containerActions[action].label}
                tone={action === 'start' ? 'primary' : actionTone(action)}
                disabled={busy || !usable}
                pending={running(action)}
                onClick={() => act.mutate({ action, ...target })}
              />
            ))}
            <ActionButton label={containerActions.remove.label} tone={actionTone('remove')} disabled={busy} onClick={() => setConfirmRemove(true)} />
          </>
        )}
      </div>
    </li>
  );
}
