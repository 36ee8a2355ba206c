import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../support/docker/serviceHarness.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { removeTestImages } from '../../support/docker/testImages.js';
import { docker } from '../../support/docker/dockerCli.js';
import type { StatsSample } from '../../../shared/contract/containers.js';

interface CliStats {
  CPUPerc: string;
  MemUsage: string;
  PIDs: string;
}

const units: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, kB: 1e3, MB: 1e6, GB: 1e9 };
function bytes(text: string): number {
  const m = /([\d.]+)\s*([A-Za-z]+)/.exec(text)!;
  return Number(m[1]) * (units[m[2]!] ?? 1);
}

describe('container stats on a real engine', () => {
  const tc = new TestContainers();
  let h: ReturnType<typeof startService>;
  let busy: { id: string; name: string };
  let idle: { id: string; name: string };

  beforeAll(async () => {
    // One busy loop (about one core) that also holds ~8 MiB in a shell variable, and one idle container.
    busy = await tc.run({ image: 'busybox', name: 'busy', cmd: ['sh', '-c', 'trap "exit 0" TERM; x=$(head -c 8000000 /dev/zero | tr "\\0" a); yes > /dev/null & wait'] });
    idle = await tc.run({ image: 'logger', name: 'idle' });
    h = startService({ containers: [`${tc.prefix}-*`] }, { followLogs: false });
    await h.until('both to be listed as running', () => h.container(busy.name)?.state === 'running' && h.container(idle.name)?.state === 'running');
  });

  afterAll(async () => {
    h?.service.dispose();
    await tc.removeAll();
    await removeTestImages();
  });

  it('streams CPU, memory and pids that agree with docker stats at the same moment', async () => {
    const engine = h.service.engine();
    const samples: StatsSample[] = [];
    const sub = engine.stats.sample.on(({ id, sample }) => id === busy.id && samples.push(sample));
    const watch = engine.stats.watch(busy.id);
    try {
      await h.until('four samples', () => samples.length >= 4, 30_000);
      const cli = JSON.parse(await docker(['stats', '--no-stream', '--format', '{{json .}}', busy.id])) as CliStats;
      const ours = engine.stats.latest(busy.id)!;
      const cliCpu = Number.parseFloat(cli.CPUPerc);
      const cliMem = bytes(cli.MemUsage.split('/')[0]!);
      // Same formula, samples a second or so apart on a shared 2-core machine: close, not equal.
      expect(ours.cpuPercent).toBeGreaterThan(20);
      expect(ours.cpuPercent).toBeLessThanOrEqual(205);
      expect(Math.abs(ours.cpuPercent - cliCpu)).toBeLessThan(60);
      expect(ours.memUsed).toBeGreaterThan(1024 * 1024);
      expect(Math.abs(ours.memUsed - cliMem) / cliMem).toBeLessThan(0.25);
      expect(ours.memLimit).toBeGreaterThan(ours.memUsed);
      expect(ours.pids).toBe(Number(cli.PIDs));
      // A host-networked container has no network counters of its own: not reported, rather than 0 B/s.
      expect(h.container(busy.name)?.networkMode).toBe('host');
      expect(ours.rxBytesPerSec).toBeNull();
      expect(ours.txBytesPerSec).toBeNull();
      expect(engine.stats.history(busy.id).every((s) => s.rxBytesPerSec === null)).toBe(true);
      expect(ours.blockWriteBytesPerSec).toBeGreaterThanOrEqual(0);
      expect(engine.stats.history(busy.id).length).toBeGreaterThanOrEqual(4);
    } finally {
      watch.dispose();
      sub.dispose();
    }
  });

  it('opens one stats stream per watched container however many watch it, and closes it when nobody does', async () => {
    const engine = h.service.engine();
    const before = engine.stats.openStreams;
    const a = engine.stats.watch(idle.id);
    const b = engine.stats.watch(idle.id);
    expect(engine.stats.openStreams).toBe(before + 1);
    a.dispose();
    expect(engine.stats.openStreams).toBe(before + 1);
    b.dispose();
    expect(engine.stats.openStreams).toBe(before);
  });

  it('closes the stream when the container dies and reopens it when it starts again', async () => {
    const engine = h.service.engine();
    const watch = engine.stats.watch(idle.id);
    try {
      await h.until('a sample of idle', () => engine.stats.latest(idle.id));
      await docker(['stop', '-t', '2', idle.id]);
      await h.until('the stream to close on die', () => engine.stats.openStreams === 0);
      const count = engine.stats.history(idle.id).length;
      await docker(['start', idle.id]);
      await h.until('new samples after the start', () => engine.stats.history(idle.id).length > count + 1, 30_000);
      expect(engine.stats.openStreams).toBe(1);
    } finally {
      watch.dispose();
    }
  });
});
