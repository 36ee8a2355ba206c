import { useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { useCommand } from '../client/hooks.js';
import { containerActions, type ContainerAction } from '../../shared/contract/containers.js';
import { actionTone } from './containerFormat.js';

/** What a selection offers besides Remove (which asks first). */
const selectionActions: ContainerAction[] = ['start', 'stop', 'restart', 'kill'];

interface Props {
  targets: Array<{ engine: string; id: string; name: string }>;
  onClear(): void;
}

/** Actions on the checked containers, with one result line per container that failed. */
export function SelectionBar({ targets, onClear }: Props) {
  const bulk = useCommand('containers.bulk');
  const [confirm, setConfirm] = useState(false);
  const run = (action: ContainerAction, force = false) =>
    bulk.mutate({ action, force, targets: targets.map(({ engine, id }) => ({ engine, id })) }, { onSettled: () => setConfirm(false) });
  const failures = bulk.data?.results.filter((r) => !r.ok) ?? [];
  const names = targets.map((t) => t.name).join(', ');
  return (
    <div className="containers-selection" role="region" aria-label="selected containers">
      <span className="containers-selection-count" title={names}>
        {targets.length} selected
      </span>
      {confirm ? (
        <>
          <span className="containers-confirm">Remove {targets.length} containers (running ones are killed)?</span>
          <ActionButton label="Confirm remove" tone="danger" pending={bulk.isPending} onClick={() => run('remove', true)} />
          <ActionButton label="Cancel" onClick={() => setConfirm(false)} />
        </>
      ) : (
        <>
          {selectionActions.map((action) => (
            <ActionButton
              key={action}
              label={containerActions[action].label}
              tone={actionTone(action)}
              disabled={bulk.isPending}
              pending={bulk.isPending && bulk.variables?.action === action}
              onClick={() => run(action)}
            />
          ))}
          <ActionButton label={containerActions.remove.label} tone={actionTone('remove')} disabled={bulk.isPending} onClick={() => setConfirm(true)} />
        </>
      )}
      <button type="button" className="link-button" onClick={onClear}>
        Clear selection
      </button>
      {bulk.data && !bulk.isPending ? (
        <span className={`containers-selection-result${failures.length ? ' is-failed' : ''}`} role="status">
          {bulk.variables?.action}: {bulk.data.results.length - failures.length} of {bulk.data.results.length} done
          {failures.length ? ` — ${failures.map((f) => `${f.name}: ${f.message}`).join('; ')}` : ''}
        </span>
      ) : null}
      {bulk.error ? <span className="containers-selection-result is-failed">{bulk.error.message}</span> : null}
    </div>
  );
}
