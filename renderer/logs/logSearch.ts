import type { LogStore } from './logStore.js';

const ansiPattern = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text a person reads: colour codes removed. */
export function plainText(text: string): string {
  return text.indexOf('\u001b') === -1 ? text : text.replace(ansiPattern, '');
}

export interface SearchQuery {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

export type CompiledSearch = { ok: true; pattern: RegExp } | { ok: false; error: string } | undefined;

/** A search box's content as a global RegExp, or why it is not one. */
export function compileSearch(q: SearchQuery): CompiledSearch {
  if (!q.text) return undefined;
  const flags = q.caseSensitive ? 'g' : 'gi';
  if (!q.regex) return { ok: true, pattern: new RegExp(q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags) };
  try {
    const pattern = new RegExp(q.text, flags);
    // A pattern that matches the empty string would highlight nothing and match everything.
    if (pattern.test('')) return { ok: false, error: 'this pattern matches empty text' };
    return { ok: true, pattern };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err) };
  }
}

/** Character ranges of every match in one line of plain text. */
export function matchRanges(pattern: RegExp, text: string): [number, number][] {
  const out: [number, number][] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/**
 * Which held lines match, kept up to date incrementally: new lines are
 * scanned as they arrive, lines that fell out of the store are forgotten.
 */
export class SearchMatches {
  /** Absolute line indexes, ascending. */
  lines: number[] = [];
  private scannedTo = -Infinity;
  private scannedFrom = Infinity;

  constructor(readonly pattern: RegExp) {}

  update(store: LogStore): void {
    const { first, end } = store;
    let start = 0;
    while (start < this.lines.length && (this.lines[start] as number) < first) start++;
    if (start > 0) this.lines = this.lines.slice(start);
    const older: number[] = [];
    // Lines prepended by scrolling back.
    for (let i = first; i < Math.min(this.scannedFrom, end); i++) if (this.test(store.text(i))) older.push(i);
    const from = Math.max(first, this.scannedTo, Math.min(this.scannedFrom, end));
    for (let i = from; i < end; i++) if (this.test(store.text(i))) this.lines.push(i);
    if (older.length) this.lines = older.concat(this.lines);
    this.scannedFrom = first;
    this.scannedTo = end;
  }

  private test(text: string): boolean {
    this.pattern.lastIndex = 0;
    return this.pattern.test(plainText(text));
  }
}
