import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryUsed, toSample, type RawStats } from '../../../electron/docker/statsMath.js';
import { StatsHistory } from '../../../electron/docker/statsHistory.js';

const raw = (over: Partial<RawStats> = {}): RawStats => ({
  read: '2026-11-26T10:00:01.000000000Z',
  cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 18_000_000_000, online_cpus: 2 },
  memory_stats: { usage: 100 * 2 ** 20, limit: 1024 * 2 ** 20, stats: { total_inactive_file: 30 * 2 ** 20 } },
  networks: { eth0: { rx_bytes: 5000, tx_bytes: 1000 } },
  blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 4096 }, { op: 'Write', value: 8192 }] },
  pids_stats: { current: 7 },
  ...over,
});

describe('stats figures', () => {
  it('computes CPU % by the Docker API formula with online_cpus', () => {
    // 1 s of container CPU over 2 s of system CPU on 2 CPUs = one full core = 100 %.
    expect(cpuPercent(raw())).toBeCloseTo(100);
  });

  it('falls back to the per-CPU count when online_cpus is missing, and reads 0 without a previous sample', () => {
    expect(cpuPercent(raw({ cpu_stats: { cpu_usage: { total_usage: 3e9, percpu_usage: [1, 1, 1, 1] }, system_cpu_usage: 20e9 } }))).toBeCloseTo(200);
    expect(cpuPercent(raw({ precpu_stats: {} }))).toBe(0);
  });

  it('subtracts inactive_file (cgroup v1 total_, v2 plain) or cache from memory usage', () => {
    expect(memoryUsed(raw())).toBe(70 * 2 ** 20);
    expect(memoryUsed(raw({ memory_stats: { usage: 100, stats: { inactive_file: 40 } } }))).toBe(60);
    expect(memoryUsed(raw({ memory_stats: { usage: 100, stats: { cache: 10 } } }))).toBe(90);
  });

  it('turns network and block I/O totals into per-second rates between samples', () => {
    const first = toSample(raw(), undefined);
    expect(first.sample.rxBytesPerSec).toBe(0);
    const next = toSample(
      raw({ read: '2026-11-26T10:00:03.000000000Z', networks: { eth0: { rx_bytes: 9000, tx_bytes: 3000 } }, blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 8192 }, { op: 'write', value: 8192 }] } }),
      first.counters,
    );
    expect(next.sample).toMatchObject({ rxBytesPerSec: 2000, txBytesPerSec: 1000, blockReadBytesPerSec: 2048, blockWriteBytesPerSec: 0, pids: 7 });
  });
});

describe('network counters Docker does not report', () => {
  it('reads as not reported (null), not 0, for a container without networks (host or none), also once stored', () => {
    const first = toSample(raw({ networks: undefined }), undefined);
    const next = toSample(raw({ read: '2026-11-26T10:00:02.000000000Z', networks: undefined }), first.counters);
    expect(next.sample.rxBytesPerSec).toBeNull();
    expect(next.sample.txBytesPerSec).toBeNull();
    const h = new StatsHistory(2);
    h.push(next.sample);
    expect(h.latest()).toMatchObject({ rxBytesPerSec: null, txBytesPerSec: null, pids: 7 });
  });
});

describe('stats history', () => {
  it('keeps the newest samples in a fixed ring, oldest first', () => {
    const h = new StatsHistory(3);
    for (let i = 1; i <= 5; i++) h.push({ ts: i, cpuPercent: i, memUsed: 0, memLimit: 0, rxBytesPerSec: 0, txBytesPerSec: 0, blockReadBytesPerSec: 0, blockWriteBytesPerSec: 0, pids: 0 });
    expect(h.toArray().map((s) => s.ts)).toEqual([3, 4, 5]);
    expect(h.latest()?.cpuPercent).toBe(5);
    expect(h.size).toBe(3);
  });
});
