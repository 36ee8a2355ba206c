import { useMemo, useState } from 'react';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { useNow } from '../components/useNow.js';
import { useCommand, useTopicState } from '../client/hooks.js';
import { navigate, useRoute } from '../navigation/router.js';
import type { ContainerSummary } from '../../shared/contract/containers.js';
import { sourceId } from '../../shared/sourceId.js';
import { ComposeSection } from '../compose/ComposeSection.js';
import { ContainerDetailsPanel } from './ContainerDetailsPanel.js';
import { ServiceShellButtons } from '../terminals/ServiceShellButtons.js';
import { ContainerStatsPanel } from './ContainerStatsPanel.js';
import { EngineSection } from './EngineSection.js';
import { SelectionBar } from './SelectionBar.js';
import { StackStatsTable } from './StackStatsTable.js';
import { targetKey } from './containerFormat.js';
import './containers.css';

/** The stack's containers on every engine, live from engine events, with actions, stats and details. */
export function ContainersScreen() {
  const { data, error } = useTopicState('containers');
  const showAll = useCommand('containers.showAll');
  const route = useRoute();
  const now = useNow(1000);
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const tab = route.params.get('tab') === 'details' ? 'details' : 'stats';
  const selectedKey = route.params.get('id') ? `${route.params.get('engine') ?? ''}/${route.params.get('id')}` : undefined;

  const all = useMemo(() => (data?.engines ?? []).flatMap((e) => e.containers), [data]);
  const selected = all.find((c) => targetKey(c) === selectedKey);
  const checkedTargets = all.filter((c) => checked.has(targetKey(c)));
  const select = (t: { engine: string; id: string }, nextTab = tab) => navigate('containers', { engine: t.engine, id: t.id, tab: nextTab });
  const check = (c: ContainerSummary, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(targetKey(c));
      else next.delete(targetKey(c));
      return next;
    });

  const running = all.filter((c) => c.state === 'running').length;
  // Several engines sit in columns, side by side, where the screen is wide enough (containers.css).
  const multi = (data?.engines.length ?? 0) > 1;
  return (
    <div className="containers-screen">
      <div className="containers-toolbar">
        <span className="containers-summary">
          {data ? `${running} running · ${all.length} containers · ${data.engines.length} engine${data.engines.length === 1 ? '' : 's'}` : ''}
        </span>
        <label className="containers-toggle">
          <input type="checkbox" checked={data?.showAll ?? false} disabled={!data || showAll.isPending} onChange={(e) => showAll.mutate({ showAll: e.target.checked })} />
          Show all containers of the engine
        </label>
      </div>
      {error ? <ErrorBanner title="Container updates stopped">{error.message}</ErrorBanner> : null}
      {checkedTargets.length ? <SelectionBar targets={checkedTargets} onClear={() => setChecked(new Set())} /> : null}
      <ComposeSection />
      <div className={`containers-layout${multi ? ' is-multi' : ''}`}>
        <div className="containers-main" role={multi ? 'group' : undefined} aria-label={multi ? 'engines side by side' : undefined}>
          {!data ? (
            error ? null : <EmptyState title="Loading containers…" />
          ) : data.engines.length === 0 ? (
            <EmptyState title="No Docker engine configured" hint={<>Add a <code>docker:</code> section to the stack file.</>} />
          ) : (
            data.engines.map((e) => <EngineSection key={e.name} engine={e} now={now} selectedKey={selectedKey} checked={checked} onSelect={(c) => select(c)} onCheck={check} />)
          )}
        </div>
        <aside className="containers-side">
          {selected ? (
            <Panel
              title={selected.name}
              className="containers-selected"
              actions={
                <div className="containers-tabs" role="tablist">
                  <button type="button" role="tab" aria-selected={tab === 'stats'} onClick={() => select(selected, 'stats')}>
                    Stats
                  </button>
                  <button type="button" role="tab" aria-selected={tab === 'details'} onClick={() => select(selected, 'details')}>
                    Details
                  </button>
                  <button type="button" role="tab" onClick={() => navigate('logs', { source: sourceId.container(selected.name) })}>
                    Logs →
                  </button>
                </div>
              }
            >
              <ServiceShellButtons key={selectedKey} engine={selected.engine} container={selected.name} running={selected.state === 'running'} />
              {tab === 'stats' ? <ContainerStatsPanel container={selected} /> : <ContainerDetailsPanel container={selected} />}
            </Panel>
          ) : (
            <Panel title="Container">
              <EmptyState title={selectedKey ? 'That container is gone' : 'Pick a container'} hint="Click a container’s name to see its live stats, environment, mounts and health log." />
            </Panel>
          )}
        </aside>
      </div>
      <Panel title="Stack-wide CPU and memory" className="containers-stack-stats">
        <StackStatsTable onSelect={(t) => select(t, 'stats')} />
      </Panel>
    </div>
  );
}
