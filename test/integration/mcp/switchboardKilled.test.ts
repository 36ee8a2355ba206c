import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import type { EndLeftoversResult, McpLeftover } from '../../../shared/contract/mcp.js';
import { killLeftovers, leftoverProcesses, supportDir, testMarker, waitForNoLeftovers } from '../../support/mcp/servers.js';
import { startSwitchboardProcess, type SwitchboardProcess } from '../../support/mcp/switchboardProcess.js';
import { commandLine, freezeProcess } from '../../support/processTable.js';
import { waitFor } from '../../support/waitFor.js';

const [markerKey, markerValue] = testMarker.split('=') as [string, string];
const server = (file: string, extra: Record<string, unknown> = {}) => ({ command: path.join(supportDir, file), env: { [markerKey]: markerValue }, ...extra });

describe('when Switchboard itself dies, its MCP servers do not live on', { timeout: 180_000 }, () => {
  let work: string;
  let running: SwitchboardProcess | undefined;
  let app: Switchboard | undefined;
  afterEach(async () => {
    running?.child.kill('SIGKILL');
    const watchdog = running?.watchdogPid();
    if (watchdog) process.kill(watchdog, 'SIGKILL');
    running = undefined;
    await app?.shutdown();
    app = undefined;
    killLeftovers();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function stack(servers: Record<string, unknown>): string {
    work = mkdtempSync(path.join(tmpdir(), 'switchboard-killed-'));
    const file = path.join(work, 'stack.yaml');
    writeFileSync(file, stringify({ name: 'killed', mcpServers: servers }));
    return file;
  }

  it('SIGKILL of Switchboard ends a wrapper with grandchildren, one that exec-sleeps and one that ignores SIGTERM, within 5 s', async () => {
    const file = stack({
      family: server('grandchild.sh'),
      sleeper: server('hang-before-initialize.sh', { initializeTimeout: '120s', restart: 'no' }),
      stubborn: server('ignores-sigterm.sh', { initializeTimeout: '120s', restart: 'no' }),
    });
    running = await startSwitchboardProcess(file, work);
    // family: its shell, the node server and the background sleep; sleeper: sleep; stubborn: its shell (and a short sleep)
    await waitFor('every server process to run', () => {
      const lines = leftoverProcesses().map(commandLine);
      return lines.some((l) => l.includes('server-memory')) && lines.some((l) => l.includes('sleep 600')) && lines.some((l) => l.includes('ignores-sigterm'));
    }, 60_000);
    expect(leftoverProcesses().length).toBeGreaterThanOrEqual(5);

    const killedAt = performance.now();
    process.kill(running.pid, 'SIGKILL');
    const left = await waitForNoLeftovers(5000);
    const tookMs = performance.now() - killedAt;
    console.log(`after SIGKILL of Switchboard its MCP server processes were gone in ${(tookMs / 1000).toFixed(2)} s (${left.length} left)`);
    expect(left.map((pid) => `${pid} ${commandLine(pid)}`)).toEqual([]);
    expect(tookMs).toBeLessThan(5000);
  });

  it('a group left behind (Switchboard and its watchdog both killed) is reported at the next start and ended on request', async () => {
    const file = stack({ sleeper: server('hang-before-initialize.sh', { initializeTimeout: '120s', restart: 'no' }) });
    running = await startSwitchboardProcess(file, work);
    const sleep = await waitFor('the sleeper to run', () => leftoverProcesses().find((pid) => commandLine(pid).includes('sleep 600')), 60_000);
    const watchdog = await waitFor('the orphan watchdog to run', () => running?.watchdogPid(), 10_000);

    // stopped first, so it cannot notice its watchdog dying before it dies itself
    await freezeProcess(running.pid);
    process.kill(watchdog, 'SIGKILL');
    process.kill(running.pid, 'SIGKILL');
    await running.exited;
    await new Promise((r) => setTimeout(r, 1500));
    expect(leftoverProcesses()).toEqual([sleep]);

    const empty = path.join(work, 'empty.yaml');
    writeFileSync(empty, 'name: next-run\n');
    app = await createSwitchboard({ argv: ['--config', empty], env: { XDG_RUNTIME_DIR: work }, cwd: work, mode: 'browser' });

    const notes = app.logs.query({ sources: ['switchboard'] }, 100).map((l) => l.text);
    const report = notes.find((t) => t.includes('left running'));
    expect(report, notes.join('\n')).toBeDefined();
    expect(report).toContain('sleeper');
    expect(report).toContain(String(sleep));

    const listed = await app.commands.call('mcp.leftovers', {});
    expect(listed.ok).toBe(true);
    const leftovers = (listed as { value: McpLeftover[] }).value;
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatchObject({ server: 'sleeper', pids: [sleep] });
    expect(leftovers[0]!.command).toContain('hang-before-initialize.sh');

    const ended = await app.commands.call('mcp.endLeftovers', {});
    expect(ended.ok).toBe(true);
    const result = (ended as { value: EndLeftoversResult }).value;
    expect(result.ended.map((l) => l.server)).toEqual(['sleeper']);
    expect(result.stillRunning).toEqual([]);
    expect(await waitForNoLeftovers(2000)).toEqual([]);
    expect(await app.commands.call('mcp.leftovers', {})).toEqual({ ok: true, value: [] });
  });

  it('a clean quit stops the servers by the spec, and leaves neither a record nor a watchdog behind', async () => {
    const file = stack({ family: server('grandchild.sh') });
    running = await startSwitchboardProcess(file, work);
    await waitFor('the family server to run', () => leftoverProcesses().some((pid) => commandLine(pid).includes('server-memory')), 60_000);
    const watchdog = await waitFor('the orphan watchdog to run', () => running?.watchdogPid(), 10_000);
    expect(readdirSync(path.join(work, 'switchboard')).filter((f) => f.startsWith('mcp-groups-'))).toHaveLength(1);

    process.kill(running.pid, 'SIGINT');
    await running.exited;
    expect(await waitForNoLeftovers(2000)).toEqual([]);
    await waitFor('the watchdog to exit', () => commandLine(watchdog) === '', 5000);
    expect(readdirSync(path.join(work, 'switchboard'))).toEqual([]);
  });
});
