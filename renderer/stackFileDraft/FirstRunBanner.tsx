import { useState } from 'react';
import type { StackFileDraft } from '../../shared/contract/stackFileDraft.js';
import { useCommand, useTopicState } from '../client/hooks.js';
import { ActionButton } from '../components/ActionButton.js';
import { StackFileReview } from './StackFileReview.js';
import './stackFileDraft.css';

/**
 * On the built-in demo stack: says plainly that it is a demo, and offers to
 * write the operator's own stack file from what is running (reviewed before
 * it is saved). Once saved, one line says where it went and that the app runs on it.
 */
export function FirstRunBanner() {
  const { data: config } = useTopicState('config');
  const create = useCommand('stackFileDraft.create');
  const [draft, setDraft] = useState<StackFileDraft>();
  const [savedTo, setSavedTo] = useState<string>();

  // The dialog stays until Save answers, even though the app leaves the demo the moment the file is loaded.
  const review = draft ? (
    <StackFileReview
      draft={draft}
      onCancel={() => setDraft(undefined)}
      onSaved={(saved) => {
        setDraft(undefined);
        setSavedTo(saved.path);
      }}
    />
  ) : null;
  if (!config?.isDemo) {
    return (
      <>
        {savedTo ? (
          <div className="first-run-banner is-saved" role="status">
            <div className="first-run-text">
              <strong>Saved {savedTo}</strong>
              <span>Switchboard runs on it now and reloads it whenever you edit it.</span>
            </div>
            <ActionButton label="Dismiss" onClick={() => setSavedTo(undefined)} />
          </div>
        ) : null}
        {review}
      </>
    );
  }
  return (
    <section className="first-run-banner" aria-label="Demo stack">
      <div className="first-run-text">
        <strong>This is the built-in demo stack, not yours.</strong>
        <span>
          Its backend, probes, cache counters and MCP servers are made up to show what Switchboard does; only the Docker containers are real. Switchboard found no
          stack file (<code>--config</code>, <code>$SWITCHBOARD_CONFIG</code> or <code>./stack.yaml</code>).
        </span>
        {create.error ? <span className="first-run-error" role="alert">Could not make a draft: {create.error.message}</span> : null}
      </div>
      <ActionButton label="Create stack.yaml from what is running" tone="primary" pending={create.isPending} onClick={() => create.mutate({}, { onSuccess: setDraft })} />
      {review}
    </section>
  );
}
