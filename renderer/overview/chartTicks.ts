/** Where the Overview chart's ticks go: round times along x, round milliseconds up y. */

// Tick spacings a clock axis may use, in ms: every 5 s up to every 10 min.
const timeSteps = [5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

/** At most `most` ticks on whole multiples of a round spacing between `from` and `to` (ms since epoch). */
export function roundTimeTicks(from: number, to: number, most = 5): number[] {
  if (!(to > from)) return [];
  const step = timeSteps.find((s) => (to - from) / s < most) ?? timeSteps[timeSteps.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** 0 up to the first round value at or above `max`, in at most `intervals` equal steps of 1, 2, 2.5 or 5 × 10ⁿ. */
export function roundValueTicks(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max / intervals));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => Math.ceil(max / s) <= intervals) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let i = 0; i <= Math.ceil(max / step); i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
