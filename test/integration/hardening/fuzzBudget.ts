/**
 * The fuzz tests share about 20 s of a normal test run; FUZZ_SECONDS=600
 * gives them ten minutes instead. `share` is this test's part of the total.
 */
export function fuzzMs(share: number): number {
  const total = Number(process.env.FUZZ_SECONDS ?? 20);
  return Math.max(1, Number.isFinite(total) ? total : 20) * 1000 * share;
}
