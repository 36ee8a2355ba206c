import { useRef, useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import type { McpLeftover } from '../../shared/contract/mcp.js';
import { LeftoverRow } from './LeftoverRow.js';
import { endOutcome, leftoversHeadline, pidList, processCountText } from './leftoverText.js';
import { useLeftovers } from './useLeftovers.js';

/**
 * MCP servers an earlier Switchboard run left running (it was killed, and its
 * watchdog with it): a warning with End per group and for all, the outcome
 * of ending, and nothing at all when there are none.
 */
export function LeftoversPanel({ now }: { now: number }) {
  const view = useLeftovers();
  const [confirming, setConfirming] = useState<McpLeftover[] | null>(null);
  // from the confirm until the list is checked again: the dialog stays open, showing progress
  const [busy, setBusy] = useState(false);
  const section = useRef<HTMLDivElement>(null);
  const leftovers = view.leftovers ?? [];
  const outcome = view.lastEnd ? endOutcome(view.lastEnd) : null;
  const showWarning = leftovers.length > 0 && !view.dismissed;
  // everything chosen ended and nothing is left: the warning goes, a one-line result stays until dismissed
  const showDone = outcome !== null && leftovers.length === 0;

  const confirm = async () => {
    if (!confirming || busy) return;
    setBusy(true);
    await view.end(confirming.map((l) => l.pgid));
    setBusy(false);
    setConfirming(null);
  };
  const focusAfterwards = () =>
    section.current?.querySelector<HTMLElement>('[data-end-all]:not(:disabled), .mcp-leftovers-done, .mcp-leftovers-error button') ?? null;

  return (
    <div ref={section} className="mcp-leftovers-area">
      {view.checkFailed ? (
        <ErrorBanner title="Could not check for MCP servers an earlier Switchboard run left running">
          {view.checkFailed.message}{' '}
          <span className="mcp-leftovers-error">
            <ActionButton label="Check again" onClick={view.check} />
          </span>
        </ErrorBanner>
      ) : null}
      {showDone ? (
        <div className="mcp-leftovers-done" role="status" tabIndex={-1}>
          <span>
            {outcome.alreadyGone ? 'Nothing to end: those processes had already exited.' : `${outcome.ended}.`}
          </span>
          <button type="button" className="link-button" onClick={view.clearLastEnd} aria-label="Dismiss the result of ending leftover processes">
            Dismiss
          </button>
        </div>
      ) : null}
      {showWarning ? (
        <Panel
          title={leftoversHeadline(leftovers)}
          className="mcp-leftovers"
          actions={
            <>
              <ActionButton
                label="End them"
                tone="danger"
                disabled={busy}
                onClick={() => setConfirming(leftovers)}
                aria-label={`End them (${processCountText(leftovers)} of ${leftovers.map((l) => l.server).join(', ')})`}
                data-end-all=""
              />
              <ActionButton label="Dismiss" onClick={view.dismiss} aria-label="Dismiss the leftover processes warning" />
            </>
          }
        >
          <p className="mcp-leftovers-why">
            {new Set(leftovers.map((l) => l.runPid)).size > 1 ? 'Those runs were' : 'That run was'} killed or crashed before it could stop them, and
            they may hold ports or files this run&apos;s servers need.
          </p>
          {outcome && !outcome.alreadyGone ? (
            <p className="mcp-leftovers-outcome" role="status">
              {outcome.ended ? <span className="mcp-leftovers-ended">{outcome.ended}.</span> : null}
              {outcome.stillRunning ? <span className="mcp-leftovers-still"> {outcome.stillRunning} (after SIGTERM and SIGKILL).</span> : null}
            </p>
          ) : null}
          {view.endFailed ? (
            <p className="mcp-leftovers-still" role="alert">
              Ending failed: {view.endFailed.message}
            </p>
          ) : null}
          <ul className="mcp-leftover-rows" aria-label="Leftover processes">
            {leftovers.map((l) => (
              <LeftoverRow key={l.pgid} leftover={l} now={now} ending={busy} onEnd={() => setConfirming([l])} />
            ))}
          </ul>
        </Panel>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.length === 1 ? `End the leftover processes of ${confirming[0]!.server}?` : 'End every leftover process?'}
        confirmLabel={`End ${processCountText(confirming ?? [])}`}
        pending={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(null)}
        fallbackFocus={focusAfterwards}
      >
        <p>Each process group gets SIGTERM, then SIGKILL if it is still running 2 s later. Unsaved work in them is lost.</p>
        <ul className="mcp-confirm-list" aria-label="What will be ended">
          {(confirming ?? []).map((l) => (
            <li key={l.pgid}>
              <strong>{l.server}</strong> <span className="muted">{pidList(l.pids)}</span>
              <code title={l.command}>{l.command}</code>
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
