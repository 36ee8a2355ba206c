import { ActionButton } from '../components/ActionButton.js';
import { useCommand } from '../client/hooks.js';
import { containerActions, type ContainerAction, type ContainerSummary } from '../../shared/contract/containers.js';
import { ContainerRow } from './ContainerRow.js';
import { targetKey } from './containerFormat.js';
import { formatElapsed } from '../../shared/elapsed.js';

/** What a compose project's header offers for the whole group. */
const groupActions: ContainerAction[] = ['start', 'stop', 'restart'];

interface Props {
  engine: string;
  project: string | undefined;
  containers: ContainerSummary[];
  now: number;
  selectedKey: string | undefined;
  checked: Set<string>;
  onSelect(c: ContainerSummary): void;
  onCheck(c: ContainerSummary, checked: boolean): void;
}

/** A compose project (or the containers without one) with actions for the whole group. */
export function ProjectGroup({ engine, project, containers, now, selectedKey, checked, onSelect, onCheck }: Props) {
  const group = useCommand('containers.project');
  const running = containers.filter((c) => c.state === 'running').length;
  const act = (action: ContainerAction) => project && group.mutate({ engine, project, action });
  const failures = group.data?.results.filter((r) => !r.ok) ?? [];
  return (
    <section className="containers-group" aria-label={project ? `compose project ${project}` : 'other containers'}>
      <header className="containers-group-header">
        <h3 className="containers-group-title">
          {project ?? 'Other containers'}
          <span className="containers-group-count">
            {running}/{containers.length} running
          </span>
        </h3>
        {project ? (
          <div className="containers-group-actions">
            {groupActions.map((action) => (
              <ActionButton
                key={action}
                label={`${containerActions[action].label} all`}
                pending={group.isPending && group.variables?.action === action}
                disabled={group.isPending}
                onClick={() => act(action)}
              />
            ))}
          </div>
        ) : null}
      </header>
      {group.error ? <div className="containers-group-result is-failed">{group.error.message}</div> : null}
      {group.data && !group.isPending ? (
        <div className={`containers-group-result${failures.length ? ' is-failed' : ''}`} role="status">
          {group.variables?.action} of {project}: {group.data.results.length - failures.length} of {group.data.results.length} done in {formatElapsed(group.data.durationMs)}
          {failures.map((f) => (
            <div key={f.id}>{f.message}</div>
          ))}
        </div>
      ) : null}
      <ul className="containers-rows" aria-label={`containers of ${project ?? 'no project'}`}>
        {containers.map((c) => (
          <ContainerRow
            key={targetKey(c)}
            container={c}
            now={now}
            selected={selectedKey === targetKey(c)}
            checked={checked.has(targetKey(c))}
            onSelect={() => onSelect(c)}
            onCheck={(v) => onCheck(c, v)}
          />
        ))}
      </ul>
    </section>
  );
}
