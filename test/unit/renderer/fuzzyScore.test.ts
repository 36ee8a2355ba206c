import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzyScore } from '../../../renderer/palette/fuzzyScore.js';

const score = (query: string, text: string) => fuzzyScore(query, text)?.score;
const positions = (query: string, text: string) => fuzzyScore(query, text)?.positions;
/** The texts in the order the scorer ranks them for `query`, non-matches left out. */
const ranked = (query: string, texts: string[]) =>
  texts
    .map((text) => ({ text, s: score(query, text) }))
    .filter((t) => t.s !== undefined)
    .sort((a, b) => b.s! - a.s!)
    .map((t) => t.text);

describe('the palette’s fuzzy matcher', () => {
  it('matches when every query character appears in order, whatever the case; otherwise not', () => {
    expect(score('rsr', 'Restart sutazai-redis')).toBeDefined();
    expect(score('REDIS', 'restart sutazai-redis')).toBeDefined();
    expect(score('sider', 'restart sutazai-redis')).toBeUndefined();
    expect(score('redisx', 'restart sutazai-redis')).toBeUndefined();
    expect(score('', 'anything')).toEqual(0);
    expect(score('   ', 'anything')).toEqual(0);
    expect(score('a', '')).toBeUndefined();
  });

  it('places the characters where they read best: at word starts, together', () => {
    expect(positions('redis', 'Restart sutazai-redis')).toEqual([16, 17, 18, 19, 20]);
    expect(positions('rsr', 'Restart sutazai-redis')).toEqual([0, 8, 16]);
    expect(positions('logs back', 'Open logs of backend')).toEqual([5, 6, 7, 8, 13, 14, 15, 16]);
  });

  it('ranks a word-start match above the same letters scattered inside words', () => {
    expect(ranked('rb', ['Restart sutazai-redis', 'Restart backend', 'Open logs of redis-bus'])[0]).toBe('Restart backend');
    expect(ranked('mcp', ['Go to MCP servers', 'Restart memcached-proxy', 'compile'])).toEqual(['Go to MCP servers', 'Restart memcached-proxy']);
  });

  it('ranks letters together above the same letters apart, and an earlier word start above none', () => {
    expect(score('post', 'Selfcheck postgres')!).toBeGreaterThan(score('post', 'Open logs of p-o-s-t')!);
    expect(score('cont', 'Go to Containers')!).toBeGreaterThan(score('cont', 'Show recontainer')!);
  });

  it('matches the words of a query in any order, each on its own', () => {
    expect(score('redis restart', 'Restart sutazai-redis')).toBeDefined();
    expect(score('restart redis', 'Restart sutazai-redis')).toBe(score('redis restart', 'Restart sutazai-redis'));
    expect(score('redis stop', 'Restart sutazai-redis')).toBeUndefined();
  });

  it('finds camelCase word starts', () => {
    expect(positions('sa', 'containers.showAll')).toEqual([11, 15]);
  });

  it('keeps positions on the text even where lower-casing would change its length', () => {
    expect(positions('i', 'İstanbul')).toEqual([0]);
  });

  it('for any text and any subsequence of it: a match, positions in order on those very characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (text, picks) => {
        const indexes = [...new Set(picks.map((p) => p % text.length))].sort((a, b) => a - b);
        const query = indexes.map((i) => text[i]).join('').replace(/\s/g, '');
        const match = fuzzyScore(query, text);
        expect(match).toBeDefined();
        const ps = match!.positions;
        for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]!);
        expect(ps.map((p) => text[p]!.toLowerCase()).join('')).toBe(query.toLowerCase());
      }),
    );
  });
});
