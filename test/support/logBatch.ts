import { logLevels, logStreams, type LogBatch, type LogLine, type LogSourceId } from '../../shared/contract/logs.js';

/** Lines as one batch of columns (the inverse of `batchLines`): how a test writes a snapshot or batch from line objects. */
export function linesBatch(lines: readonly LogLine[]): LogBatch {
  const out: LogBatch = { sources: [], seq: [], ts: [], src: [], stream: [], level: [], text: [] };
  const sourceIndex = new Map<LogSourceId, number>();
  let seq = 0;
  let ts = 0;
  for (const line of lines) {
    let src = sourceIndex.get(line.source);
    if (src === undefined) {
      src = out.sources.push(line.source) - 1;
      sourceIndex.set(line.source, src);
    }
    out.seq.push(line.seq - seq);
    out.ts.push(line.ts - ts);
    seq = line.seq;
    ts = line.ts;
    out.src.push(src);
    out.stream.push(Math.max(0, logStreams.indexOf(line.stream)));
    out.level.push(Math.max(0, logLevels.indexOf(line.level)));
    out.text.push(line.text);
  }
  return out;
}
