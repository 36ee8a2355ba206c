import { EmptyState } from '../components/EmptyState.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import type { ContainerSummary, EngineState } from '../../shared/contract/containers.js';
import { ProjectGroup } from './ProjectGroup.js';
import { engineDownCause, groupByProject } from './containerFormat.js';

interface Props {
  engine: EngineState;
  now: number;
  selectedKey: string | undefined;
  checked: Set<string>;
  onSelect(c: ContainerSummary): void;
  onCheck(c: ContainerSummary, checked: boolean): void;
}

/** One engine: its address and version, its containers by compose project, or why it cannot be reached. */
export function EngineSection({ engine: e, now, ...rest }: Props) {
  const title = (
    <span className="containers-engine-title">
      {e.name}
      <span className="containers-engine-address">{e.address}</span>
    </span>
  );
  const pill =
    e.status === 'connected' ? (
      <StatusPill tone="ok">Docker {e.version}</StatusPill>
    ) : e.status === 'connecting' ? (
      <StatusPill tone="busy">connecting</StatusPill>
    ) : (
      <StatusPill tone="bad">unreachable</StatusPill>
    );
  return (
    <Panel title={title} actions={pill} className="containers-engine">
      {e.status === 'unreachable' ? (
        <div className="containers-engine-down" role="alert" aria-label={`engine ${e.name} unreachable`}>
          <div className="containers-engine-down-title">Docker engine not reachable at {e.address}</div>
          <div className="containers-engine-down-cause">{engineDownCause(e)}</div>
          <div className="containers-engine-down-retry">
            {e.retryEveryMs ? `${retryText(e.retryEveryMs)} ` : null} This screen catches up by itself as soon as the engine answers — no need to restart Switchboard.
          </div>
        </div>
      ) : e.status === 'connecting' ? (
        <EmptyState title={`Connecting to ${e.address}…`} />
      ) : e.containers.length === 0 ? (
        <EmptyState title="No containers in this stack on this engine" hint={<>Start them with <code>docker compose up</code>, check the <code>docker:</code> selection in the stack file, or turn on “Show all containers”.</>} />
      ) : (
        groupByProject(e.containers).map((g) => <ProjectGroup key={g.project ?? ''} engine={e.name} project={g.project} containers={g.containers} now={now} {...rest} />)
      )}
    </Panel>
  );
}

/** "Trying again every second…": the wait settles at 1 s, so a countdown would only ever read "1 s". */
function retryText(everyMs: number): string {
  return everyMs >= 1000 ? 'Trying again every second…' : `Trying again in ${everyMs} ms…`;
}
