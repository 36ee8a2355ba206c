import { useEffect } from 'react';

/** How the last entry run from the palette went. */
export interface Outcome {
  /** Counts runs, so a late answer of an earlier one does not overwrite a newer one. */
  run: number;
  label: string;
  state: 'running' | 'done' | 'failed';
  message?: string;
}

/** A good outcome goes away by itself after this long; a failure stays until dismissed. */
const doneShownMs = 8_000;

/**
 * The answer to an action run from the palette, in the corner: what ran and
 * how it went, announced politely (a failure as an alert).
 */
export function PaletteOutcome({ outcome, onDismiss }: { outcome: Outcome | undefined; onDismiss(): void }) {
  useEffect(() => {
    if (outcome?.state !== 'done') return;
    const timer = setTimeout(onDismiss, doneShownMs);
    return () => clearTimeout(timer);
  }, [outcome, onDismiss]);

  return (
    <div className="palette-outcome-region" role="status" aria-label="Palette action">
      {outcome ? (
        <div className={`palette-outcome is-${outcome.state}`} role={outcome.state === 'failed' ? 'alert' : undefined}>
          {outcome.state === 'running' ? <span className="spinner" aria-hidden="true" /> : null}
          <span className="palette-outcome-text">
            <span className="palette-outcome-label">{outcome.label}</span>
            {outcome.state === 'running' ? ' …' : outcome.state === 'failed' ? ` failed: ${outcome.message}` : ` — ${outcome.message}`}
          </span>
          {outcome.state !== 'running' ? (
            <button type="button" className="link-button" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
