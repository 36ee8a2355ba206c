import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration } from '../components/time.js';
import type { McpLeftover } from '../../shared/contract/mcp.js';
import { pidList } from './leftoverText.js';
import { dateClockTime } from '../components/clock.js';

interface Props {
  leftover: McpLeftover;
  now: number;
  ending: boolean;
  onEnd(): void;
}

/** One process group an earlier run left: whose it is, its pids, since when, its command, and End. */
export function LeftoverRow({ leftover: l, now, ending, onEnd }: Props) {
  const started = new Date(l.startedAt);
  return (
    <li className="mcp-leftover" aria-label={`leftover ${l.server}`}>
      <span className="mcp-leftover-name" title={l.server}>
        {l.server}
      </span>
      <div className="mcp-leftover-facts">
        <StatusPill tone="warn" title={`its Switchboard run (pid ${l.runPid}) is gone`}>
          left running
        </StatusPill>
        <span className="mcp-leftover-pids">{pidList(l.pids)}</span>
        <span className="mcp-leftover-meta">
          group {l.pgid} · started <time dateTime={started.toISOString()}>{formatDuration(now - l.startedAt)} ago</time> ({dateClockTime(l.startedAt)})
        </span>
      </div>
      <code className="mcp-leftover-command" title={l.command}>
        {l.command}
      </code>
      <div className="mcp-leftover-actions">
        <ActionButton label="End" tone="danger" disabled={ending} onClick={onEnd} aria-label={`End leftover processes of ${l.server}`} />
      </div>
    </li>
  );
}
