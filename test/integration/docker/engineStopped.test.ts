import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../../electron/docker/engineConnection.js';
import { resolveEngineAddress } from '../../../electron/docker/engineAddress.js';

/**
 * An engine that stays down: a socket that takes each connection and drops it at
 * once, as a dying dockerd does, so the test can count the reconnect attempts.
 */
describe('an engine that stays unreachable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-engine-down-'));
  const socketPath = join(dir, 'docker.sock');
  let server: Server;
  let attempts = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      attempts++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps trying every second but tells of a change only when what is shown changes', async () => {
    const engine = new EngineConnection('laptop', resolveEngineAddress({ host: `unix://${socketPath}` }), 2000);
    const told: { status: string; error?: string; retryEveryMs?: number }[] = [];
    engine.changed.on(() => told.push({ status: engine.status, error: engine.error, retryEveryMs: engine.retryEveryMs }));
    try {
      engine.start();
      // The backoff settles (250, 500, 1000 ms) within 2 s; then four seconds of failing retries.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const attemptsBefore = attempts;
      const toldBefore = told.length;
      await new Promise((resolve) => setTimeout(resolve, 4000));

      expect(attempts - attemptsBefore, 'reconnect attempts in 4 s').toBeGreaterThanOrEqual(3);
      expect(told.slice(toldBefore), 'changes told by retries that failed as before').toEqual([]);
      expect(told.length).toBeGreaterThanOrEqual(1);
      const shown = told.at(-1)!;
      expect(shown.status).toBe('unreachable');
      expect(shown.error).toMatch(new RegExp(`^Docker engine not reachable at unix://${socketPath}: `));
      expect(shown.retryEveryMs).toBe(1000);
      expect(engine.toState((c) => c)).toMatchObject({ status: 'unreachable', retryEveryMs: 1000 });
    } finally {
      engine.dispose();
    }
  }, 20_000);

  it('tells a socket that is not there (Docker stopped removes it) as ENOENT, with what to do', async () => {
    const gone = join(dir, 'not-there.sock');
    const engine = new EngineConnection('laptop', resolveEngineAddress({ host: `unix://${gone}` }), 2000);
    try {
      engine.start();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(engine.status).toBe('unreachable');
      expect(engine.error).toBe(`Docker engine not reachable at unix://${gone}: connect ENOENT ${gone} — is Docker running?`);
    } finally {
      engine.dispose();
    }
  });
});
