import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../support/docker/serviceHarness.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { removeTestImages } from '../../support/docker/testImages.js';
import { docker } from '../../support/docker/dockerCli.js';

describe('container logs into the log hub', () => {
  const tc = new TestContainers();
  let h: ReturnType<typeof startService>;
  let plain: { id: string; name: string };
  let tty: { id: string; name: string };

  beforeAll(async () => {
    plain = await tc.run({ image: 'logger', name: 'plain' });
    tty = await tc.run({ image: 'logger', name: 'tty', tty: true });
    h = startService({ containers: [`${tc.prefix}-*`] });
  });

  afterAll(async () => {
    h?.service.dispose();
    await tc.removeAll();
    await removeTestImages();
  });

  const of = (name: string) => h.lines.filter((l) => l.source === `container:${name}`);

  it('separates stdout and stderr of a non-TTY container, with timestamps and ANSI colours kept', async () => {
    await h.until('lines on both streams', () => of(plain.name).some((l) => l.stream === 'stderr') && of(plain.name).some((l) => l.stream === 'stdout'));
    const lines = of(plain.name);
    for (const l of lines) {
      if (l.stream === 'stdout') expect(l.text).toMatch(/^\x1b\[32mout \d+\x1b\[0m$/);
      else expect(l.text).toMatch(/^err \d+$/);
      expect(l.ts).toBeGreaterThan(Date.now() - 120_000);
    }
  });

  it('writes a TTY container raw, as one stdout stream', async () => {
    await h.until('tty lines', () => of(tty.name).some((l) => l.text.includes('err')) && of(tty.name).some((l) => l.text.includes('out')));
    expect(of(tty.name).every((l) => l.stream === 'stdout')).toBe(true);
  });

  it('picks up after a restart without repeating a line', async () => {
    await docker(['restart', '-t', '2', plain.id]);
    const seen = of(plain.name).length;
    await h.until('new lines after the restart', () => of(plain.name).length > seen + 10, 30_000);
    const texts = of(plain.name).map((l) => `${l.ts} ${l.stream} ${l.text}`);
    expect(new Set(texts).size).toBe(texts.length);
    expect(h.service.engine().openLogStreams).toBe(2);
  });

  it('tells the hub a removed container\'s lines may go, and stops following it', async () => {
    const doomed = await tc.run({ image: 'logger', name: 'doomed' });
    await h.until('lines of the doomed container', () => of(doomed.name).length > 0);
    await docker(['rm', '-f', doomed.id]);
    await h.until('its source retired', () => h.retired.includes(`container:${doomed.name}`));
    expect(h.retired).not.toContain(`container:${plain.name}`);
    expect(h.service.engine().openLogStreams).toBe(2);
  });
});
