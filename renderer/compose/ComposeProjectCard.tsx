import { useState } from 'react';
import type { ComposeProject } from '../../shared/contract/compose.js';
import { useCommand } from '../client/hooks.js';
import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { ComposeProgress } from './ComposeProgress.js';
import { DownDialog } from './DownDialog.js';
import { UpDialog } from './UpDialog.js';
import { outdatedText, serviceVerdict } from './serviceVerdict.js';

/** A compose project from the stack file: its services next to their containers, and what the compose tool can do to them. */
export function ComposeProjectCard({ project, stackDeploy }: { project: ComposeProject; stackDeploy: boolean }) {
  const up = useCommand('compose.up');
  const down = useCommand('compose.down');
  const pull = useCommand('compose.pull');
  const build = useCommand('compose.build');
  const restart = useCommand('compose.restart');
  const deploy = useCommand('compose.deploy');
  const [upFor, setUpFor] = useState<string[] | undefined>();
  const [asking, setAsking] = useState<'down' | undefined>();
  const busy = project.operation !== undefined && project.operation.outcome === undefined;
  // A failed run shows in the progress panel in the tool's words; here only what stopped it from starting (busy, no tool).
  const refused = [up, down, pull, build, restart, deploy].map((m) => m.error).find((e) => e && e.code !== 'internal' && !/ cancelled$/.test(e.message));
  const running = project.services.filter((s) => s.status === 'running').length;
  const builds = project.services.some((s) => s.builds);
  return (
    <section className="compose-project" aria-label={`compose file project ${project.name}`}>
      <header className="compose-project-header">
        <h2 className="compose-project-title">
          {project.name}
          <span className="containers-group-count">
            {running}/{project.services.length} services running
          </span>
        </h2>
        <div className="containers-group-actions">
          <ActionButton label="Up" tone="primary" disabled={busy} onClick={() => setUpFor([])} />
          <ActionButton label="Pull" disabled={busy} onClick={() => pull.mutate({ project: project.name })} />
          {builds ? <ActionButton label="Build" disabled={busy} onClick={() => build.mutate({ project: project.name })} /> : null}
          <ActionButton label="Restart" disabled={busy} onClick={() => restart.mutate({ project: project.name })} />
          <ActionButton label="Down" tone="danger" disabled={busy} onClick={() => setAsking('down')} />
          {stackDeploy ? <ActionButton label="Deploy to Swarm" disabled={busy} onClick={() => deploy.mutate({ project: project.name })} /> : null}
        </div>
      </header>
      <p className="compose-muted compose-files">
        {project.files.join(', ')}
        {project.envFile ? ` · env file ${project.envFile}` : ''}
        {project.profiles.length ? ` · profiles ${project.profiles.join(', ')}` : ''} · engine {project.engine}
      </p>
      {project.error ? (
        <div className="compose-error" role="alert">
          {project.error}
        </div>
      ) : null}
      <table className="compose-services" aria-label={`services of ${project.name}`}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">State</th>
            <th scope="col">Image</th>
            <th scope="col">Containers</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {project.services.map((s) => {
            const verdict = serviceVerdict(s);
            const outdated = outdatedText(s);
            return (
              <tr key={s.name} aria-label={`service ${s.name}`}>
                <th scope="row">{s.name}</th>
                <td>
                  <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
                  {outdated ? (
                    <StatusPill tone="warn" title="Up recreates it">
                      {outdated}
                    </StatusPill>
                  ) : null}
                </td>
                <td className="compose-muted">
                  {s.image}
                  {s.builds ? ' (built)' : ''}
                </td>
                <td className="compose-muted">{s.containers.map((c) => `${c.name} · ${c.status}`).join('; ') || '—'}</td>
                <td className="compose-row-actions">
                  <ActionButton label={`Up ${s.name}`} disabled={busy} onClick={() => setUpFor([s.name])} />
                  {s.containers.length ? <ActionButton label={`Restart ${s.name}`} disabled={busy} onClick={() => restart.mutate({ project: project.name, services: [s.name] })} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {refused ? (
        <div className="compose-error" role="alert">
          {refused.message}
        </div>
      ) : null}
      {project.operation ? <ComposeProgress project={project.name} operation={project.operation} /> : null}
      <UpDialog
        project={project.name}
        services={upFor ?? []}
        open={upFor !== undefined}
        onCancel={() => setUpFor(undefined)}
        onUp={() => {
          up.mutate({ project: project.name, services: upFor ?? [] });
          setUpFor(undefined);
        }}
      />
      <DownDialog
        project={project.name}
        open={asking === 'down'}
        onCancel={() => setAsking(undefined)}
        onDown={(removeVolumes) => {
          down.mutate({ project: project.name, removeVolumes });
          setAsking(undefined);
        }}
      />
    </section>
  );
}
