import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, linkSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigStatus } from '../../../shared/contract/app.js';
import { waitFor } from '../../support/waitFor.js';
import { DrillApp, since } from './drillApp.js';

const good = 'name: drill-config\ndocker: { containers: [sbtest-drill-none] }\n';

interface Swap {
  what: string;
  /** Puts the bad thing where the stack file was (by rename, as an editor or a deploy would). */
  put(drill: DrillApp): void;
  /** What the problem must be about, in the operator's words. */
  says: RegExp;
}

const swaps: Swap[] = [
  {
    what: 'a FIFO',
    put(drill) {
      const fifo = join(drill.dir, 'swap.fifo');
      execFileSync('mkfifo', [fifo]);
      // A second name for it, so the drill can let a reader that blocked on it go afterwards.
      linkSync(fifo, join(drill.dir, 'kept.fifo'));
      renameSync(fifo, drill.file);
    },
    says: /not a (regular )?file|fifo|pipe/i,
  },
  {
    what: 'a 50 MB file',
    put(drill) {
      const padding = `# ${'x'.repeat(97)}\n`.repeat((50 * 1024 * 1024) / 100);
      writeFileSync(join(drill.dir, 'big.yaml'), good + padding);
      renameSync(join(drill.dir, 'big.yaml'), drill.file);
    },
    says: /too (large|big)|\d+(\.\d+)? ?(MB|MiB)/i,
  },
  {
    what: 'a file with NUL bytes',
    put(drill) {
      writeFileSync(join(drill.dir, 'nul.yaml'), Buffer.concat([Buffer.from(good), Buffer.alloc(64), Buffer.from('probes: {}\n')]));
      renameSync(join(drill.dir, 'nul.yaml'), drill.file);
    },
    says: /NUL|binary|control char|null byte|\\0|\\x00/i,
  },
];

/**
 * Drill: the stack file is swapped, while the app runs, for things that are
 * not stack files. Each must become a readable problem on the `config` topic
 * while the app keeps answering, and fixing the file must clear it.
 */
describe('drill: the stack file is swapped for something that is not a stack file', () => {
  let drill: DrillApp | undefined;

  afterEach(async () => {
    // A read that blocked opening the FIFO holds a thread of Node's pool: give it a writer and EOF so it lets go.
    const kept = drill && join(drill.dir, 'kept.fifo');
    if (kept && existsSync(kept)) {
      try {
        closeSync(openSync(kept, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody was reading it
      }
    }
    await drill?.stop();
    drill = undefined;
  }, 30_000);

  for (const swap of swaps) {
    it(`shows ${swap.what} as a readable problem, keeps running, and recovers when the file is fixed`, async () => {
      drill = await new DrillApp().start({ name: 'drill-config', docker: { containers: ['sbtest-drill-none'] } });
      const config = drill.watch<ConfigStatus>('config');
      await waitFor('the config loaded', () => config.latest()?.stackName === 'drill-config' && !config.latest()?.problem);

      const swapped = performance.now();
      swap.put(drill);
      const problem = await waitFor(`a problem on the config topic for ${swap.what}`, () => config.latest()?.problem, 10_000, 10);
      const shown = since(swapped);
      expect(problem.message).toMatch(swap.says);
      // Readable: one short sentence an operator acts on, not a stack trace or the file's content.
      expect(problem.message.length).toBeLessThan(400);
      expect(problem.message).not.toMatch(/\n\s+at |\u0000/);
      expect(`${problem.file} ${problem.message}`).toContain('stack.yaml');
      expect(config.latest()?.stackName).toBe('drill-config');
      expect(await drill.answers()).toBe(true);
      const reload = await drill.call('config.reload');
      expect(reload).toMatchObject({ ok: true, value: { problem: { message: expect.stringMatching(swap.says) } } });

      const fixed = performance.now();
      writeFileSync(join(drill.dir, 'fixed.yaml'), good);
      renameSync(join(drill.dir, 'fixed.yaml'), drill.file);
      await waitFor('the problem to clear once the file is fixed', () => config.latest() && !config.latest()?.problem, 10_000, 10);
      console.log(`drill config swapped for ${swap.what}: problem shown ${shown} ms after the swap ("${problem.message}"); cleared ${since(fixed)} ms after the fix`);
      expect(await drill.answers()).toBe(true);
    }, 60_000);
  }
});
