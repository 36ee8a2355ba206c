import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import { collectingLogs, fastStop, killLeftovers, repoRoot, serverConfig, tempDir, waitForNoLeftovers, waitForState } from '../../support/mcp/servers.js';

const demoWrapper = path.join(repoRoot, 'electron/demo/wrappers/search-index.sh');

describe('the demo search-index wrapper and selfcheck', { timeout: 120_000 }, () => {
  let supervisor: McpSupervisor;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await supervisor?.disposeAsync();
    killLeftovers();
    tmp.remove();
  });

  it('fails with an actionable diagnosis until its index exists, then Restart makes it ready', async () => {
    const index = path.join(tmp.dir, 'search-index');
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, stopTimings: fastStop });
    await supervisor.setServers({
      'search-index': serverConfig({ command: demoWrapper, env: { SEARCH_INDEX: index }, selfcheck: ['--selfcheck'], restart: 'no' }),
    });
    const failed = await waitForState(supervisor, 'search-index', (s) => s.status === 'exited');
    expect(failed.reason).toContain(`exited before initialize (code 1)`);
    expect(failed.reason).toContain(`index not found at ${index} — build it with: touch ${index}`);

    const check = await supervisor.selfcheck('search-index');
    expect(check).toMatchObject({ ok: false, exitCode: 1, timedOut: false });
    expect(check.output).toContain('FAIL — index not found');
    expect(check.commandLine).toBe(`${demoWrapper} --selfcheck`);

    writeFileSync(index, '');
    const passed = await supervisor.selfcheck('search-index');
    expect(passed).toMatchObject({ ok: true, exitCode: 0 });
    expect(passed.output).toContain('ok — index found');
    expect(passed.durationMs).toBeGreaterThan(0);

    expect((await supervisor.restart('search-index')).status).toBe('ready');
    const listed = await waitForState(supervisor, 'search-index', (s) => s.tools.length > 0);
    expect(listed.tools.map((t) => t.name)).toContain('search_nodes');
    // the knowledge graph is kept next to the index, never inside node_modules
    await supervisor.callTool('search-index', 'create_entities', { entities: [{ name: 'switchboard', entityType: 'app', observations: [] }] });
    expect(existsSync(`${index}.graph.jsonl`)).toBe(true);
  });

  it('selfcheck runs beside a ready server without touching it, and is refused for servers without one', async () => {
    const index = path.join(tmp.dir, 'search-index');
    writeFileSync(index, '');
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, stopTimings: fastStop });
    await supervisor.setServers({
      'search-index': serverConfig({ command: demoWrapper, env: { SEARCH_INDEX: index }, selfcheck: ['--selfcheck'] }),
      plain: serverConfig({ command: 'true', autostart: false }),
    });
    const ready = await waitForState(supervisor, 'search-index', (s) => s.status === 'ready');
    expect((await supervisor.selfcheck('search-index')).ok).toBe(true);
    expect(supervisor.get('search-index')).toMatchObject({ status: 'ready', pid: ready.pid });
    await expect(supervisor.selfcheck('plain')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('selfcheck: ["--selfcheck"]') });
    await supervisor.disposeAsync();
    expect(await waitForNoLeftovers(2000)).toEqual([]);
  });

  it('runs one selfcheck at a time per server: a request while one runs gets that run’s result, and a later one runs again', async () => {
    const runs = path.join(tmp.dir, 'runs');
    const script = path.join(tmp.dir, 'slow-check.sh');
    writeFileSync(script, `#!/bin/sh\nif [ "$1" = "--selfcheck" ]; then echo run >> "${runs}"; sleep 1; echo "ok — checked"; exit 0; fi\nexit 1\n`);
    chmodSync(script, 0o755);
    const logs = collectingLogs();
    supervisor = new McpSupervisor({ logs, baseDir: repoRoot, stopTimings: fastStop });
    await supervisor.setServers({ slow: serverConfig({ command: script, selfcheck: ['--selfcheck'], autostart: false }) });
    const spawned = () => (existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);

    const [first, second, third] = await Promise.all([supervisor.selfcheck('slow'), supervisor.selfcheck('slow'), supervisor.selfcheck('slow')]);
    expect(spawned()).toBe(1);
    expect(first).toMatchObject({ ok: true, exitCode: 0 });
    expect(second).toBe(first);
    expect(third).toBe(first);
    const audit = logs.lines.map((l) => l.text).filter((t) => t.startsWith('selfcheck of mcp:slow'));
    expect(audit.filter((t) => t === "selfcheck of mcp:slow requested while one is running: it gets that run's result")).toHaveLength(2);

    const later = await supervisor.selfcheck('slow');
    expect(spawned()).toBe(2);
    expect(later).not.toBe(first);
    expect(later.ok).toBe(true);
  });
});
