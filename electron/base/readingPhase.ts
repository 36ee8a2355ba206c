import { phaseFor } from './deadlineScheduler.js';

/** Readings due in the same slot share one wake-up of the loop: 100 probes a second wake it 20 times, not 100. */
const wakeSlotMs = 50;

/** A stable phase for `key`, rounded down to its slot (a timer wake-up costs about as much as a small reading's own work). */
export function coalescedPhase(key: string, everyMs: number): number {
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
  const byAddress = new Map<string, string[]>();
  for (const r of readings) if (r.address !== undefined) byAddress.set(r.address, [...(byAddress.get(r.address) ?? []), r.name]);
  for (const names of byAddress.values()) names.sort();
  return new Map(
    readings.map((r) => {
      const key = r.address === undefined ? r.name : `${r.address}#${byAddress.get(r.address)!.indexOf(r.name)}`;
      return [r.name, coalescedPhase(key, r.everyMs)];
    }),
  );
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
