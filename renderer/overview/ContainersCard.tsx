import { memo } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { useStatusAnnouncement } from '../components/announcer/useStatusAnnouncement.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { useCommand, useTopicState } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import { durationTextChangesIn, formatDuration } from '../components/time.js';
import { ClockText } from '../components/ClockText.js';
import type { ContainerSummary } from '../../shared/contract/containers.js';
import { containerStateLabel, containerTone, engineDownCause, isUp } from '../containers/containerFormat.js';
import { rowKeyProps } from '../keyboard/rowKeyProps.js';
import { sourceId } from '../../shared/sourceId.js';

export function ContainersCard() {
  const { data, error } = useTopicState('containers');
  const engines = data?.engines ?? [];
  const containers = engines.flatMap((e) => e.containers);
  return (
    <Panel title="Containers" actions={<button className="link-button" onClick={() => navigate('containers')}>All containers →</button>}>
      {error ? <ErrorBanner title="Container updates stopped">{error.message}</ErrorBanner> : null}
      {engines
        .filter((e) => e.status !== 'connected')
        .map((e) => (
          <ErrorBanner key={e.name} title={e.status === 'connecting' ? `Connecting to ${e.address}…` : `Docker engine not reachable at ${e.address}`}>
            {engineDownCause(e)}
          </ErrorBanner>
        ))}
      {data === undefined ? (
        error ? null : <EmptyState title="Loading containers…" />
      ) : containers.length === 0 && engines.some((e) => e.status === 'connected') ? (
        <EmptyState title="No containers in this stack" hint={<>Start some with docker or docker compose, or widen the <code>docker:</code> selection in the stack file; they appear here live.</>} />
      ) : (
        <ul className="rows rows-scroll" aria-label="Containers">
          {sortForAttention(containers).map((c) => (
            <ContainerRow key={`${c.engine}/${c.id}`} container={c} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** Containers that need a look come first; then by name. */
function sortForAttention(containers: ContainerSummary[]): ContainerSummary[] {
  const rank = (c: ContainerSummary) => ({ bad: 0, warn: 1, busy: 2, idle: 3, ok: 4 })[containerTone(c)];
  return [...containers].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** "image · up 3 min · 2 restarts". */
function containerDetail(c: ContainerSummary, now: number): string {
  const uptime = c.state === 'running' && c.startedAt ? `up ${formatDuration(now - c.startedAt)}` : c.status;
  return [c.image, uptime, c.restartCount ? `${c.restartCount} restart${c.restartCount > 1 ? 's' : ''}` : ''].filter(Boolean).join(' · ');
}

function uptimeChangesIn(c: ContainerSummary, now: number): number {
  return c.state === 'running' && c.startedAt ? durationTextChangesIn(now - c.startedAt) : Infinity;
}

// Memoised: the topic store keeps an unchanged item's identity, so only rows whose data moved re-render.
const ContainerRow = memo(function ContainerRow({ container: c }: { container: ContainerSummary }) {
  const start = useCommand('containers.start');
  const stop = useCommand('containers.stop');
  const restart = useCommand('containers.restart');
  const target = { engine: c.engine, id: c.id };
  const failure = start.error ?? stop.error ?? restart.error;
  useStatusAnnouncement(c.name, containerStateLabel(c));
  const busy = start.isPending || stop.isPending || restart.isPending;
  const keys = rowKeyProps({
    open: () => navigate('containers', { engine: c.engine, id: c.id, tab: 'stats' }),
    restart: busy ? undefined : () => restart.mutate(target),
    startStop: busy ? undefined : () => (isUp(c) ? stop : start).mutate(target),
    logs: () => navigate('logs', { source: sourceId.container(c.name) }),
  });
  return (
    <li className="row" aria-label={`container ${c.name}`} {...keys}>
      <div className="row-main">
        <span className="row-name" title={c.image}>{c.name}</span>
        <StatusPill tone={containerTone(c)}>{containerStateLabel(c)}</StatusPill>
      </div>
      <div className="row-detail">
        {failure ? <span className="text-bad">{failure.message}</span> : <ClockText text={(now) => containerDetail(c, now)} changesIn={(now) => uptimeChangesIn(c, now)} />}
      </div>
      <div className="row-actions">
        {isUp(c) ? (
          <ActionButton label="Stop" pending={stop.isPending} onClick={() => stop.mutate(target)} />
        ) : (
          <ActionButton label="Start" pending={start.isPending} onClick={() => start.mutate(target)} />
        )}
        <ActionButton label="Restart" tone="primary" pending={restart.isPending} onClick={() => restart.mutate(target)} />
      </div>
    </li>
  );
});
