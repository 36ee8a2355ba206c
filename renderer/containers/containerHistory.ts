import type { HistoryPoint } from '../../shared/contract/history.js';
import type { StatsSample } from '../../shared/contract/containers.js';

/** The ranges a container's charts offer beyond the live 15 minutes, read from history at these steps. */
export const containerRanges = { '15m': { spanMs: 900_000, stepMs: 0 }, '1h': { spanMs: 3_600_000, stepMs: 10_000 }, '24h': { spanMs: 86_400_000, stepMs: 60_000 }, '7d': { spanMs: 604_800_000, stepMs: 600_000 } } as const;
export type ContainerRange = keyof typeof containerRanges;

export interface ContainerHistoryRow {
  ts: number;
  cpuPercent?: number;
  memUsed?: number;
}

/**
 * CPU and memory of one container across a restart of Switchboard: stored
 * points (10 s means, then minutes) up to the first live sample, then the live
 * ones, so no moment is drawn twice.
 */
export function joinContainerHistory(cpu: readonly HistoryPoint[], memory: readonly HistoryPoint[], live: readonly StatsSample[]): ContainerHistoryRow[] {
  const firstLive = live[0]?.ts ?? Infinity;
  const rows = new Map<number, ContainerHistoryRow>();
  for (const p of cpu) if (p.at < firstLive) rows.set(p.at, { ts: p.at, cpuPercent: p.value });
  for (const p of memory) if (p.at < firstLive) rows.set(p.at, { ...(rows.get(p.at) ?? { ts: p.at }), memUsed: p.value });
  const stored = [...rows.values()].sort((a, b) => a.ts - b.ts);
  return stored.concat(live.map((s) => ({ ts: s.ts, cpuPercent: s.cpuPercent, memUsed: s.memUsed })));
}
