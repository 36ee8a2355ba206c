import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLine } from '../../../shared/contract/logs.js';
import { historyCursor } from '../../../renderer/logs/historyCursor.js';
import { startService } from '../../support/docker/serviceHarness.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { docker } from '../../support/docker/dockerCli.js';
import { waitFor } from '../../support/waitFor.js';

// 50,000 numbered lines of ~195 bytes (about 10 MB, some 12 MB with Docker's stamps and frames: half again what a page may
// read) written in a second or so, then quiet. Docker rescans its log file on every request, so a bigger flood mostly loads dockerd.
const total = 50_000;
const flood = `busybox awk 'BEGIN { pad = sprintf("%180s", ""); gsub(/ /, "x", pad); for (i = 0; i < ${total}; i++) printf "flood %06d %s\\n", i, pad }'; sleep 1000`;
const mib = 1024 * 1024;
const numberOf = (l: LogLine) => Number(/^flood (\d{6}) /.exec(l.text)?.[1] ?? NaN);

describe('log history of a container that wrote far more than one page may read', () => {
  const tc = new TestContainers();
  let h: ReturnType<typeof startService>;
  let flooder: { id: string; name: string };

  beforeAll(async () => {
    flooder = await tc.run({ image: 'busybox', name: 'flood', cmd: ['sh', '-c', flood] });
    await waitFor('the flood to be written', async () => (await docker(['logs', '--tail', '1', flooder.id])).startsWith(`flood ${String(total - 1).padStart(6, '0')}`), 60_000, 250);
    h = startService({ containers: [`${tc.prefix}-*`] }, { followLogs: false });
    await h.until('the flooder listed', () => h.container(flooder.name));
  }, 120_000);

  afterAll(async () => {
    h?.service.dispose();
    await tc.removeAll();
  }, 60_000);

  const engine = () => h.service.engine();

  it('gives the newest lines next to the viewer, reading at most 8 MiB per page, and pages back through every line once', async () => {
    const view: LogLine[] = [];
    const reads: number[] = [];
    const cuts: string[] = [];
    const started = Date.now();
    for (let more = true, pages = 0; more; pages++) {
      const cursor = historyCursor(view.length, (i) => view[i]!);
      const heapBefore = process.memoryUsage().heapUsed;
      const page = await h.service.logHistory({ id: flooder.name }, { untilMs: cursor.until, shown: cursor.shown, count: pages === 0 ? 1_000 : 20_000 });
      reads.push(engine().lastLogHistoryBytes);
      if (page.cut) cuts.push(page.cut);
      // A page holds its own lines, not the window it came from.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * mib);
      if (pages === 0) expect(page.lines.map(numberOf)).toEqual(Array.from({ length: 1_000 }, (_, i) => total - 1_000 + i));
      view.unshift(...page.lines);
      more = page.more;
      if (pages > 100) throw new Error('paging never ended');
    }
    console.log(`flood of ${total} lines paged back in ${reads.length} pages, ${Date.now() - started} ms; bytes read per page (MiB): ${reads.map((b) => (b / mib).toFixed(1)).join(' ')}`);
    if (cuts.length) console.log(`pages cut short: ${[...new Set(cuts)].join(' | ')}`);
    expect(Math.max(...reads)).toBeLessThanOrEqual(8 * mib);
    expect(view.map(numberOf)).toEqual(Array.from({ length: total }, (_, i) => i));
    for (const cut of cuts) expect(cut).toMatch(/^stopped after reading 8 MiB of Docker's log; the next page goes on from here$/);
  }, 300_000);

  it('says so when a page stops at the limit, and the next page goes on without a gap', async () => {
    const small = startService({ containers: [`${tc.prefix}-*`] }, { followLogs: false, logHistoryMaxBytes: mib });
    try {
      await small.until('the flooder listed', () => small.container(flooder.name));
      // From the flood's last line, as a viewer whose hub lines end there would ask.
      const lastStamp = (await docker(['logs', '--timestamps', '--tail', '1', flooder.id])).split(' ')[0]!;
      const first = await small.service.logHistory({ id: flooder.name }, { untilMs: Date.parse(lastStamp), count: 20_000 });
      expect(small.service.engine().lastLogHistoryBytes).toBeLessThanOrEqual(mib);
      expect(first.cut).toBe("stopped after reading 1 MiB of Docker's log; the next page goes on from here");
      expect(first.more).toBe(true);
      const got = first.lines.map(numberOf);
      expect(got.length).toBeGreaterThan(100);
      expect(got.length).toBeLessThan(20_000);
      // The newest lines before the viewer's (its own last line, shown already, is left out by the cursor's millisecond).
      expect(got.at(-1)).toBeGreaterThanOrEqual(total - 50);
      expect(got).toEqual(Array.from({ length: got.length }, (_, i) => got[0]! + i));

      const cursor = historyCursor(first.lines.length, (i) => first.lines[i]!);
      const second = await small.service.logHistory({ id: flooder.name }, { untilMs: cursor.until, shown: cursor.shown, count: 20_000 });
      const next = second.lines.map(numberOf);
      expect(next.at(-1)).toBe(got[0]! - 1);
      expect(next).toEqual(Array.from({ length: next.length }, (_, i) => got[0]! - next.length + i));
    } finally {
      small.service.dispose();
    }
  }, 120_000);
});
