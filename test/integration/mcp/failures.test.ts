import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import type { McpServerState } from '../../../shared/contract/mcp.js';
import { waitFor } from '../../support/waitFor.js';
import {
  collectingLogs,
  fastStop,
  killLeftovers,
  rawServer,
  repoRoot,
  serverConfig,
  tempDir,
  waitForNoLeftovers,
  waitForState,
  wrapper,
} from '../../support/mcp/servers.js';

/** Each broken wrapper fails the way real ones do; the reason says why in one line. */
describe('diagnosing servers that fail', { timeout: 120_000 }, () => {
  let supervisor: McpSupervisor;
  let logs: ReturnType<typeof collectingLogs>;
  const tmp = tempDir();

  afterEach(async () => {
    await supervisor?.disposeAsync();
    killLeftovers();
  });

  function supervise() {
    logs = collectingLogs();
    supervisor = new McpSupervisor({ logs, baseDir: repoRoot, stopTimings: fastStop });
    return supervisor;
  }

  it('says "command not found" and names the PATH it searched', async () => {
    supervise();
    await supervisor.setServers({ ghost: serverConfig({ command: 'switchboard-no-such-command', restart: 'no' }) });
    const state = await waitForState(supervisor, 'ghost', (s) => s.status === 'exited');
    expect(state.reason).toMatch(/^command not found: switchboard-no-such-command — searched PATH=.*\/usr\/bin/);
  });

  it('says when a script exists but its #! interpreter does not', async () => {
    supervise();
    const script = path.join(tmp.dir, 'python-wrapper.py');
    writeFileSync(script, '#!/usr/bin/switchboard-no-python3\nprint("hi")\n', { mode: 0o755 });
    await supervisor.setServers({ py: serverConfig({ command: script, restart: 'no' }) });
    const state = await waitForState(supervisor, 'py', (s) => s.status === 'exited');
    expect(state.reason).toMatch(/^could not start .*python-wrapper\.py: spawn .*ENOENT \(check the #! line: its interpreter was not found\)$/);
  });

  it('says a wrapper exited before initialize, with its exit code and last stderr lines', async () => {
    supervise();
    await supervisor.setServers({ postgres: wrapper('exit-at-once.sh', { restart: 'no' }) });
    const state = await waitForState(supervisor, 'postgres', (s) => s.status === 'exited');
    expect(state.reason).toBe('exited before initialize (code 1): postgres-wrapper: connecting to database | postgres-wrapper: FATAL: DATABASE_URL is not set');
    expect(state.exitCode).toBe(1);
    expect(state.stderrTail).toContain('postgres-wrapper: FATAL: DATABASE_URL is not set');
    expect(logs.lines).toContainEqual(expect.objectContaining({ source: 'mcp:postgres', stream: 'stderr', text: 'postgres-wrapper: FATAL: DATABASE_URL is not set' }));
  });

  it('says initialize timed out for a wrapper that never answers, and stops it', async () => {
    supervise();
    await supervisor.setServers({ slow: wrapper('hang-before-initialize.sh', { restart: 'no', initializeTimeout: '1s' }) });
    const state = await waitForState(supervisor, 'slow', (s) => s.status === 'exited');
    expect(state.reason).toBe('initialize timed out after 1.0 s — the server started but never answered: slow-wrapper: waiting for lock /var/run/slow.lock');
    expect(await waitForNoLeftovers()).toEqual([]);
  });

  it('says a wrapper wrote non-protocol text to stdout, quoting it', async () => {
    supervise();
    await supervisor.setServers({ chatty: wrapper('junk-stdout.sh', { restart: 'no', initializeTimeout: '1s' }) });
    const state = await waitForState(supervisor, 'chatty', (s) => s.status === 'exited');
    expect(state.reason).toBe('wrote non-protocol text to stdout: "Starting Acme MCP wrapper v1.2 ..." — stdout carries the protocol; log to stderr instead');
  });

  it('says the protocol version is not supported', async () => {
    supervise();
    await supervisor.setServers({ ancient: rawServer('old-protocol', { restart: 'no' }) });
    const state = await waitForState(supervisor, 'ancient', (s) => s.status === 'exited');
    expect(state.reason).toBe('protocol version not supported: the server answered 1999-01-01 — update the server or its SDK');
  });

  it('says a server crashed after N seconds ready, and restarts it with backoff', async () => {
    supervise();
    await supervisor.setServers({ flaky: rawServer('crash-after', { env: { CRASH_AFTER_MS: '1500' } }) });
    await waitForState(supervisor, 'flaky', (s) => s.status === 'ready');
    const state = await waitForState(supervisor, 'flaky', (s) => s.status === 'backoff');
    expect(state.reason).toMatch(/^crashed after \d\.\d s ready \(code 3\): .*raw-server: panic: lost connection to upstream$/);
    expect(state.exitCode).toBe(3);
    expect(state.nextAttemptAt).toBeGreaterThan(state.since);
    // the backoff ends in a new start that becomes ready again
    await waitForState(supervisor, 'flaky', (s) => s.status === 'ready');
  });

  it('goes degraded when pings stop being answered and ready again when they return', async () => {
    supervise();
    const gate = path.join(tmp.dir, 'ping-gate');
    // a generous timeout: a loaded CI machine can hold a ping's answer back for a few hundred ms
    await supervisor.setServers({ sleepy: rawServer('ping-gate', { env: { PING_GATE: gate }, pingEvery: '200ms', pingTimeout: '1s' }) });
    // ready, with its tool list in (asked for after Ready, it changes the state once more)
    const started = (s: McpServerState) => s.status === 'ready' && s.tools.length === 1 && s.stderrTail.includes('raw-server: started in ping-gate mode');
    await waitForState(supervisor, 'sleepy', started);
    const readyAt = Date.now();

    // ping times are told apart: answered pings re-send no server's state (the Overview shows none).
    // The window outlasts the stderr tail's one-second refresh: the line written during initialize
    // went out with Ready, and must not go out again a second later.
    const pinged: Record<string, number>[] = [];
    const changes: string[] = [];
    const listening = [
      supervisor.pinged.on(() => pinged.push(supervisor.pings())),
      supervisor.changed.on((list) => changes.push(list.map((s) => `${s.name} ${s.status}: ${s.reason} (${s.tools.length} tools, ${s.stderrTail.length} stderr lines)`).join('; '))),
    ];
    await waitFor('three answered pings, over more than a second', () => pinged.length >= 3 && Date.now() - readyAt > 1300, 8000);
    listening.forEach((l) => l.dispose());
    expect(changes).toEqual([]);
    expect(pinged.every((p) => Object.keys(p).join() === 'sleepy' && p.sleepy! >= 0)).toBe(true);
    expect(supervisor.pings()).toEqual(pinged.at(-1));

    writeFileSync(gate, '');
    const degraded = await waitForState(supervisor, 'sleepy', (s) => s.status === 'degraded');
    expect(degraded.reason).toBe('no answer to ping within 1.0 s — the server is running but not responding');
    expect(supervisor.pings()).toEqual({}); // a server that does not answer has no current ping time

    rmSync(gate);
    const back = await waitForState(supervisor, 'sleepy', (s) => s.status === 'ready');
    expect(back.reason).toBe('answering pings again');
    expect(supervisor.pings().sleepy).toBeGreaterThanOrEqual(0);
    tmp.remove();
  });
});
