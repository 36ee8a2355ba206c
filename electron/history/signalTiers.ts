import type { SignalName } from '../../shared/stackEvents.js';

/**
 * How each signal is kept. Every signal gets per-minute rollups for the whole
 * retention; some also keep a finer tier for the last `rawKeepMs`:
 * - 'every': each sample as measured (probe latency: 100 probes at 1 s are
 *   ~8.6 M rows a day, the biggest part of the file; availability is the
 *   mean of probe.up, which the minute rollups keep),
 * - 10_000: the mean of each 10 s (container CPU, memory, network),
 * - none: rollups only (cache hit rate, counters and up/down gauges).
 */
export type RawTier = 'every' | 10_000 | 'none';

const tiers: Partial<Record<SignalName, RawTier>> = {
  'probe.latency_ms': 'every',
  'container.cpu_percent': 10_000,
  'container.memory_bytes': 10_000,
  'container.net_rx_bytes_per_second': 10_000,
  'container.net_tx_bytes_per_second': 10_000,
};

export function rawTierOf(name: SignalName): RawTier {
  return tiers[name] ?? 'none';
}

/** Fine samples are kept this long; older ranges are read from the per-minute rollups. */
export const rawKeepMs = 24 * 3_600_000;

export const minuteMs = 60_000;
