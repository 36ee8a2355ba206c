// Tick spacings a clock axis may use, in ms: every 5 s up to every 10 min.
const steps = [5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

/** At most `most` ticks on whole multiples of a round spacing between `from` and `to` (ms since epoch). */
export function roundTimeTicks(from: number, to: number, most = 5): number[] {
  if (!(to > from)) return [];
  const step = steps.find((s) => (to - from) / s < most) ?? steps[steps.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
