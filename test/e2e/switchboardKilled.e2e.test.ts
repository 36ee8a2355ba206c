import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startServer } from './harness.js';
import { commandLine, processesWith } from '../support/processTable.js';
import { waitFor } from '../support/waitFor.js';

describe('the built browser mode, killed with SIGKILL', () => {
  it('takes its MCP servers with it: the bundled orphan watchdog ends them, grandchildren included, within 5 s', async () => {
    const marker = `SWITCHBOARD_E2E_KILLED=${randomUUID()}`;
    const [key, value] = marker.split('=') as [string, string];
    const runtimeDir = mkdtempSync(join(tmpdir(), 'sb-e2e-killed-'));
    const support = join(repoRoot, 'test/support/mcp');
    const server = await startServer({
      config: {
        name: 'killed',
        mcpServers: {
          family: { command: join(support, 'grandchild.sh') },
          sleeper: { command: join(support, 'hang-before-initialize.sh'), initializeTimeout: '120s', restart: 'no' },
        },
      },
      // every process of this run carries the marker: Switchboard, its watchdog, the servers and their children
      env: { [key]: value, XDG_RUNTIME_DIR: runtimeDir },
    });
    try {
      const lines = () => processesWith(marker).map((pid) => ({ pid, line: commandLine(pid) }));
      // the watchdog (electron/mcp/switchboard-mcp-watchdog.sh) runs beside the built server
      await waitFor('the servers and the watchdog to run', () => {
        const now = lines().map((p) => p.line);
        return ['server-memory', 'sleep 600', 'switchboard-mcp-watchdog'].every((part) => now.some((l) => l.includes(part)));
      }, 60_000);
      const switchboard = lines().find((p) => p.line.includes('dist/server/serve.mjs'));
      expect(switchboard).toBeDefined();

      const killedAt = performance.now();
      process.kill(switchboard!.pid, 'SIGKILL');
      const left = await waitFor('every process of the run to be gone', () => (lines().length === 0 ? [] : undefined), 5000).catch(() => lines());
      const tookMs = performance.now() - killedAt;
      console.log(`built browser mode SIGKILLed: its MCP servers and watchdog were gone in ${(tookMs / 1000).toFixed(2)} s`);
      expect(left).toEqual([]);
    } finally {
      await server.stop();
      rmSync(runtimeDir, { recursive: true, force: true });
    }
  });
});
