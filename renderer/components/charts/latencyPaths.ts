import type { ProbeSample } from '../../../shared/contract/probes.js';
import { ColumnPath } from './columnPath.js';

/** Where a latency series lands on screen: the time and latency spans and the plot's pixel box. */
export interface LatencyFrame {
  from: number;
  to: number;
  yMax: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What a latency chart draws, as ready-made SVG path strings (one element per series, not one per point). */
export interface LatencyPaths {
  /** Passing runs, broken at failures and silences. */
  line: string;
  /** For stored minutes: the slowest run of each bucket, as a faint line. */
  slowest: string;
  /** Failed runs, one round dot per pixel column (zero-length segments drawn with round caps). */
  fails: string;
  /** Vertices and dots drawn, for `data-points`. */
  drawn: number;
}

// A step longer than this many times both neighbouring steps is a silence (the app was off, the probe stalled): the line breaks there.
const silenceFactor = 3;

/** Pixel x of a time and pixel y of a latency inside `frame`. */
export function latencyScale(frame: LatencyFrame): { x: (ts: number) => number; y: (ms: number) => number } {
  const width = Math.max(0, frame.right - frame.left);
  const span = Math.max(1, frame.to - frame.from);
  const height = frame.bottom - frame.top;
  return {
    x: (ts) => frame.left + ((ts - frame.from) / span) * width,
    y: (ms) => frame.bottom - (Math.min(ms, frame.yMax) / frame.yMax) * height,
  };
}

/**
 * The paths for `samples` (in time order), downsampled to the plot's pixel width: per pixel column
 * the lowest and highest latency are kept, in the order they happened, so a spike survives and a
 * day of 1 s samples is at most two vertices per column.
 */
export function latencyPaths(samples: readonly ProbeSample[], frame: LatencyFrame): LatencyPaths {
  const { x, y } = latencyScale(frame);
  const line = new ColumnPath();
  const slowest = new ColumnPath();
  let fails = '';
  let failDots = 0;
  let lastFailColumn = NaN;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (s.ts < frame.from || s.ts > frame.to) continue;
    if (isSilenceBefore(samples, i)) {
      line.lift();
      slowest.lift();
    }
    const column = Math.round(x(s.ts));
    if (s.outcome === 'ok') line.add(column, y(s.latencyMs));
    else {
      line.lift();
      if (column !== lastFailColumn) {
        fails += `M${column},${y(s.latencyMs).toFixed(1)}h0`;
        failDots++;
        lastFailColumn = column;
      }
    }
    if (s.maxMs !== undefined && s.count !== undefined && s.count > 1) slowest.add(column, y(s.maxMs));
    else slowest.lift();
  }
  const lineD = line.finish();
  const slowestD = slowest.finish();
  return { line: lineD, slowest: slowestD, fails, drawn: line.vertices + failDots };
}

/** True when the step into sample `i` is much longer than the steps around it. */
function isSilenceBefore(samples: readonly ProbeSample[], i: number): boolean {
  if (i === 0) return false;
  const step = samples[i]!.ts - samples[i - 1]!.ts;
  const before = i >= 2 ? samples[i - 1]!.ts - samples[i - 2]!.ts : undefined;
  const after = i + 1 < samples.length ? samples[i + 1]!.ts - samples[i]!.ts : undefined;
  if (before === undefined && after === undefined) return false;
  return step > silenceFactor * Math.max(before ?? 0, after ?? 0);
}
