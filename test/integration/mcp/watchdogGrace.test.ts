import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { killLeftovers, leftoverProcesses, repoRoot, supportDir, tempDir, testMarker } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

const [markerKey, markerValue] = testMarker.split('=') as [string, string];
const script = path.join(repoRoot, 'electron/mcp/switchboard-mcp-watchdog.sh');

/**
 * The orphan watchdog's grace periods (1 s for stdin, then 1.5 s after SIGTERM)
 * are wall-clock time. On a loaded laptop each `sleep 0.1` turn of its wait loop
 * runs long (fork, exec, a late wake-up); here a `sleep` on its PATH adds 0.3 s
 * to every call to stand in for that. Counting turns would stretch 2.5 s to 10 s.
 */
describe('the orphan watchdog keeps its grace by the clock', { timeout: 30_000 }, () => {
  const work = tempDir();
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const child of started) child.kill('SIGKILL');
    killLeftovers();
  });
  afterAll(() => work.remove());

  it('ends a server that ignores SIGTERM 2.5 s after Switchboard is gone, even when each sleep turn runs slow', async () => {
    const slowBin = path.join(work.dir, 'slow-bin');
    const slowSleep = path.join(slowBin, 'sleep');
    mkdirSync(slowBin);
    writeFileSync(slowSleep, '#!/bin/sh\n/bin/sleep 0.3\nexec /bin/sleep "$@"\n');
    chmodSync(slowSleep, 0o755);

    const stubborn = spawn(path.join(supportDir, 'ignores-sigterm.sh'), [], { detached: true, stdio: 'ignore', env: { ...process.env, [markerKey]: markerValue } });
    started.push(stubborn);
    await waitFor('the stubborn server to run', () => leftoverProcesses().length > 0, 5000);

    const watchdog = spawn('/bin/sh', [script, '10', '15'], { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, PATH: `${slowBin}:${process.env.PATH}` } });
    started.push(watchdog);
    watchdog.stdin!.write(`+${stubborn.pid}\n`);
    const closedAt = performance.now();
    watchdog.stdin!.end(); // Switchboard is gone
    await waitFor('the stubborn server to be ended', () => leftoverProcesses().length === 0, 20_000);
    const tookS = (performance.now() - closedAt) / 1000;
    console.log(`with every sleep 0.3 s slow, the watchdog ended a server that ignores SIGTERM in ${tookS.toFixed(2)} s (grace 1 s + 1.5 s)`);
    expect(tookS).toBeGreaterThanOrEqual(2.5); // it gave the grace it promises
    // the deadline's own sleep is slow too (+0.3 s twice), and the last turn may overrun
    // by one slow turn; counting turns instead took 10 s here
    expect(tookS).toBeLessThan(5);
  });
});
