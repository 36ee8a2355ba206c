import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { StackFileCheck, StackFileDraft, StackFileSaved } from '../../shared/contract/stackFileDraft.js';
import { useCommand } from '../client/hooks.js';
import { ActionButton } from '../components/ActionButton.js';
import { foundLines, offsetOf, problemText } from './draftText.js';
import './stackFileDraft.css';

interface Props {
  draft: StackFileDraft;
  onSaved(saved: Extract<StackFileSaved, { outcome: 'saved' }>): void;
  onCancel(): void;
}

/**
 * The draft stack file, opened for review before anything is written: what it
 * was made from, the YAML (editable), the loader's problems with line:column
 * (a click puts the cursor there), and Save, which asks before replacing a
 * file that is already there. Esc cancels; Ctrl/Cmd+Enter saves.
 */
export function StackFileReview({ draft, onSaved, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const [yaml, setYaml] = useState(draft.yaml);
  const [check, setCheck] = useState<StackFileCheck>(draft.check);
  const [replaceAsked, setReplaceAsked] = useState(false);
  const checking = useCommand('stackFileDraft.check');
  const saving = useCommand('stackFileDraft.save');
  const latest = useRef(onCancel);
  latest.current = onCancel;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    text.current?.focus();
    text.current?.setSelectionRange(0, 0);
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      latest.current();
    };
    element.addEventListener('cancel', onCancelEvent);
    return () => {
      element.removeEventListener('cancel', onCancelEvent);
      element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const edit = (next: string) => {
    setYaml(next);
    setReplaceAsked(false);
  };
  const runCheck = () => checking.mutate({ yaml }, { onSuccess: setCheck });
  const save = () =>
    saving.mutate(
      { yaml, replace: replaceAsked },
      {
        onSuccess: (saved) => {
          if (saved.outcome === 'saved') onSaved(saved);
          else if (saved.outcome === 'exists') setReplaceAsked(true);
          else setCheck(saved.check);
        },
      },
    );
  const goTo = (line: number | undefined, column: number | undefined) => {
    const area = text.current;
    if (!area || line === undefined) return;
    const at = offsetOf(area.value, line, column);
    area.focus();
    area.setSelectionRange(at, at);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !saving.isPending) {
      event.preventDefault();
      save();
    }
  };
  const fileName = draft.path.split(/[\\/]/).pop() ?? 'stack.yaml';
  const busy = saving.isPending || checking.isPending;
  const error = saving.error ?? checking.error;

  return (
    <dialog ref={dialog} className="draft-dialog" aria-labelledby="draft-dialog-title" onKeyDown={onKeyDown}>
      <h2 id="draft-dialog-title" className="draft-title">
        Review the new stack file
      </h2>
      <p className="draft-where">
        Nothing is written until you save. Save writes <code>{draft.path}</code>, checks it the way Switchboard loads stack files, and runs on it.
      </p>
      <ul className="draft-found" aria-label="What the draft was made from">
        {foundLines(draft).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <label className="draft-label" htmlFor="draft-text">
        {fileName} <span className="muted">(editable)</span>
      </label>
      <textarea id="draft-text" ref={text} className="draft-text" value={yaml} spellCheck={false} onChange={(e) => edit(e.target.value)} rows={20} />
      {check.problems.length > 0 ? (
        <div className="draft-problems" role="alert">
          <strong>{check.problems.length === 1 ? 'One problem' : `${check.problems.length} problems`}: it cannot be saved like this</strong>
          <ul>
            {check.problems.map((p, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => goTo(p.line, p.column)} disabled={p.line === undefined}>
                  {problemText(p)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="draft-verdict" role="status">
          {check.stackName ? `Loads as stack "${check.stackName}"` : 'Loads'}
          {check.mcpServers?.length ? ` with MCP servers ${check.mcpServers.join(', ')}` : ''}.
          {check.warnings.length ? ` ${check.warnings.length === 1 ? 'One note' : `${check.warnings.length} notes`}: ${check.warnings.map((w) => w.message).join('; ')}` : ''}
        </p>
      )}
      {replaceAsked ? (
        <p className="draft-replace" role="alert">
          A file is already at <code>{draft.path}</code>. Replace it with this one?
        </p>
      ) : null}
      {error ? (
        <p className="draft-problems" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="draft-actions">
        <ActionButton label="Cancel" onClick={onCancel} disabled={saving.isPending} />
        <ActionButton label="Check" onClick={runCheck} pending={checking.isPending} disabled={busy} />
        <ActionButton
          label={replaceAsked ? `Replace ${fileName}` : `Save ${fileName}`}
          tone={replaceAsked ? 'danger' : 'primary'}
          onClick={save}
          pending={saving.isPending}
          disabled={busy}
          title="Ctrl+Enter"
        />
      </div>
    </dialog>
  );
}
