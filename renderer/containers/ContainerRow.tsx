import { useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration } from '../components/time.js';
import { useCommand } from '../client/hooks.js';
import type { ContainerSummary } from '../../shared/contract/containers.js';
import { containerStateLabel, containerTone, isUp, shortResult } from './containerFormat.js';

interface Props {
  container: ContainerSummary;
  now: number;
  selected: boolean;
  checked: boolean;
  onSelect(): void;
  onCheck(checked: boolean): void;
}

/** One container: state, health, uptime, restarts, image, ports, and its actions with their progress and result. */
export function ContainerRow({ container: c, now, selected, checked, onSelect, onCheck }: Props) {
  const start = useCommand('containers.start');
  const stop = useCommand('containers.stop');
  const restart = useCommand('containers.restart');
  const kill = useCommand('containers.kill');
  const pause = useCommand('containers.pause');
  const unpause = useCommand('containers.unpause');
  const remove = useCommand('containers.remove');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const target = { engine: c.engine, id: c.id };
  const busy = Boolean(c.pending) || [start, stop, restart, kill, pause, unpause, remove].some((m) => m.isPending);
  const up = isUp(c);
  const callError = [start, stop, restart, kill, pause, unpause, remove].find((m) => m.error)?.error;
  const result = c.pending ? `${c.pending}…` : c.lastAction ? shortResult(c.lastAction.message, c.name) : callError?.message;
  const failed = c.pending ? false : c.lastAction ? !c.lastAction.ok : Boolean(callError);
  return (
    <li className={`containers-row${selected ? ' is-selected' : ''}${c.inStack === false ? ' is-outside' : ''}`} aria-label={`container ${c.name}`} aria-current={selected || undefined}>
      <input type="checkbox" className="containers-check" checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={`Select ${c.name}`} />
      <button type="button" className="containers-row-select" onClick={onSelect} aria-label={`Show stats and details of ${c.name}`}>
        <span className="containers-row-name">{c.name}</span>
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
      </div>
      <div className={`containers-row-result${failed ? ' is-failed' : ''}`} role={failed ? 'alert' : 'status'} title={c.lastAction?.message}>
        {result ?? (c.health === 'unhealthy' && c.healthOutput ? `health check: ${c.healthOutput}` : '')}
      </div>
      <div className="containers-row-actions">
        {confirmRemove ? (
          <>
            <span className="containers-confirm">Remove {c.name}{up ? ' (running: it will be killed)' : ''}?</span>
            <ActionButton label="Confirm remove" tone="danger" pending={remove.isPending} onClick={() => remove.mutate({ ...target, force: up }, { onSettled: () => setConfirmRemove(false) })} />
            <ActionButton label="Cancel" onClick={() => setConfirmRemove(false)} />
          </>
        ) : (
          <>
            {up ? (
              <ActionButton label="Stop" disabled={busy} pending={stop.isPending} onClick={() => stop.mutate(target)} />
            ) : (
              <ActionButton label="Start" tone="primary" disabled={busy} pending={start.isPending} onClick={() => start.mutate(target)} />
            )}
            <ActionButton label="Restart" disabled={busy} pending={restart.isPending} onClick={() => restart.mutate(target)} />
            {c.state === 'paused' ? (
              <ActionButton label="Unpause" disabled={busy} pending={unpause.isPending} onClick={() => unpause.mutate(target)} />
            ) : (
              <ActionButton label="Pause" disabled={busy || c.state !== 'running'} pending={pause.isPending} onClick={() => pause.mutate(target)} />
            )}
            <ActionButton label="Kill" tone="danger" disabled={busy || !up} pending={kill.isPending} onClick={() => kill.mutate(target)} />
            <ActionButton label="Remove" tone="danger" disabled={busy} onClick={() => setConfirmRemove(true)} />
          </>
        )}
      </div>
    </li>
  );
}
