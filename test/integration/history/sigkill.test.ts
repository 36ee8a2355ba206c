import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'libsql';
import { HistoryStore } from '../../../electron/history/historyStore.js';
import { waitFor } from '../../support/waitFor.js';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

describe('the history file killed mid-write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is intact after SIGKILL and loses at most the last second of writes', async () => {
    const path = join(dir, 'stack.db');
    // tsx as a loader in this very process (its CLI would run the script in a grandchild the kill never reaches).
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/support/history/recordUntilKilled.ts'), path], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    await waitFor('three commits', () => (out.match(/committed/g) ?? []).length >= 3, 60_000);
    // Kill between two commits, while samples are being recorded.
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 500));
    const killedAt = Date.now();
    child.kill('SIGKILL');
    await exited;
    const commits = [...out.matchAll(/committed (\d+)/g)].map((m) => Number(m[1]));
    const lastCommit = commits.at(-1)!;

    const check = new Database(path);
    expect((check.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    check.close();
    const store = new HistoryStore(path);
    const samples = await store.range({ source: 'probe:api', name: 'probe.latency_ms', from: 0, to: killedAt + 1, stepMs: 1 });
    const newest = samples.at(-1)!.at;
    // Everything up to the last reported commit is there; what was lost is less than a flush interval (plus the kill's own delay).
    expect(newest).toBeGreaterThanOrEqual(lastCommit - 50);
    expect(killedAt - newest).toBeLessThan(1_000 + 500);
    expect(store.events({ limit: 1 }).events[0]!.evidenceCount).toBe(1);
    // The writer is gone for good: nothing else holds the file.
    expect(() => process.kill(child.pid!, 0)).toThrow();
    store.close();
  }, 90_000);
});
