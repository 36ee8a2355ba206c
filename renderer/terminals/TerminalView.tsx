import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import '@xterm/xterm/css/xterm.css';
import { useClient } from '../client/hooks.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { TerminalFeed } from './terminalFeed.js';
import { inputSender } from './terminalInput.js';
import { shortcutFor, type TerminalShortcut } from './terminalShortcuts.js';

/** What the pane's toolbar does to the terminal. */
export interface TerminalHandle {
  find(text: string, backwards?: boolean): boolean;
  clearFind(): void;
  copySelection(): Promise<boolean>;
  focus(): void;
}

interface Props {
  sessionId: string;
  fontSize: number;
  onShortcut(shortcut: Exclude<TerminalShortcut, 'copy' | 'paste'>): void;
  onError(error: ErrorInfo | undefined): void;
  onReady(handle: TerminalHandle | undefined): void;
}

const theme = {
  background: '#0b0e12',
  foreground: '#e6edf3',
  cursor: '#4ea1ff',
  cursorAccent: '#0b0e12',
  selectionBackground: '#2d4a6b',
  black: '#1c232c',
  brightBlack: '#6e7681',
};

/**
 * Dispatched on the terminal's box each time xterm has parsed a write (its write callback): the output is in
 * xterm's buffer and its rows are due at the next frame. The terminal benchmark times this hop by it.
 */
export const terminalWrittenEvent = 'terminal-written';

const searchLook = { matchBackground: '#4d3b12', matchOverviewRuler: '#d29922', activeMatchBackground: '#8a5a00', activeMatchColorOverviewRuler: '#f2cc60' };

/**
 * One session on screen: an xterm attached to the session in main (scrollback
 * first, then live output), sized to its box, sending keystrokes, pastes and
 * its size back. Unmounting detaches; the session keeps running.
 */
export function TerminalView({ sessionId, fontSize, onShortcut, onError, onReady }: Props) {
  const client = useClient();
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | undefined>(undefined);
  const fit = useRef<FitAddon | undefined>(undefined);
  // The latest callbacks, so the terminal is not rebuilt when the pane re-renders.
  const callbacks = useRef({ onShortcut, onError, onReady });
  callbacks.current = { onShortcut, onError, onReady };

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xterm = new Terminal({ fontSize, fontFamily: "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace", theme, scrollback: 10_000, allowProposedApi: true });
    const fitter = new FitAddon();
    const search = new SearchAddon();
    xterm.loadAddon(fitter);
    xterm.loadAddon(search);
    // A clicked link opens in the system browser (Electron) or a new tab, never in the app's own window.
    xterm.loadAddon(new WebLinksAddon((_event, uri) => void window.open(uri, '_blank', 'noopener,noreferrer')));
    xterm.open(element);
    term.current = xterm;
    fit.current = fitter;

    const send = inputSender(
      (data) => client.call('terminals.input', { id: sessionId, data }),
      (err) => callbacks.current.onError(err as ErrorInfo),
    );
    const copySelection = async () => {
      const text = xterm.getSelection();
      if (!text) return false;
      await navigator.clipboard.writeText(text);
      return true;
    };
    xterm.attachCustomKeyEventHandler((event) => {
      const shortcut = shortcutFor(event);
      if (!shortcut) return true;
      // Paste is left to the browser: its own paste (no clipboard-read permission needed) reaches xterm's
      // paste handler, which wraps it in bracketed-paste marks when the program asked for them.
      if (shortcut === 'paste') return false;
      if (event.type === 'keydown') {
        event.preventDefault();
        if (shortcut === 'copy') void copySelection().catch(() => undefined);
        else callbacks.current.onShortcut(shortcut);
      }
      return false;
    });
    const typed = xterm.onData(send);
    let sized = '';
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    const resized = xterm.onResize(({ cols, rows }) => {
      // Coalesce a drag into one resize of the exec.
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        if (sized === `${cols}x${rows}`) return;
        sized = `${cols}x${rows}`;
        void client.call('terminals.resize', { id: sessionId, cols, rows }).catch(() => undefined);
      }, 80);
    });
    const surface = {
      reset: () => xterm.reset(),
      write: (data: string, drawn: () => void) =>
        xterm.write(data, () => {
          element.dispatchEvent(new Event(terminalWrittenEvent));
          drawn();
        }),
      get linesKept() {
        return (xterm.options.scrollback ?? 0) + xterm.rows;
      },
    };
    const feed = new TerminalFeed(client, sessionId, surface, (error) => callbacks.current.onError(error));
    const refit = () => {
      if (element.clientWidth > 0 && element.clientHeight > 0) fitter.fit();
    };
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    refit();
    // The size the exec starts with is a guess: tell it the real one even when fit did not change it.
    sized = `${xterm.cols}x${xterm.rows}`;
    void client.call('terminals.resize', { id: sessionId, cols: xterm.cols, rows: xterm.rows }).catch(() => undefined);
    xterm.focus();
    callbacks.current.onReady({
      find: (text, backwards) => (backwards ? search.findPrevious(text, { decorations: searchLook }) : search.findNext(text, { decorations: searchLook })),
      clearFind: () => search.clearDecorations(),
      copySelection,
      focus: () => xterm.focus(),
    });
    return () => {
      callbacks.current.onReady(undefined);
      clearTimeout(resizeTimer);
      observer.disconnect();
      feed.dispose();
      typed.dispose();
      resized.dispose();
      xterm.dispose();
      term.current = undefined;
    };
    // fontSize is applied below without rebuilding the terminal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, sessionId]);

  useEffect(() => {
    const xterm = term.current;
    if (!xterm || xterm.options.fontSize === fontSize) return;
    xterm.options.fontSize = fontSize;
    fit.current?.fit();
  }, [fontSize]);

  return <div className="terminal-box" ref={box} role="region" aria-label="terminal" data-session={sessionId} />;
}
