/** Where a latency chart's ticks go: round times along x, round milliseconds up y. */

const hour = 3_600_000;
// Tick spacings a clock axis may use, in ms: every 5 s up to every day (the 24 h and 7 d ranges need the long ones).
const timeSteps = [5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, 24 * hour];

/** At most `most` ticks on whole multiples of a round spacing between `from` and `to` (ms since epoch). */
export function roundTimeTicks(from: number, to: number, most = 5): number[] {
  if (!(to > from)) return [];
  const step = timeSteps.find((s) => (to - from) / s < most) ?? timeSteps[timeSteps.length - 1]!;
  // Hour and day spacings fall on the operator's local hours (a tick at 06:00, not at 06:00 UTC).
  const shift = step >= hour ? new Date(from).getTimezoneOffset() * 60_000 : 0;
  const ticks: number[] = [];
  for (let t = Math.ceil((from - shift) / step) * step + shift; t <= to; t += step) ticks.push(t);
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
