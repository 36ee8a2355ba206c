import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAuditLog } from '../../../electron/core/auditLog.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import { realClock } from '../../../electron/mcp/clock.js';
import type { GroupTracker } from '../../../electron/mcp/orphanGuard.js';
import { SupervisedServer } from '../../../electron/mcp/supervisedServer.js';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import type { McpServerState } from '../../../shared/contract/mcp.js';
import { waitFor } from '../../support/waitFor.js';
import { collectingLogs, fastStop, killLeftovers, leftoverProcesses, rawServer, repoRoot, waitForState } from '../../support/mcp/servers.js';

/** Running and not a zombie: a process that has exited no longer counts. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Records group starts and ends, and whether the first server's process still ran when the next one spawned. */
function recordingGroups() {
  const events: string[] = [];
  const seen = { firstPid: undefined as number | undefined, firstAliveAtNextSpawn: undefined as boolean | undefined };
  const groups: GroupTracker = {
    started: ({ pgid }) => {
      if (seen.firstPid === undefined) seen.firstPid = pgid;
      else seen.firstAliveAtNextSpawn ??= alive(seen.firstPid);
      events.push(`started ${pgid}`);
    },
    ended: (pgid) => events.push(`ended ${pgid}`),
  };
  return { events, seen, groups };
}

// stdin closed, the old server lingers 5 s: only the SIGTERM (after lingerStop's 1.5 s) ends it, an exit by signal
const lingerStop = { ...fastStop, stdinGraceMs: 1500 };
const lingering = (extra: Parameters<typeof rawServer>[1] = {}) => rawServer('normal', { ...extra, env: { EXIT_AFTER_CLOSE_MS: '5000' } });

describe('Restart starts the new process while the old one shuts down', { timeout: 60_000 }, () => {
  let supervisor: McpSupervisor | undefined;
  let server: SupervisedServer | undefined;
  afterEach(async () => {
    await supervisor?.disposeAsync();
    await server?.disposeAsync();
    supervisor = server = undefined;
    killLeftovers();
  });

  function supervise(groups: GroupTracker) {
    const logs = collectingLogs();
    const transitions: McpServerState['status'][] = [];
    supervisor = new McpSupervisor({ logs, baseDir: repoRoot, stopTimings: lingerStop, groups, onTransition: (_, s) => transitions.push(s.status) });
    return { logs, transitions, supervisor };
  }

  it('spawns the new child before the old one has exited, and resolves ready once the old one is gone', async () => {
    const { events, seen, groups } = recordingGroups();
    const { logs, transitions, supervisor } = supervise(groups);
    await supervisor.setServers({ lingering: lingering() });
    const first = await waitForState(supervisor, 'lingering', (s) => s.status === 'ready');
    transitions.length = 0;

    const restarted = await supervisor.restart('lingering');
    expect(seen.firstAliveAtNextSpawn).toBe(true);
    expect(restarted).toMatchObject({ status: 'ready', failures: 0 });
    expect(restarted.pid).not.toBe(first.pid);
    expect(alive(first.pid!)).toBe(false);
    expect(leftoverProcesses()).toEqual([restarted.pid]);
    // tracked by the orphan guard from its spawn until it was gone, the new one since its spawn
    await waitFor('the old group to be reported ended', () => events.includes(`ended ${first.pid}`));
    expect(events).toEqual([`started ${first.pid}`, `started ${restarted.pid}`, `ended ${first.pid}`]);

    // the old one's exit (by SIGTERM) is not the new one's crash: no backoff, no failure, the same pid later
    await new Promise((r) => setTimeout(r, 500));
    expect(supervisor.get('lingering')).toMatchObject({ status: 'ready', pid: restarted.pid, failures: 0 });
    expect(transitions).toEqual(['stopped', 'starting', 'ready']);
    expect(logs.lines.map((l) => l.text).filter((t) => /crashed|exited|next attempt/.test(t))).toEqual([]);
  });

  it('with restartOverlap: false spawns the new child only after the old one has exited', async () => {
    const { events, seen, groups } = recordingGroups();
    const { transitions, supervisor } = supervise(groups);
    await supervisor.setServers({ exclusive: lingering({ restartOverlap: false }) });
    const first = await waitForState(supervisor, 'exclusive', (s) => s.status === 'ready');
    transitions.length = 0;

    const restarted = await supervisor.restart('exclusive');
    expect(seen.firstAliveAtNextSpawn).toBe(false);
    expect(restarted).toMatchObject({ status: 'ready', failures: 0 });
    expect(events).toEqual([`started ${first.pid}`, `ended ${first.pid}`, `started ${restarted.pid}`]);
    expect(leftoverProcesses()).toEqual([restarted.pid]);
    expect(transitions).toEqual(['stopped', 'starting', 'ready']);
  });

  it('killNow during an overlapped restart kills the old process and the new one', async () => {
    const { seen, groups } = recordingGroups();
    const logs = collectingLogs();
    const secrets = new SecretMasker();
    // graces long enough that only killNow can end the old process within the test
    const slowStop = { stdinGraceMs: 20_000, termGraceMs: 20_000 };
    server = new SupervisedServer('lingering', lingering({ restart: 'no' }), {
      logs, audit: createAuditLog(logs, secrets), secrets, baseDir: repoRoot, clock: realClock, stopTimings: slowStop, groups, onChange: () => {}, onPing: () => {},
    });
    const first = await server.start();
    expect(first.status).toBe('ready');
    const restarting = server.restart();
    const next = await waitFor('the new run to be ready', () => server!.snapshot().status === 'ready' && server!.snapshot().pid);
    expect(alive(first.pid!)).toBe(true);
    server.killNow();
    await waitFor('both processes to be gone', () => !alive(first.pid!) && !alive(next));
    await restarting;
    expect(seen.firstAliveAtNextSpawn).toBe(true);
  });
});
