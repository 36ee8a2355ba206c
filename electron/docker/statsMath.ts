import type { StatsSample } from '../../shared/contract/containers.js';

/** The parts of Docker's stats JSON that the figures come from (cgroup v1 and v2 alike). */
export interface RawStats {
  read: string;
  preread?: string;
  pids_stats?: { current?: number };
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op: string; value: number }> | null };
}

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** Counters from the previous sample, to turn totals into per-second rates. */
export interface Counters {
  ts: number;
  rx: number;
  tx: number;
  blockRead: number;
  blockWrite: number;
  /** false when the stats carry no `networks` (host or no network): rates are then not reported, not 0. */
  net: boolean;
}

/**
 * CPU % exactly as the Docker API documents it (and `docker stats` computes it):
 * Δcontainer usage / Δsystem usage × online CPUs × 100.
 */
export function cpuPercent(s: RawStats): number {
  const cpu = s.cpu_stats;
  const pre = s.precpu_stats;
  const cpuDelta = (cpu?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  const online = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  if (!pre?.system_cpu_usage || systemDelta <= 0 || cpuDelta < 0) return 0;
  return (cpuDelta / systemDelta) * online * 100;
}

/** Memory in use without the page cache: cgroup v1 total_inactive_file, v2 inactive_file, else cache. */
export function memoryUsed(s: RawStats): number {
  const mem = s.memory_stats;
  const usage = mem?.usage ?? 0;
  const st = mem?.stats ?? {};
  const cache = st.total_inactive_file ?? st.inactive_file ?? st.cache ?? 0;
  return cache < usage ? usage - cache : usage;
}

export function counters(s: RawStats): Counters {
  // Plain loops: this runs for every sample of every watched container, so no arrays or strings per call.
  let rx = 0;
  let tx = 0;
  const networks = s.networks;
  if (networks) {
    for (const name in networks) {
      const n = networks[name]!;
      rx += n.rx_bytes;
      tx += n.tx_bytes;
    }
  }
  let blockRead = 0;
  let blockWrite = 0;
  const io = s.blkio_stats?.io_service_bytes_recursive;
  if (io) {
    for (let i = 0; i < io.length; i++) {
      const entry = io[i]!;
      const op = entry.op;
      if (op === 'read' || op === 'Read') blockRead += entry.value;
      else if (op === 'write' || op === 'Write') blockWrite += entry.value;
    }
  }
  return { ts: Date.parse(s.read), rx, tx, blockRead, blockWrite, net: networks !== undefined && networks !== null };
}

/** One sample from a raw stats message and the previous counters (none for the first: rates are 0). */
export function toSample(s: RawStats, prev: Counters | undefined): { sample: StatsSample; counters: Counters } {
  const now = counters(s);
  const seconds = prev ? (now.ts - prev.ts) / 1000 : 0;
  const sample: StatsSample = {
    ts: Number.isFinite(now.ts) ? now.ts : Date.now(),
    cpuPercent: cpuPercent(s),
    memUsed: memoryUsed(s),
    memLimit: s.memory_stats?.limit ?? 0,
    rxBytesPerSec: !now.net ? null : prev?.net ? rate(now.rx, prev.rx, seconds) : 0,
    txBytesPerSec: !now.net ? null : prev?.net ? rate(now.tx, prev.tx, seconds) : 0,
    blockReadBytesPerSec: prev ? rate(now.blockRead, prev.blockRead, seconds) : 0,
    blockWriteBytesPerSec: prev ? rate(now.blockWrite, prev.blockWrite, seconds) : 0,
    pids: s.pids_stats?.current ?? 0,
  };
  return { sample, counters: now };
}

/** Per second between two counter readings; 0 when the counter went back (a restart) or no time passed. A plain function: no closure per sample. */
function rate(now: number, before: number, seconds: number): number {
  return seconds > 0 && now >= before ? (now - before) / seconds : 0;
}
