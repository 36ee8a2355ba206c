import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { useClient } from '../client/hooks.js';
import type { ContainerSummary } from '../../shared/contract/containers.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { clockTime, fullDateTime } from '../components/clock.js';

/** `docker inspect` for people: env (secrets masked until revealed), mounts, ports, labels, restart policy, health log. */
export function ContainerDetailsPanel({ container: c }: { container: ContainerSummary }) {
  const client = useClient();
  // Re-read when the container changes state, so the health log and restart policy stay current.
  const query = useQuery({
    queryKey: ['containers.inspect', c.engine, c.id, c.state, c.restartCount, c.health],
    queryFn: () => client.call('containers.inspect', { engine: c.engine, id: c.id }),
  });
  if (query.error) return <ErrorBanner title={`Cannot inspect ${c.name}`}>{(query.error as unknown as ErrorInfo).message}</ErrorBanner>;
  const d = query.data;
  if (!d) return <EmptyState title="Loading details…" />;
  return (
    <div className="containers-details">
      <dl className="containers-kv">
        <dt>Image</dt>
        <dd>{d.image}</dd>
        <dt>Command</dt>
        <dd>
          <code>{d.command}</code>
        </dd>
        <dt>Restart policy</dt>
        <dd>{d.restartPolicy}</dd>
        <dt>Network</dt>
        <dd>{d.networkMode}</dd>
        <dt>Ports</dt>
        <dd>{d.ports.length ? d.ports.join(', ') : 'none'}</dd>
        <dt>Created</dt>
        <dd>{fullDateTime(d.created)}</dd>
      </dl>
      {d.health ? (
        <Section title={`Health log · ${d.health.status}${d.health.failingStreak ? ` · ${d.health.failingStreak} failing in a row` : ''}`}>
          <ol className="containers-health-log">
            {d.health.log
              .slice()
              .reverse()
              .map((h) => (
                <li key={h.start} className={h.exitCode === 0 ? '' : 'is-failed'}>
                  <span className="containers-mono">{clockTime(h.start)}</span> exit {h.exitCode} · <span className="containers-mono">{h.output.trim() || '(no output)'}</span>
                </li>
              ))}
          </ol>
        </Section>
      ) : null}
      <Section title={`Environment (${d.env.length})`}>
        <table className="containers-env">
          <tbody>
            {d.env.map((e) => (
              <EnvRow key={e.key} engine={c.engine} id={c.id} env={e} />
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={`Mounts (${d.mounts.length})`}>
        {d.mounts.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="containers-list">
            {d.mounts.map((m) => (
              <li key={m.destination} className="containers-mono">
                {m.type} {m.source} → {m.destination}
                {m.readOnly ? ' (read-only)' : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`Labels (${Object.keys(d.labels).length})`}>
        <ul className="containers-list">
          {Object.entries(d.labels).map(([k, v]) => (
            <li key={k} className="containers-mono">
              {k}={v}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <details className="containers-section" open>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function EnvRow({ engine, id, env }: { engine: string; id: string; env: { key: string; value: string; masked: boolean } }) {
  const client = useClient();
  const [revealed, setRevealed] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reveal = () =>
    client.call('containers.env', { engine, id, key: env.key }).then(setRevealed, (e: ErrorInfo) => setError(e.message));
  return (
    <tr>
      <th scope="row" className="containers-mono">
        {env.key}
      </th>
      <td className="containers-mono">
        {revealed ?? env.value}
        {env.masked ? (
          revealed === undefined ? (
            <button type="button" className="link-button containers-reveal" onClick={reveal} aria-label={`Reveal ${env.key}`}>
              reveal
            </button>
          ) : (
            <button type="button" className="link-button containers-reveal" onClick={() => setRevealed(undefined)} aria-label={`Hide ${env.key}`}>
              hide
            </button>
          )
        ) : null}
        {error ? <span className="text-bad"> {error}</span> : null}
      </td>
    </tr>
  );
}
