import { afterEach, describe, expect, it } from 'vitest';
import type { LogLine } from '../../../shared/contract/logs.js';
import { LogHub } from '../../../electron/logs/logHub.js';
import { lineBytes } from '../../../electron/logs/sourceRing.js';

const hubs: LogHub[] = [];
function makeHub(opts: ConstructorParameters<typeof LogHub>[0] = {}): LogHub {
  const hub = new LogHub(opts);
  hubs.push(hub);
  return hub;
}
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.dispose();
});

const nextTick = () => new Promise((r) => setTimeout(r, 0));

describe('LogHub', () => {
  it('numbers lines in the order it receives them and fills in time and level', () => {
    const hub = makeHub();
    const before = Date.now();
    hub.write({ source: 'mcp:postgres', stream: 'stderr', text: '[ERROR] boom' });
    hub.write({ source: 'container:redis', stream: 'stdout', text: 'ready', ts: 1234 });
    const lines = hub.query({}, 10);
    expect(lines.map((l) => [l.seq, l.source, l.level])).toEqual([
      [1, 'mcp:postgres', 'error'],
      [2, 'container:redis', 'info'],
    ]);
    expect(lines[0]!.ts).toBeGreaterThanOrEqual(before);
    expect(lines[1]!.ts).toBe(1234);
  });

  it('keeps a level the writer gave instead of guessing', () => {
    const hub = makeHub();
    hub.write({ source: 'switchboard', stream: 'system', text: 'restart of redis failed', level: 'error' });
    expect(hub.query({}, 1)[0]!.level).toBe('error');
  });

  it('splits a chunk with several lines into lines and drops the trailing newline and CR', () => {
    const hub = makeHub();
    hub.write({ source: 'a', stream: 'stdout', text: 'one\r\ntwo\nthree\n' });
    expect(hub.query({}, 10).map((l) => l.text)).toEqual(['one', 'two', 'three']);
  });

  it('cuts a runaway line and says how much was cut', () => {
    const hub = makeHub({ maxLineChars: 10 });
    hub.write({ source: 'a', stream: 'stdout', text: 'x'.repeat(25) });
    expect(hub.query({}, 1)[0]!.text).toBe('xxxxxxxxxx … (15 more characters cut)');
  });

  it('keeps at most linesPerSource lines of each source and counts the ones that fell out', () => {
    const hub = makeHub({ linesPerSource: 100 });
    for (let i = 0; i < 250; i++) hub.write({ source: 'noisy', stream: 'stdout', text: `n${i}` });
    for (let i = 0; i < 5; i++) hub.write({ source: 'quiet', stream: 'stdout', text: `q${i}` });
    const noisy = hub.query({ sources: ['noisy'] }, 1_000);
    expect(noisy).toHaveLength(100);
    expect(noisy[0]!.text).toBe('n150');
    expect(noisy[99]!.text).toBe('n249');
    expect(hub.sources()).toEqual([
      { source: 'noisy', lines: 100, dropped: 150, bytes: 100 * lineBytes('n200') },
      { source: 'quiet', lines: 5, dropped: 0, bytes: 5 * lineBytes('q0') },
    ]);
    expect(hub.stats()).toMatchObject({ written: 255, lines: 105, dropped: 150 });
  });

  it('holds the global byte cap by evicting the oldest line of any source', () => {
    const perLine = lineBytes('aaaa');
    const hub = makeHub({ maxBytes: perLine * 10 });
    for (let i = 0; i < 6; i++) hub.write({ source: 'old', stream: 'stdout', text: 'aaaa' });
    for (let i = 0; i < 6; i++) hub.write({ source: 'new', stream: 'stdout', text: 'bbbb' });
    const stats = hub.stats();
    expect(stats.bytes).toBeLessThanOrEqual(perLine * 10);
    expect(stats.lines).toBe(10);
    expect(stats.dropped).toBe(2);
    expect(stats.sources.find((s) => s.source === 'old')).toMatchObject({ lines: 4, dropped: 2 });
    expect(stats.sources.find((s) => s.source === 'new')).toMatchObject({ lines: 6, dropped: 0 });
    // lines written = held + dropped: nothing is lost from the count
    expect(stats.written).toBe(stats.lines + stats.dropped);
  });

  it('merges several sources by arrival and filters by source, stream and level', () => {
    const hub = makeHub();
    hub.write({ source: 'container:api', stream: 'stdout', text: 'GET /health 200' });
    hub.write({ source: 'mcp:memory', stream: 'stderr', text: 'ERROR: lost' });
    hub.write({ source: 'container:db', stream: 'stderr', text: 'LOG: checkpoint' });
    hub.write({ source: 'container:api', stream: 'stderr', text: 'WARN slow' });
    expect(hub.query({}, 10).map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(hub.query({ sources: ['container:*'] }, 10).map((l) => l.source)).toEqual(['container:api', 'container:db', 'container:api']);
    expect(hub.query({ streams: ['stderr'], levels: ['warn', 'error'] }, 10).map((l) => l.text)).toEqual(['ERROR: lost', 'WARN slow']);
    expect(hub.query({}, 2).map((l) => l.seq)).toEqual([3, 4]);
  });

  it('scrolls back: lines older than a seq, newest `count` of them, oldest first', () => {
    const hub = makeHub();
    for (let i = 1; i <= 50; i++) hub.write({ source: i % 2 ? 'a' : 'b', stream: 'stdout', text: `l${i}` });
    expect(hub.query({}, 5, 21).map((l) => l.seq)).toEqual([16, 17, 18, 19, 20]);
    expect(hub.query({ sources: ['b'] }, 3, 21).map((l) => l.seq)).toEqual([16, 18, 20]);
    expect(hub.query({}, 5, 3).map((l) => l.seq)).toEqual([1, 2]);
  });

  it('reads forward from a seq for a stream catching up, oldest first, filtered', () => {
    const hub = makeHub();
    for (let i = 1; i <= 30; i++) hub.write({ source: i % 2 ? 'a' : 'b', stream: 'stdout', text: `l${i}` });
    expect(hub.after({}, 10, 4).map((l) => l.seq)).toEqual([11, 12, 13, 14]);
    expect(hub.after({ sources: ['b'] }, 25, 10).map((l) => l.seq)).toEqual([26, 28, 30]);
    expect(hub.after({}, 30, 10)).toEqual([]);
  });

  it('delivers live lines to subscribers in batches, filtered, without repeating what they already had', async () => {
    const hub = makeHub();
    hub.write({ source: 'a', stream: 'stdout', text: 'before' });
    const batches: LogLine[][] = [];
    const sub = hub.subscribe({ sources: ['a'] }, (lines) => batches.push(lines));
    for (let i = 0; i < 1_000; i++) hub.write({ source: i % 2 ? 'a' : 'b', stream: 'stdout', text: `x${i}` });
    await nextTick();
    const got = batches.flat();
    expect(got).toHaveLength(500);
    expect(got.every((l) => l.source === 'a')).toBe(true);
    expect(batches.length).toBeLessThan(10);
    sub.dispose();
    hub.write({ source: 'a', stream: 'stdout', text: 'after' });
    await nextTick();
    expect(batches.flat()).toHaveLength(500);
  });

  it('keeps delivering when one subscriber throws', async () => {
    const hub = makeHub();
    hub.subscribe({}, () => {
      throw new Error('broken viewer');
    });
    const got: LogLine[] = [];
    hub.subscribe({}, (lines) => got.push(...lines));
    hub.write({ source: 'a', stream: 'stdout', text: 'still here' });
    await nextTick();
    expect(got.map((l) => l.text)).toEqual(['still here']);
  });

  it('ignores writes after it is disposed', () => {
    const hub = makeHub();
    hub.dispose();
    hub.write({ source: 'a', stream: 'stdout', text: 'late' });
    expect(hub.query({}, 10)).toEqual([]);
  });

  it('keeps a removed container\'s lines for a while, then releases them and their bytes', async () => {
    const hub = makeHub({ retiredKeepMs: 30 });
    hub.write({ source: 'container:gone', stream: 'stdout', text: 'last words' });
    hub.write({ source: 'container:stays', stream: 'stdout', text: 'still here' });
    hub.retire('container:gone');
    expect(hub.query({ sources: ['container:gone'] }, 10).map((l) => l.text)).toEqual(['last words']);
    await new Promise((r) => setTimeout(r, 80));
    expect(hub.sources().map((s) => s.source)).toEqual(['container:stays']);
    expect(hub.stats().bytes).toBe(lineBytes('still here'));
  });

  it('keeps a retired source that writes again (a new container with the same name)', async () => {
    const hub = makeHub({ retiredKeepMs: 30 });
    hub.write({ source: 'container:web', stream: 'stdout', text: 'first life' });
    hub.retire('container:web');
    hub.write({ source: 'container:web', stream: 'stdout', text: 'second life' });
    await new Promise((r) => setTimeout(r, 80));
    expect(hub.query({ sources: ['container:web'] }, 10).map((l) => l.text)).toEqual(['first life', 'second life']);
  });

  it('wakes a reader once per burst that holds a matching line, and not for others', async () => {
    const hub = makeHub();
    let wakes = 0;
    hub.wakeOn({ sources: ['container:web'] }, () => wakes++);
    for (let i = 0; i < 100; i++) hub.write({ source: i % 2 ? 'container:web' : 'container:db', stream: 'stdout', text: `line ${i}` });
    await nextTick();
    expect(wakes).toBe(1);
    hub.write({ source: 'container:db', stream: 'stdout', text: 'not for the reader' });
    await nextTick();
    expect(wakes).toBe(1);
  });
});
