import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLevel, LogLine, LogStream } from '../../../shared/contract/logs.js';
import { DockerService } from '../../../electron/docker/dockerService.js';
import { LogHub } from '../../../electron/logs/logHub.js';
import { historyCursor } from '../../../renderer/logs/historyCursor.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { waitFor } from '../../support/waitFor.js';
import { removeTestImages } from '../../support/docker/testImages.js';

// 400 numbered stdout lines and a stderr line every third, written at once (many share a millisecond), then quiet.
const chatty = 'trap "exit 0" TERM; i=0; while [ $i -lt 400 ]; do echo "line $i"; [ $((i % 3)) = 0 ] && echo "oops $i" >&2; i=$((i+1)); done; sleep 1000 & wait';
const ttyChatty = 'trap "exit 0" TERM; i=0; while [ $i -lt 120 ]; do echo "tty $i"; i=$((i+1)); done; sleep 1000 & wait';

describe('older container lines from Docker, past what the hub holds', () => {
  const tc = new TestContainers();
  // The hub keeps 50 lines per source, so most of each container's output is only in Docker's log.
  const hub = new LogHub({ linesPerSource: 50 });
  let service: DockerService;
  let plain: { id: string; name: string };
  let tty: { id: string; name: string };

  beforeAll(async () => {
    plain = await tc.run({ image: 'busybox', name: 'chatty', cmd: ['sh', '-c', chatty] });
    tty = await tc.run({ image: 'busybox', name: 'ttychatty', tty: true, cmd: ['sh', '-c', ttyChatty] });
    service = new DockerService({ containers: [`${tc.prefix}-*`] }, { logs: hub, logFollow: { tail: 1_000 } });
    // Every line went through the hub (534 and 120 of them); it kept the newest 50 of each.
    const written = (name: string) => {
      const info = hub.sources().find((s) => s.source === `container:${name}`);
      return info ? info.lines + info.dropped : 0;
    };
    await waitFor('every line through the hub', () => written(plain.name) === 534 && written(tty.name) === 120, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}; the hub has ${JSON.stringify(hub.sources())}`);
    });
  }, 120_000);

  afterAll(async () => {
    service?.dispose();
    hub.dispose();
    await tc.removeAll();
    await removeTestImages();
  }, 60_000);

  /** What a viewer filtered to one container does: start from the hub's lines, then page back through Docker until it has nothing older. */
  async function scrollBackToTheStart(name: string, filter: { streams?: LogStream[]; levels?: LogLevel[] }, pageSize: number) {
    const source = `container:${name}`;
    const view: LogLine[] = hub.query({ sources: [source], ...filter }, 1_000_000);
    const fromHub = view.length;
    let pages = 0;
    for (let more = true; more; pages++) {
      const cursor = historyCursor(view.length, (i) => view[i]!);
      const page = await service.logHistory({ id: name }, { untilMs: cursor.until, shown: cursor.shown, count: pageSize, ...filter });
      expect(page.source).toBe(source);
      expect(page.lines.length).toBeLessThanOrEqual(pageSize);
      view.unshift(...page.lines);
      more = page.more;
      if (pages > 200) throw new Error('paging never ended');
    }
    return { view, fromHub, pages };
  }

  it('pages back through every earlier line of a non-TTY container, stdout and stderr apart, none twice and none missing', async () => {
    const { view, fromHub, pages } = await scrollBackToTheStart(plain.name, {}, 64);
    expect(fromHub).toBe(50);
    expect(pages).toBeGreaterThan(3);
    const out = view.filter((l) => l.stream === 'stdout').map((l) => l.text);
    const err = view.filter((l) => l.stream === 'stderr').map((l) => l.text);
    expect(out).toEqual(Array.from({ length: 400 }, (_, i) => `line ${i}`));
    expect(err).toEqual(Array.from({ length: 134 }, (_, i) => `oops ${i * 3}`));
    // Docker's lines are told apart from the hub's (seq 0) and carry the level the hub would give them.
    const fromDocker = view.slice(0, view.length - fromHub);
    expect(fromDocker.every((l) => l.seq === 0 && l.source === `container:${plain.name}`)).toBe(true);
    expect(fromDocker.find((l) => l.stream === 'stderr')?.level).toBe('warn');
    for (let i = 1; i < out.length; i++) expect(view.filter((l) => l.stream === 'stdout')[i]!.ts).toBeGreaterThanOrEqual(view.filter((l) => l.stream === 'stdout')[i - 1]!.ts);
  }, 120_000);

  it('keeps to the view filter: only stderr lines when the view shows only stderr', async () => {
    const { view } = await scrollBackToTheStart(plain.name, { streams: ['stderr'] }, 40);
    expect(view.every((l) => l.stream === 'stderr')).toBe(true);
    expect(view.map((l) => l.text)).toEqual(Array.from({ length: 134 }, (_, i) => `oops ${i * 3}`));
  }, 120_000);

  it('reads a TTY container as one raw stream', async () => {
    const { view } = await scrollBackToTheStart(tty.name, {}, 1_000);
    expect(view.map((l) => l.text)).toEqual(Array.from({ length: 120 }, (_, i) => `tty ${i}`));
    expect(view.every((l) => l.stream === 'stdout')).toBe(true);
  }, 120_000);

  it('says which container is unknown', async () => {
    await expect(service.logHistory({ id: `${tc.prefix}-nobody` }, { untilMs: Date.now(), count: 10 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
