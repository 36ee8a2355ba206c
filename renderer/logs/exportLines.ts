import type { LogStore } from './logStore.js';
import { plainText } from './logSearch.js';

/** One line of an exported file: "2026-11-26T10:00:00.123Z mcp:postgres stderr warn text". */
export function formatLine(store: LogStore, index: number, withTime = true): string {
  const l = store.line(index);
  const text = plainText(l.text);
  return withTime ? `${new Date(l.ts).toISOString()} ${l.source} ${l.stream} ${l.level} ${text}` : `${l.source} ${text}`;
}

export function linesText(store: LogStore, from: number, to: number, withTime = true): string {
  const out: string[] = [];
  for (let i = Math.max(from, store.first); i < Math.min(to, store.end); i++) out.push(formatLine(store, i, withTime));
  return out.join('\n') + (out.length ? '\n' : '');
}

/** Saves the lines as a file through the browser's download (works in Electron and browser mode). */
export function downloadLines(store: LogStore, name: string): void {
  const blob = new Blob([linesText(store, store.first, store.end)], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference by now; free ours soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
