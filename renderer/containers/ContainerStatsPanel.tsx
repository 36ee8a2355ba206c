import { useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { useTopicStream } from '../client/hooks.js';
import type { ContainerStatsSnapshot, ContainerSummary, StatsSample } from '../../shared/contract/containers.js';
import type { TopicReducer } from '../client/topicStore.js';
import { cpuTick, formatBytes, formatCpu, formatNet, formatRate } from './containerFormat.js';
import { containerRanges, joinContainerHistory, type ContainerRange } from './containerHistory.js';
import { useContainerHistory } from './useContainerHistory.js';
import { clockTime } from '../components/clock.js';

/** 15 minutes at one sample a second, as main keeps them. */
const maxSamples = 900;

const history: TopicReducer<ContainerStatsSnapshot, StatsSample, StatsSample[]> = {
  init: (snapshot) => snapshot.samples.slice(-maxSamples),
  append: (acc, items) => {
    const next = acc.concat(items);
    return next.length > maxSamples ? next.slice(next.length - maxSamples) : next;
  },
};

const tooltipStyle = { background: 'var(--panel-2)', border: '1px solid var(--border)', fontSize: 12 };

/** Live charts of one container: CPU, memory against its limit, network and block I/O rates. */
export function ContainerStatsPanel({ container: c }: { container: ContainerSummary }) {
  const { data, error } = useTopicStream('container.stats', { engine: c.engine, id: c.id }, history, 'containers-history');
  const samples = useMemo(() => data ?? [], [data]);
  const last = samples.at(-1);
  // Beyond the live 15 minutes, CPU and memory start from history and continue with the live samples.
  const [range, setRange] = useState<ContainerRange>('15m');
  const stored = useContainerHistory(c.name, range);
  const joined = useMemo(() => (range === '15m' ? undefined : joinContainerHistory(stored.cpu, stored.memory, samples)), [range, stored, samples]);
  if (error) return <ErrorBanner title={`Stats of ${c.name} stopped`}>{error.message}</ErrorBanner>;
  return (
    <div className="containers-stats" aria-label={`stats of ${c.name}`}>
      <dl className="stat-strip">
        <Figure label="CPU" value={formatCpu(last?.cpuPercent)} />
        <Figure label="Memory" value={last ? `${formatBytes(last.memUsed)} / ${formatBytes(last.memLimit)}` : '—'} />
        <Figure label="Net rx / tx" value={formatNet(last, c.networkMode)} muted={last?.rxBytesPerSec === null} />
        <Figure label="Block r / w" value={last ? `${formatRate(last.blockReadBytesPerSec)} / ${formatRate(last.blockWriteBytesPerSec)}` : '—'} />
        <Figure label="PIDs" value={last ? String(last.pids) : '—'} />
      </dl>
      <div className="dashboards-ranges containers-ranges" role="radiogroup" aria-label={`Time range of ${c.name}'s charts`}>
        {(Object.keys(containerRanges) as ContainerRange[]).map((r) => (
          <button key={r} type="button" role="radio" aria-checked={r === range} className={r === range ? 'is-active' : ''} onClick={() => setRange(r)}>
            {r}
          </button>
        ))}
      </div>
      {stored.error ? <ErrorBanner title="History unavailable">{stored.error}</ErrorBanner> : null}
      {joined ? (
        <div className="containers-charts" data-points={joined.length}>
          <Chart title={`CPU % · ${range}`} data={joined} unit={cpuTick} lines={[{ key: 'cpuPercent', name: 'CPU', color: 'var(--accent)' }]} area />
          <Chart title={`Memory · ${range}`} data={joined} unit={formatBytes} lines={[{ key: 'memUsed', name: 'used', color: 'var(--ok)' }]} area />
        </div>
      ) : samples.length === 0 ? (
        <EmptyState title={c.state === 'running' ? 'Waiting for the first samples…' : `${c.name} is not running`} hint={c.state === 'running' ? 'Docker sends one a second.' : 'Stats stream while the container runs; its recent history stays here.'} />
      ) : (
        <div className="containers-charts" data-points={samples.length}>
          <Chart title="CPU %" data={samples} unit={cpuTick} lines={[{ key: 'cpuPercent', name: 'CPU', color: 'var(--accent)' }]} area />
          <Chart title={`Memory (limit ${formatBytes(last?.memLimit)})`} data={samples} unit={formatBytes} lines={[{ key: 'memUsed', name: 'used', color: 'var(--ok)' }]} area />
          {samples.some((s) => s.rxBytesPerSec !== null) ? (
            <Chart
              title="Network"
              data={samples}
              unit={formatRate}
              lines={[
                { key: 'rxBytesPerSec', name: 'rx', color: 'var(--accent)' },
                { key: 'txBytesPerSec', name: 'tx', color: 'var(--busy)' },
              ]}
            />
          ) : (
            <figure className="containers-chart containers-chart-missing" aria-label="Network">
              <figcaption>Network</figcaption>
              <p>
                {c.networkMode === 'host'
                  ? 'Not reported (host network): the container shares the host’s interfaces, so Docker has no counters of its own for it.'
                  : 'Not reported: Docker gives no network counters for this container.'}
              </p>
            </figure>
          )}
          <Chart
            title="Block I/O"
            data={samples}
            unit={formatRate}
            lines={[
              { key: 'blockReadBytesPerSec', name: 'read', color: 'var(--warn)' },
              { key: 'blockWriteBytesPerSec', name: 'write', color: 'var(--bad)' },
            ]}
          />
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, muted }: { label: string; value: string; muted?: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={muted ? 'containers-not-reported' : undefined}>{value}</dd>
    </div>
  );
}

interface ChartProps {
  title: string;
  data: object[];
  unit(v: number): string;
  lines: Array<{ key: string; name: string; color: string }>;
  area?: boolean;
}

function Chart({ title, data, unit, lines, area }: ChartProps) {
  const axes = (
    <>
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis dataKey="ts" type="number" domain={['dataMin', 'dataMax']} tickFormatter={clockTime} stroke="var(--muted)" fontSize={10} minTickGap={50} />
      <YAxis stroke="var(--muted)" fontSize={10} width={58} tickFormatter={unit} />
      <Tooltip labelFormatter={(v) => clockTime(Number(v))} formatter={(v) => unit(Number(v))} contentStyle={tooltipStyle} />
    </>
  );
  return (
    <figure className="containers-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={120}>
        {area ? (
          <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            {axes}
            {lines.map((l) => (
              <Area key={l.key} dataKey={l.key} name={l.name} stroke={l.color} fill={l.color} fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} dot={false} />
            ))}
          </AreaChart>
        ) : (
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            {axes}
            {lines.map((l) => (
              <Line key={l.key} dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={1.5} isAnimationActive={false} dot={false} />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
