import type { SwarmEngine, SwarmService } from '../../shared/contract/swarm.js';
import { useTopicState } from '../client/hooks.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { SwarmServiceCard } from './SwarmServiceCard.js';
import './services.css';

/** Swarm services of every engine that is a manager, grouped by stack, with their tasks and the swarm's nodes. */
export function ServicesScreen() {
  const { data, error } = useTopicState('swarm');
  const managers = data?.engines.filter((e) => e.manager) ?? [];
  return (
    <div className="services-screen">
      {error ? <ErrorBanner title="Swarm updates stopped">{error.message}</ErrorBanner> : null}
      {!data ? (
        error ? null : <EmptyState title="Loading services…" />
      ) : managers.length === 0 ? (
        <EmptyState
          title="No Swarm manager among the engines"
          hint={
            <>
              {data.engines.map((e) => (e.note ? <div key={e.engine}>{`${e.engine}: ${e.note}`}</div> : null))}
              Services show here when an engine of the stack file is a Swarm manager (<code>docker swarm init</code>); <code>swarm: false</code> on an engine hides it.
            </>
          }
        />
      ) : (
        managers.map((e) => <EngineServices key={e.engine} engine={e} />)
      )}
    </div>
  );
}

function EngineServices({ engine }: { engine: SwarmEngine }) {
  const stacks = new Map<string, SwarmService[]>();
  for (const s of engine.services) stacks.set(s.stack ?? '', [...(stacks.get(s.stack ?? '') ?? []), s]);
  return (
    <>
      <Panel title={`Nodes of ${engine.engine}`}>
        <table className="swarm-tasks" aria-label={`nodes of ${engine.engine}`}>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Role</th>
              <th scope="col">Availability</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {engine.nodes.map((n) => (
              <tr key={n.id}>
                <th scope="row">{n.hostname}</th>
                <td>{n.role === 'manager' ? (n.leader ? 'manager (leader)' : 'manager') : 'worker'}</td>
                <td>{n.availability}</td>
                <td>
                  <StatusPill tone={n.status === 'ready' ? 'ok' : 'bad'}>{n.status}</StatusPill>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      {engine.services.length === 0 ? <EmptyState title="No services in this swarm" hint="docker service create or docker stack deploy adds them." /> : null}
      {[...stacks].map(([stack, services]) => (
        <Panel key={stack} title={stack ? `Stack ${stack}` : 'Services outside a stack'}>
          {services.map((s) => (
            <SwarmServiceCard key={s.id} engine={engine.engine} service={s} />
          ))}
        </Panel>
      ))}
    </>
  );
}
