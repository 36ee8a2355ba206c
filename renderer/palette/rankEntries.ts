import { fuzzyScore } from './fuzzyScore.js';

/** What the ranking reads of an entry: its id (for recents), what it shows, and words it can also be found by. */
export interface Rankable {
  id: string;
  label: string;
  /** Other words it is found by, not shown, e.g. "container shop": a query word matches here when not in the label. */
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
 * How well the query matches an entry: each word of it within the label, or
 * else within the keywords for half the score — never spread across both, so
 * "restart" does not find "Remove s…" through a keyword's "a", "r" and "t".
 */
function matchEntry(terms: string[], entry: Rankable): { score: number; positions: number[] } | undefined {
  let score = 0;
  const positions = new Set<number>();
  for (const term of terms) {
    const inLabel = fuzzyScore(term, entry.label);
    if (inLabel) {
      score += inLabel.score;
      for (const p of inLabel.positions) positions.add(p);
      continue;
    }
    const inKeywords = entry.keywords ? fuzzyScore(term, entry.keywords) : undefined;
    if (!inKeywords) return undefined;
    score += inKeywords.score / 2;
  }
  return { score, positions: [...positions].sort((a, b) => a - b) };
}

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
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const blank = terms.length === 0;
  entries.forEach((entry, order) => {
    const match = matchEntry(terms, entry);
    if (!match) return;
    scored.push({ entry, positions: match.positions, score: blank ? 0 : match.score + bonus(entry.id), order });
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
