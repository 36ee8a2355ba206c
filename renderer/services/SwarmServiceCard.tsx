import { useState } from 'react';
import type { SwarmService } from '../../shared/contract/swarm.js';
import { useCommand } from '../client/hooks.js';
import { ActionButton } from '../components/ActionButton.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { StatusPill } from '../components/StatusPill.js';
import { navigate } from '../navigation/router.js';
import { swarmServiceVerdict, taskVerdict } from './serviceVerdict.js';

/** One Swarm service: replicas, image, ports, update status, its tasks, and scale / rolling restart / rollback / remove / logs. */
export function SwarmServiceCard({ engine, service }: { engine: string; service: SwarmService }) {
  const scale = useCommand('swarm.scale');
  const restart = useCommand('swarm.restart');
  const rollback = useCommand('swarm.rollback');
  const remove = useCommand('swarm.remove');
  const logs = useCommand('swarm.logs');
  const [replicas, setReplicas] = useState(String(service.desired));
  const [removing, setRemoving] = useState(false);
  const verdict = swarmServiceVerdict(service);
  const target = { engine, service: service.name };
  const failure = [scale, restart, rollback, remove, logs].map((m) => m.error).find(Boolean);
  // The newest action's outcome: each command keeps its own, so the latest submitted one speaks.
  const done = [scale, restart, rollback].filter((m) => m.data).sort((a, b) => b.submittedAt - a.submittedAt)[0]?.data?.message;
  return (
    <section className="swarm-service" aria-label={`service ${service.name}`}>
      <header className="swarm-service-header">
        <h3 className="swarm-service-title">
          {service.name}
          <span className="swarm-replicas">
            {service.running}/{service.desired} {service.mode === 'global' ? 'global' : 'replicas'}
          </span>
          <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
        </h3>
        <div className="swarm-actions">
          {service.mode === 'replicated' ? (
            <form
              className="swarm-scale"
              onSubmit={(e) => {
                e.preventDefault();
                scale.mutate({ ...target, replicas: Number(replicas) });
              }}
            >
              <label>
                Replicas <input type="number" min={0} max={10000} value={replicas} onChange={(e) => setReplicas(e.target.value)} />
              </label>
              <ActionButton type="submit" label="Scale" pending={scale.isPending} />
            </form>
          ) : null}
          <ActionButton label="Rolling restart" pending={restart.isPending} onClick={() => restart.mutate(target)} />
          <ActionButton label="Rollback" pending={rollback.isPending} onClick={() => rollback.mutate(target)} />
          <ActionButton
            label="Logs"
            pending={logs.isPending}
            onClick={() => logs.mutate({ ...target, follow: true }, { onSuccess: (r) => navigate('logs', { source: r.source }) })}
          />
          <ActionButton label="Remove" tone="danger" onClick={() => setRemoving(true)} />
        </div>
      </header>
      <p className="swarm-muted">
        {service.image}
        {service.ports.length ? ` · ports ${service.ports.join(', ')}` : ''}
        {service.update ? ` · ${service.update.message ?? `update ${service.update.state}`}` : ''}
      </p>
      {failure ? (
        <div className="swarm-error" role="alert">
          {failure.message}
        </div>
      ) : done ? (
        <div className="swarm-muted" role="status">
          {done}
        </div>
      ) : null}
      <table className="swarm-tasks" aria-label={`tasks of ${service.name}`}>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Node</th>
            <th scope="col">State</th>
            <th scope="col">Desired</th>
            <th scope="col">Error / exit</th>
          </tr>
        </thead>
        <tbody>
          {service.tasks.map((t) => {
            const v = taskVerdict(t);
            return (
              <tr key={t.id}>
                <th scope="row">{t.slot !== undefined ? `${service.name}.${t.slot}` : service.name} <span className="swarm-muted">{t.id.slice(0, 10)}</span></th>
                <td>{t.node}</td>
                <td>
                  <StatusPill tone={v.tone}>{v.label}</StatusPill>
                </td>
                <td>{t.desiredState}</td>
                <td className="swarm-muted">{[t.error, t.exitCode !== undefined ? `exit ${t.exitCode}` : undefined].filter(Boolean).join(' · ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing}
        title={`Remove service ${service.name}`}
        confirmLabel="Remove service"
        pending={remove.isPending}
        onCancel={() => setRemoving(false)}
        onConfirm={() => remove.mutate(target, { onSettled: () => setRemoving(false) })}
      >
        <p>Every task of {service.name} stops and the service is removed from the swarm.</p>
      </ConfirmDialog>
    </section>
  );
}
