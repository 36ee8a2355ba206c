/** Index of the sample closest in time to `ts` (samples are in time order), for a chart's hover. */
export function nearestSample(samples: readonly { ts: number }[], ts: number): number | undefined {
  if (samples.length === 0) return undefined;
  let lo = 0;
  let hi = samples.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.ts < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ts - samples[lo - 1]!.ts < samples[lo]!.ts - ts ? lo - 1 : lo;
}
