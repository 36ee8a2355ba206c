/** "4 s", "3 min", "2 h 5 min" — how long ago or how long for, in an operator's words. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d`;
}

/** The step, in whole seconds, at which formatDuration's text moves when it shows `s` seconds. */
function durationStep(s: number): number {
  if (s < 60) return 1;
  if (s < 48 * 3600) return 60;
  return 86_400;
}

/** How long until formatDuration(elapsed) shows another text, for a duration that grows ("for 4 s", "up 3 min"). */
export function durationTextChangesIn(elapsedMs: number): number {
  const s = Math.max(0, Math.round(elapsedMs / 1000));
  const step = durationStep(s);
  const next = (Math.floor(s / step) + 1) * step;
  // Math.round shows `next` from next − 0.5 s on.
  return Math.max(0, (next - 0.5) * 1000 - elapsedMs);
}

/** How long until formatDuration(remaining) shows another text, for a countdown ("retry in 4 s"); Infinity once at 0. */
export function countdownTextChangesIn(remainingMs: number): number {
  const s = Math.max(0, Math.round(remainingMs / 1000));
  if (s === 0) return Infinity;
  const step = durationStep(s);
  // The first whole second that shows another text: "2 min" holds down to 120 s, "1 min" from 119 s.
  const below = Math.floor(s / step) * step - 1;
  // Math.round shows `below` once remaining drops under below + 0.5 s.
  return Math.max(0, remainingMs - (below + 0.5) * 1000);
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}
