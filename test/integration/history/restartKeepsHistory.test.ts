import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSwitchboard } from '../../../electron/app/createSwitchboard.js';
import { waitFor } from '../../support/waitFor.js';
import type { HistorySeries } from '../../../shared/contract/history.js';

describe('Switchboard restarted mid-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-restart-'));
  let server: Server;
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a probe’s history: the second run reads the first run’s samples from the store', async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const file = join(dir, 'stack.yaml');
    writeFileSync(file, `name: restart\nprobes:\n  api: { url: "http://127.0.0.1:${port}/", every: 200ms }\n`);
    const env = { XDG_DATA_HOME: join(dir, 'data'), XDG_RUNTIME_DIR: dir };
    const series = async (app: Awaited<ReturnType<typeof createSwitchboard>>) => {
      const outcome = await app.commands.call('history.series', { source: 'probe:api', name: 'probe.latency_ms', from: 0, to: Date.now() + 1, stepMs: 1 });
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value as HistorySeries;
    };

    const first = await createSwitchboard({ argv: ['--config', file], env, cwd: dir, mode: 'browser' });
    let before: HistorySeries;
    try {
      before = await waitFor('ten samples on disk', async () => {
        const s = await series(first);
        return s.points.length >= 10 && s;
      }, 30_000);
    } finally {
      await first.shutdown();
    }
    const second = await createSwitchboard({ argv: ['--config', file], env, cwd: dir, mode: 'browser' });
    try {
      const after = await series(second);
      expect(after.from).toBe(`embedded store at ${join(dir, 'data', 'switchboard', 'restart.db')}`);
      // Every sample of the first run is there (shutdown flushed the last second too).
      expect(after.points.slice(0, before.points.length)).toEqual(before.points);
    } finally {
      await second.shutdown();
    }
  }, 90_000);
});
