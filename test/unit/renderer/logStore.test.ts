import { describe, expect, it } from 'vitest';
import { batchLines, type LogBatch, type LogLine } from '../../../shared/contract/logs.js';
import { linesBatch } from '../../support/logBatch.js';
import { LogStore } from '../../../renderer/logs/logStore.js';

const line = (seq: number): LogLine => ({ seq, ts: 1_000 + seq, source: `s${seq % 3}`, stream: seq % 2 ? 'stderr' : 'stdout', level: 'info', text: `line ${seq}` });

/** Lines first..last as one batch of columns, as the `logs` topic sends them. */
function batch(first: number, last: number): LogBatch {
  const out: LogBatch = { sources: ['s0', 's1', 's2'], seq: [], ts: [], src: [], stream: [], level: [], text: [] };
  for (let seq = first; seq <= last; seq++) {
    out.seq.push(seq === first ? seq : 1);
    out.ts.push(seq === first ? 1_000 + seq : 1);
    out.src.push(seq % 3);
    out.stream.push(seq % 2);
    out.level.push(2);
    out.text.push(`line ${seq}`);
  }
  return out;
}

const seqs = (store: LogStore) => Array.from({ length: store.size }, (_, k) => store.line(store.first + k).seq);

describe('LogStore', () => {
  it('keeps every line in order when it grows while its ring has wrapped (older lines were put in front)', () => {
    const store = new LogStore(100_000, (run) => run());
    store.reset(linesBatch([100, 101, 102].map(line)));
    store.prepend([95, 96, 97, 98, 99].map(line));
    store.appendBatches([batch(103, 9_000)]);
    expect(seqs(store)).toEqual(Array.from({ length: 9_000 - 95 + 1 }, (_, k) => 95 + k));
    expect(store.line(store.end - 1)).toMatchObject({ seq: 9_000, ts: 10_000, source: 's0', stream: 'stdout', level: 'info', text: 'line 9000' });
  });

  it('drops the oldest lines at its capacity and counts them', () => {
    const store = new LogStore(5_000, (run) => run());
    store.reset(linesBatch([]));
    store.appendBatches([batch(1, 3_000), batch(3_001, 7_000)]);
    expect(store.size).toBe(5_000);
    expect(store.evicted).toBe(2_000);
    expect(seqs(store)).toEqual(Array.from({ length: 5_000 }, (_, k) => 2_001 + k));
  });
});

describe('linesBatch', () => {
  it('is read back by batchLines as the same lines, in order', () => {
    const lines = [3, 4, 9, 10].map(line);
    expect(batchLines(linesBatch(lines))).toEqual(lines);
  });
});
