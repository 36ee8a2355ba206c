import { describe, expect, it } from 'vitest';
import { rankEntries } from '../../../renderer/palette/rankEntries.js';
import { recentLimit, withRecent } from '../../../renderer/palette/recentEntries.js';

const entries = [
  { id: 'screen:overview', label: 'Go to Overview' },
  { id: 'screen:containers', label: 'Go to Containers' },
  { id: 'mcp.restart:memory', label: 'Restart memory', keywords: 'mcp server' },
  { id: 'container.restart:local/sutazai-redis', label: 'Restart sutazai-redis', keywords: 'container' },
  { id: 'container.restart:local/redis', label: 'Restart redis', keywords: 'container' },
  { id: 'config.reload', label: 'Reload stack file' },
];
const labels = (query: string, recent: string[] = [], limit = 50) => rankEntries(entries, query, recent, limit).shown.map((r) => r.entry.label);

describe('the palette’s ranking', () => {
  it('with no query: recent entries first, most recent first, then the rest in their own order', () => {
    expect(labels('')).toEqual(entries.map((e) => e.label));
    expect(labels('', ['config.reload', 'mcp.restart:memory', 'gone:entry'])).toEqual([
      'Reload stack file',
      'Restart memory',
      'Go to Overview',
      'Go to Containers',
      'Restart sutazai-redis',
      'Restart redis',
    ]);
  });

  it('with a query: best match first, the shorter label on a tie', () => {
    expect(labels('redis')).toEqual(['Restart redis', 'Restart sutazai-redis']);
    expect(labels('re')[0]).toBe('Restart redis');
  });

  it('a recent entry goes before an equal or slightly better match, not before a much better one', () => {
    expect(labels('redis', ['container.restart:local/sutazai-redis'])).toEqual(['Restart sutazai-redis', 'Restart redis']);
    expect(labels('reload', ['mcp.restart:memory'])[0]).toBe('Reload stack file');
  });

  it('finds entries by their keywords, below the same words in a label, highlighting only the label', () => {
    const ranking = rankEntries(entries, 'mcp restart', [], 50);
    expect(ranking.shown.map((r) => r.entry.label)).toEqual(['Restart memory']);
    expect(ranking.shown[0]!.positions).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const both = [{ id: 'a', label: 'Show redis', keywords: 'container' }, { id: 'b', label: 'Go to Containers' }];
    expect(rankEntries(both, 'container', [], 50).shown.map((r) => r.entry.id)).toEqual(['b', 'a']);
  });

  it('matches each query word within the label or within the keywords, never spread across both', () => {
    const remove = [{ id: 'remove', label: 'Remove sbt-victim', keywords: 'container sbt-kb' }];
    expect(rankEntries(remove, 'restart', [], 50).total).toBe(0);
    expect(rankEntries(remove, 'remove container', [], 50).total).toBe(1);
  });

  it('shows at most `limit` entries and says how many matched in all', () => {
    const ranking = rankEntries(entries, 'r', [], 2);
    expect(ranking.shown).toHaveLength(2);
    expect(ranking.total).toBe(entries.filter((e) => /r/i.test(e.label + (e.keywords ?? ''))).length);
  });

  it('remembers a pick at the front, once, and forgets beyond the limit', () => {
    expect(withRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    const full = Array.from({ length: recentLimit }, (_, i) => `e${i}`);
    const after = withRecent(full, 'new');
    expect(after).toHaveLength(recentLimit);
    expect(after[0]).toBe('new');
    expect(after).not.toContain(`e${recentLimit - 1}`);
  });
});
