import { useEffect, useRef } from 'react';
import type { ComposeOperation, ComposeOutputLine, ComposeOutputSnapshot } from '../../shared/contract/compose.js';
import { formatElapsed } from '../../shared/elapsed.js';
import { useCommand, useTopicStream } from '../client/hooks.js';
import type { TopicReducer } from '../client/topicStore.js';
import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { operationVerdict } from './serviceVerdict.js';

const shownLines = 400;

/** The lines of the newest operation: a line of a newer one starts the list over. */
const outputReducer: TopicReducer<ComposeOutputSnapshot, ComposeOutputLine, ComposeOutputLine[]> = {
  init: (snapshot) => snapshot.lines.slice(-shownLines),
  append: (lines, items) => {
    let next = lines;
    for (const item of items) {
      if (next.length && next[next.length - 1]!.operation !== item.operation) next = [];
      next = [...next, item];
    }
    return next.length > shownLines ? next.slice(-shownLines) : next;
  },
};

/** The compose tool's own output for a project's operation, live, with Cancel while it runs. */
export function ComposeProgress({ project, operation }: { project: string; operation: ComposeOperation }) {
  const { data } = useTopicStream('compose.output', { project }, outputReducer, 'compose-output');
  const cancel = useCommand('compose.cancel');
  const lines = (data ?? []).filter((l) => l.operation === operation.id);
  const verdict = operationVerdict(operation);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [lines.length]);
  const running = operation.outcome === undefined;
  return (
    <section className="compose-progress" aria-label={`${operation.action} of ${project}`}>
      <header className="compose-progress-header">
        <strong>{operation.action}</strong>
        {operation.services.length ? <span> {operation.services.join(', ')}</span> : null}
        <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
        {operation.durationMs !== undefined ? <span className="compose-muted">in {formatElapsed(operation.durationMs)}</span> : null}
        {running ? <ActionButton label="Cancel" tone="danger" pending={cancel.isPending} onClick={() => cancel.mutate({ project })} /> : null}
      </header>
      <pre className="compose-output" role="log" aria-label={`output of ${operation.action}`}>
        {lines.map((l, i) => (
          <div key={i} className={`compose-line is-${l.stream}`}>
            {l.text}
          </div>
        ))}
        <div ref={end} />
      </pre>
      {operation.outcome === 'failed' && operation.error ? (
        <div className="compose-error" role="alert">
          {operation.error}
        </div>
      ) : null}
    </section>
  );
}
