import { useRef, useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { useCommand } from '../client/hooks.js';
import type { TerminalInfo } from '../../shared/contract/terminals.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { TerminalView, type TerminalHandle } from './TerminalView.js';
import { nextFontSize, savedFontSize } from './terminalShortcuts.js';

/** The selected session: its toolbar (search, font size, copy, system terminal, close) above the terminal itself. */
export function TerminalPane({ session, onClosed }: { session: TerminalInfo; onClosed(): void }) {
  const [fontSize, setFontSize] = useState(savedFontSize);
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [systemCommand, setSystemCommand] = useState<{ text: string; copied: boolean } | undefined>();
  const handle = useRef<TerminalHandle | undefined>(undefined);
  const searchBox = useRef<HTMLInputElement>(null);
  const close = useCommand('terminals.close');

  const find = (backwards = false) => {
    if (!query) return;
    setNotFound(!handle.current?.find(query, backwards));
  };
  const openSearch = () => {
    setSearching(true);
    setTimeout(() => searchBox.current?.select(), 0);
  };
  const copySystemCommand = () => {
    const text = session.dockerCommand;
    navigator.clipboard.writeText(text).then(
      () => setSystemCommand({ text, copied: true }),
      () => setSystemCommand({ text, copied: false }),
    );
  };

  return (
    <section className="terminal-pane" aria-label={`terminal ${session.name}`}>
      <header className="terminal-toolbar">
        <div className="terminal-title">
          <span className="terminal-name">{session.name}</span>
          <span className="terminal-sub">
            {session.command}
            {session.user ? ` as ${session.user}` : ''} · {session.container} · {session.cols}×{session.rows}
          </span>
        </div>
        <div className="terminal-tools">
          {searching ? (
            <form
              className="terminal-search"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                find();
              }}
            >
              <input
                ref={searchBox}
                value={query}
                aria-label="Search the scrollback"
                placeholder="Search scrollback"
                className={notFound ? 'is-missing' : ''}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setNotFound(false);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setSearching(false);
                    handle.current?.clearFind();
                    handle.current?.focus();
                  } else if (e.key === 'Enter' && e.shiftKey) {
                    e.preventDefault();
                    find(true);
                  }
                }}
              />
              <ActionButton label="Previous" onClick={() => find(true)} disabled={!query} />
              <ActionButton label="Next" onClick={() => find()} disabled={!query} />
            </form>
          ) : (
            <ActionButton label="Search" title="Search the scrollback (Ctrl+Shift+F)" onClick={openSearch} />
          )}
          <span className="terminal-font" role="group" aria-label="Font size">
            <ActionButton label="A−" aria-label="Smaller font" title="Smaller font (Ctrl+-)" onClick={() => setFontSize((s) => nextFontSize(s, 'font-smaller'))} />
            <span className="terminal-font-size" aria-live="polite">{fontSize}px</span>
            <ActionButton label="A+" aria-label="Bigger font" title="Bigger font (Ctrl+=)" onClick={() => setFontSize((s) => nextFontSize(s, 'font-bigger'))} />
          </span>
          <ActionButton label="Copy" title="Copy the selection (Ctrl+Shift+C)" onClick={() => void handle.current?.copySelection().catch(() => undefined)} />
          <ActionButton label="Open in system terminal" title="Copies the equivalent docker exec command" onClick={copySystemCommand} />
          <ActionButton label="Close" tone="danger" pending={close.isPending} title="Ends the process and everything it started" onClick={() => close.mutate({ id: session.id }, { onSuccess: onClosed })} />
        </div>
      </header>
      {systemCommand ? (
        <div className="terminal-system" role="status">
          {systemCommand.copied ? 'Copied — paste it into your terminal:' : 'Copy this into your terminal:'} <code>{systemCommand.text}</code>
          <button type="button" className="terminal-dismiss" aria-label="Dismiss" onClick={() => setSystemCommand(undefined)}>
            ×
          </button>
        </div>
      ) : null}
      {error ?? close.error ? <ErrorBanner title="Terminal">{(error ?? close.error)!.message}</ErrorBanner> : null}
      {session.state === 'exited' ? (
        <div className="terminal-exited" role="status">
          The process exited{session.exitCode !== undefined ? ` with code ${session.exitCode}` : ''}. Its output stays here until you close the session.
        </div>
      ) : null}
      <TerminalView
        sessionId={session.id}
        fontSize={fontSize}
        onReady={(h) => (handle.current = h)}
        onError={setError}
        onShortcut={(shortcut) => (shortcut === 'find' ? openSearch() : setFontSize((s) => nextFontSize(s, shortcut)))}
      />
    </section>
  );
}
