/**
 * How long something took or will wait, for log lines and results on screen:
 * "40 ms", "0.3 s", "4.2 s", "12 s", "3 min". One decimal under 10 s, where
 * a person compares runs; whole units above, where the decimal is noise.
 */
export function formatElapsed(ms: number): string {
  if (ms < 100) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
