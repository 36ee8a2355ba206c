import { fuzzyScore } from './fuzzyScore.js';

/** What the ranking reads of an entry: its id (for recents), what it shows, and words it can also be found by. */
export interface Rankable {
  id: string;
  label: string;
  /** Matched after the label but not shown highlighted, e.g. "container running". */
  keywords?: string;
}

export interface Ranked<E> {
  entry: E;
  /** Matched characters of the label, for highlighting. */
  positions: number[];
}

export interface Ranking<E> {
  /** The best `limit` entries, best first. */
  shown: Ranked<E>[];
  /** How many entries matched in all. */
  total: number;
}

/** A recent entry is worth up to about one word start more than another: a much better match still wins. */
const recentBonus = 10;

/**
 * The entries that match `query`, best first. With no query: the recent ones
 * (most recent first), then the rest in their own order. With a query: by
 * fuzzy score, with a bonus for recent entries, then shorter labels, then
 * their own order.
 */
export function rankEntries<E extends Rankable>(entries: readonly E[], query: string, recent: readonly string[], limit: number): Ranking<E> {
  const recency = new Map(recent.map((id, i) => [id, i]));
  const bonus = (id: string) => {
    const at = recency.get(id);
    return at === undefined ? 0 : recentBonus * (1 - at / Math.max(recent.length, 1));
  };
  const scored: Array<{ entry: E; positions: number[]; score: number; order: number }> = [];
  const blank = query.trim() === '';
  entries.forEach((entry, order) => {
    const text = entry.keywords ? `${entry.label} ${entry.keywords}` : entry.label;
    const match = fuzzyScore(query, text);
    if (!match) return;
    const labelPositions = match.positions.filter((p) => p < entry.label.length);
    scored.push({ entry, positions: labelPositions, score: blank ? 0 : match.score + bonus(entry.id), order });
  });
  scored.sort((a, b) => {
    if (blank) {
      const ra = recency.get(a.entry.id) ?? Infinity;
      const rb = recency.get(b.entry.id) ?? Infinity;
      return ra !== rb ? ra - rb : a.order - b.order;
    }
    return b.score - a.score || a.entry.label.length - b.entry.label.length || a.order - b.order;
  });
  return { shown: scored.slice(0, limit).map(({ entry, positions }) => ({ entry, positions })), total: scored.length };
}
