import { useTopicState } from '../client/hooks.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { ComposeProjectCard } from './ComposeProjectCard.js';
import './compose.css';

/**
 * The stack file's compose projects on the Containers screen: which compose
 * tool runs them (or what to install), and each project's services.
 * Nothing shows when the stack file lists no compose project.
 */
export function ComposeSection() {
  const { data, error } = useTopicState('compose');
  // `docker stack deploy` is offered only where the project's engine is a Swarm manager.
  const swarm = useTopicState('swarm').data;
  const swarmEngines = swarm?.engines.filter((e) => e.manager).map((e) => e.engine) ?? [];
  if (error) return <ErrorBanner title="Compose updates stopped">{error.message}</ErrorBanner>;
  if (!data || data.projects.length === 0) return null;
  return (
    <section className="compose-section" aria-label="compose projects">
      <p className="compose-tool" role="status">
        {data.tool.found ? (
          <>
            Compose: <code>{data.tool.command}</code> {data.tool.version} ({data.tool.kind === 'v2' ? 'compose v2 plugin' : 'compose v1'})
          </>
        ) : (
          <span className="compose-error">{data.tool.install}</span>
        )}
      </p>
      {data.projects.map((p) => (
        <ComposeProjectCard key={p.name} project={p} stackDeploy={swarmEngines.includes(p.engine)} />
      ))}
    </section>
  );
}
