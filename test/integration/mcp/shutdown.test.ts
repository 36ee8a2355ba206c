import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import {
  collectingLogs,
  killLeftovers,
  leftoverProcesses,
  repoRoot,
  supportDir,
  testMarker,
  waitForNoLeftovers,
  waitForState,
  wrapper,
} from '../../support/mcp/servers.js';

describe('stopping servers leaves no process behind', { timeout: 120_000 }, () => {
  let supervisor: McpSupervisor;
  afterEach(async () => {
    await supervisor?.disposeAsync();
    killLeftovers();
  });

  it('stopping a wrapper also ends its child server and the background grandchild it started', async () => {
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, stopTimings: { stdinGraceMs: 500, termGraceMs: 2000 } });
    await supervisor.setServers({ family: wrapper('grandchild.sh') });
    await waitForState(supervisor, 'family', (s) => s.status === 'ready');
    // the shell, the node server and the background sleep
    expect(leftoverProcesses().length).toBeGreaterThanOrEqual(3);

    await supervisor.stop('family');
    expect(await waitForNoLeftovers(2000)).toEqual([]);
  });

  it('a wrapper that ignores stdin closing and SIGTERM is ended with SIGKILL', async () => {
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, stopTimings: { stdinGraceMs: 300, termGraceMs: 500 } });
    await supervisor.setServers({ stubborn: wrapper('ignores-sigterm.sh', { restart: 'no', initializeTimeout: '60s' }) });
    await waitForState(supervisor, 'stubborn', (s) => s.status === 'starting');
    const deadline = Date.now() + 10_000;
    while (leftoverProcesses().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    const stopped = await supervisor.stop('stubborn');
    expect(stopped.status).toBe('stopped');
    expect(await waitForNoLeftovers(2000)).toEqual([]);
  });

  it('dispose stops every server, grandchildren included, even while some are starting', async () => {
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, stopTimings: { stdinGraceMs: 300, termGraceMs: 1000 } });
    await supervisor.setServers({
      family: wrapper('grandchild.sh'),
      slow: wrapper('hang-before-initialize.sh', { initializeTimeout: '60s' }),
    });
    await waitForState(supervisor, 'family', (s) => s.status === 'ready');
    await supervisor.disposeAsync();
    expect(await waitForNoLeftovers(2000)).toEqual([]);
  });

  it('an app that exits without awaiting shutdown still takes its servers and their grandchildren with it', async () => {
    const [key, value] = testMarker.split('=') as [string, string];
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(supportDir, 'exitWithoutDispose.ts')], {
      cwd: repoRoot,
      env: { ...process.env, [key]: value },
      timeout: 90_000,
    });
    expect(stdout).toContain('state: ready');
    expect(await waitForNoLeftovers(2000)).toEqual([]);
  });
});
