/**
 * The palette's fuzzy matcher: every query character must appear in the text,
 * in order, without regard to case. Among the ways to place them, the best
 * one wins: characters at the start of a word ("rsr" → "ReStart sutazai-Redis"),
 * characters in a row, few skipped characters. Words of the query separated by
 * spaces match independently, in any order ("redis restart").
 */

export interface FuzzyMatch {
  /** Higher is better; only compared between matches of the same query. */
  score: number;
  /** Indexes in the text of the matched characters, ascending, for highlighting. */
  positions: number[];
}

const matchScore = 16;
const firstCharBonus = 10;
const wordStartBonus = 8;
const camelBonus = 7;
const consecutiveBonus = 5;
const gapOpen = 3;
const gapExtend = 1;
const none = -1e9;

const separators = new Set([' ', '-', '_', '.', '/', ':', '@', '(', '[', ',', '·']);

/** What a character at `j` earns for being matched: more at the start of the text or of a word. */
function positionBonus(text: string, j: number): number {
  if (j === 0) return firstCharBonus;
  const before = text[j - 1]!;
  if (separators.has(before)) return wordStartBonus;
  const here = text[j]!;
  if (before >= 'a' && before <= 'z' && here >= 'A' && here <= 'Z') return camelBonus;
  return 0;
}

// Reused between calls: scoring 500 entries per keystroke should not allocate 500 matrices.
let matched = new Float64Array(0);
let gapped = new Float64Array(0);
let matchedFrom = new Int32Array(0);
let gappedFrom = new Int32Array(0);
let runBonus = new Float64Array(0);

function ensureCapacity(cells: number): void {
  if (matched.length >= cells) return;
  const size = Math.max(cells, matched.length * 2);
  matched = new Float64Array(size);
  gapped = new Float64Array(size);
  matchedFrom = new Int32Array(size);
  gappedFrom = new Int32Array(size);
  runBonus = new Float64Array(size);
}

/** Whether every character of `term` appears in `text` in order: a cheap rejection before the full scoring. */
function isSubsequence(term: string, lowerText: string): boolean {
  let j = 0;
  for (let i = 0; i < term.length; i++) {
    j = lowerText.indexOf(term[i]!, j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/**
 * The best placement of one lower-case term in the text (Gotoh-style
 * alignment: `matched` scores the term's i-th character placed at j,
 * `gapped` the best placement of it before j with the skip paid for).
 */
function scoreTerm(term: string, text: string, lowerText: string): FuzzyMatch | undefined {
  if (!isSubsequence(term, lowerText)) return undefined;
  const m = term.length;
  const n = text.length;
  ensureCapacity(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const previous = row - n;
    for (let j = 0; j < n; j++) {
      const cell = row + j;
      let best = none;
      let from = -1;
      let bonus = 0;
      if (lowerText[j] === term[i] && j >= i) {
        const here = positionBonus(text, j);
        if (i === 0) {
          best = matchScore + here;
          bonus = here;
        } else if (j > 0) {
          // a character right after the previous one keeps the bonus its run started with ("post" in "postgres" is all word start)
          const runStart = runBonus[previous + j - 1]!;
          const together = matched[previous + j - 1]! + matchScore + Math.max(here, runStart, consecutiveBonus);
          const apart = gapped[previous + j - 1]! + matchScore + here;
          if (together >= apart && matched[previous + j - 1]! > none / 2) {
            best = together;
            from = j - 1;
            bonus = runStart;
          } else if (gapped[previous + j - 1]! > none / 2) {
            best = apart;
            from = gappedFrom[previous + j - 1]!;
            bonus = here;
          }
        }
      }
      runBonus[cell] = bonus;
      matched[cell] = best;
      matchedFrom[cell] = from;
      if (j === 0) {
        gapped[cell] = none;
        gappedFrom[cell] = -1;
      } else {
        const open = matched[cell - 1]! - gapOpen;
        const extend = gapped[cell - 1]! - gapExtend;
        if (open >= extend) {
          gapped[cell] = open;
          gappedFrom[cell] = j - 1;
        } else {
          gapped[cell] = extend;
          gappedFrom[cell] = gappedFrom[cell - 1]!;
        }
      }
    }
  }
  const last = (m - 1) * n;
  let end = -1;
  let score = none;
  for (let j = 0; j < n; j++) {
    if (matched[last + j]! > score) {
      score = matched[last + j]!;
      end = j;
    }
  }
  if (end < 0 || score <= none / 2) return undefined;
  const positions = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions[i] = j;
    j = matchedFrom[i * n + j]!;
  }
  return { score, positions };
}

/** Lower case with every index kept (a few characters, like "İ", grow when lowered whole). */
function lowerKeepingLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let kept = '';
  for (let i = 0; i < text.length; i++) kept += text[i]!.toLowerCase()[0] ?? text[i];
  return kept;
}

/** How well `query` matches `text`, or undefined when some character of it is missing. An empty query matches everything with 0. */
export function fuzzyScore(query: string, text: string): FuzzyMatch | undefined {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return { score: 0, positions: [] };
  const lowerText = lowerKeepingLength(text);
  let score = 0;
  const positions = new Set<number>();
  for (const term of terms) {
    const match = scoreTerm(term, text, lowerText);
    if (!match) return undefined;
    score += match.score;
    for (const p of match.positions) positions.add(p);
  }
  return { score, positions: [...positions].sort((a, b) => a - b) };
}
