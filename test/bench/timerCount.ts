import { readFileSync } from 'node:fs';

/**
 * Loaded into the server with `--import` (nothing in the product exists for
 * this bench): counts the JS timer callbacks that run (setTimeout, setInterval,
 * setImmediate), keyed by kind and delay so a count says which timer it is,
 * and answers SIGUSR2 with the counts as one stderr line. It runs no timer
 * of its own, so it adds no wake-up to what it counts.
 */
export const timerCounterSource = `
const counts = new Map();
const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
const wrap = (kind, original) => function (fn, ms, ...rest) {
  if (typeof fn !== 'function') return original.call(this, fn, ms, ...rest);
  const key = kind === 'setImmediate' ? kind : kind + ' ' + Math.round(Number(ms) || 0) + ' ms';
  return original.call(this, function (...args) { count(key); return fn.apply(this, args); }, ms, ...rest);
};
globalThis.setTimeout = wrap('setTimeout', globalThis.setTimeout);
globalThis.setInterval = wrap('setInterval', globalThis.setInterval);
const originalImmediate = globalThis.setImmediate;
globalThis.setImmediate = function (fn, ...rest) {
  if (typeof fn !== 'function') return originalImmediate.call(this, fn, ...rest);
  return originalImmediate.call(this, function (...args) { count('setImmediate'); return fn.apply(this, args); }, ...rest);
};
process.on('SIGUSR2', () => process.stderr.write('TIMERS ' + JSON.stringify(Object.fromEntries(counts)) + '\\n'));
`;

/** Voluntary context switches of a process's main thread: each is the event loop going to sleep and waking up again. */
export function mainThreadWakeups(pid: number): number {
  const status = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
  const match = /voluntary_ctxt_switches:\s+(\d+)/.exec(status);
  return match ? Number(match[1]) : NaN;
}

/** Asks a server loaded with the counter for its counts (SIGUSR2), read from its output. */
export async function timerCounts(pid: number, output: () => string): Promise<Record<string, number>> {
  const before = output().length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const line = /TIMERS (\{.*\})\n/.exec(output().slice(before));
    if (line) return JSON.parse(line[1]!) as Record<string, number>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not answer SIGUSR2 with its timer counts');
}

/** Per second between two count snapshots, busiest first. */
export function timerRates(before: Record<string, number>, after: Record<string, number>, seconds: number): [string, number][] {
  return Object.entries(after)
    .map(([key, n]) => [key, (n - (before[key] ?? 0)) / seconds] as [string, number])
    .filter(([, rate]) => rate > 0)
    .sort((a, b) => b[1] - a[1]);
}
