import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { useTopicState } from '../client/hooks.js';
import { formatBytes, formatCpu, formatNet, targetKey } from './containerFormat.js';

/** CPU and memory of every running container of the stack at once, heaviest CPU first. */
export function StackStatsTable({ onSelect }: { onSelect(target: { engine: string; id: string }): void }) {
  const { data, error } = useTopicState('containers.stats');
  if (error) return <ErrorBanner title="Stack stats stopped">{error.message}</ErrorBanner>;
  const rows = [...(data?.rows ?? [])].sort((a, b) => (b.latest?.cpuPercent ?? -1) - (a.latest?.cpuPercent ?? -1));
  if (!data) return <EmptyState title="Loading stats…" />;
  if (rows.length === 0) return <EmptyState title="No running containers" hint="Stats appear here for every running container of the stack." />;
  return (
    <table className="containers-table" aria-label="stack-wide CPU and memory">
      <thead>
        <tr>
          <th scope="col">Container</th>
          <th scope="col">CPU</th>
          <th scope="col">Memory</th>
          <th scope="col">% of limit</th>
          <th scope="col">Net rx / tx</th>
          <th scope="col">PIDs</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const s = r.latest;
          const share = s && s.memLimit ? s.memUsed / s.memLimit : undefined;
          return (
            <tr key={targetKey(r)}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(r)}>
                  {r.name}
                </button>
              </th>
              <td>
                <span className="containers-bar" style={{ width: `${Math.min(100, s?.cpuPercent ?? 0)}%` }} aria-hidden="true" />
                {formatCpu(s?.cpuPercent)}
              </td>
              <td>{s ? formatBytes(s.memUsed) : '—'}</td>
              <td>{share === undefined ? '—' : `${(share * 100).toFixed(share < 0.1 ? 2 : 1)}%`}</td>
              <td className={s && s.rxBytesPerSec === null ? 'containers-not-reported' : undefined}>{formatNet(s, r.networkMode)}</td>
              <td>{s ? s.pids : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
