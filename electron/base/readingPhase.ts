import { phaseFor } from './deadlineScheduler.js';

/** Readings due in the same slot share one wake-up of the loop: 100 probes a second wake it 20 times, not 100. */
const wakeSlotMs = 50;

/** A stable phase for `key`, rounded down to its slot (a timer wake-up costs about as much as a small reading's own work). */
function coalescedPhase(key: string, everyMs: number): number {
  const phase = phaseFor(key, everyMs);
  return phase - (phase % Math.min(wakeSlotMs, everyMs));
}

export interface Reading {
  name: string;
  /** The service it reads (see `readingAddress`), or undefined when it reads none (a command). */
  address: string | undefined;
  everyMs: number;
}

/**
 * Phases for one kind of reading (probes, or cache sources), by name.
 *
 * Readings of one service share a beat across kinds: the n-th reading (by
 * name) of an address is keyed `address#n`, whatever its kind. So a backend's
 * health probe and its cache counters are read in one wake-up and reach a
 * screen together, one repaint a second rather than two, while 100 probes of
 * one host still spread over the second. A reading with no address keeps a
 * phase of its own name.
 */
export function readingPhases(readings: Reading[]): Map<string, number> {
  // Each reading's rank among the readings of its address, by name.
  const rank = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const r of [...readings].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (r.address === undefined) continue;
    const n = seen.get(r.address) ?? 0;
    rank.set(r.name, n);
    seen.set(r.address, n + 1);
  }
  return new Map(readings.map((r) => [r.name, coalescedPhase(r.address === undefined ? r.name : `${r.address}#${rank.get(r.name)}`, r.everyMs)]));
}

/** `host:port` of an http(s) or redis URL (default port filled in), `host:port` as given, or undefined for anything else. */
export function readingAddress(target: string): string | undefined {
  if (/^[^:/\s]+:\d{1,5}$/.test(target)) return target;
  try {
    const url = new URL(target);
    const defaults: Record<string, string> = { 'http:': '80', 'https:': '443', 'redis:': '6379', 'rediss:': '6379' };
    if (!(url.protocol in defaults) || !url.hostname) return undefined;
    return `${url.hostname}:${url.port || defaults[url.protocol]}`;
  } catch {
    return undefined;
  }
}
