import { describe, expect, it } from 'vitest';
import type { ContainerSummary, ContainersState } from '../../../shared/contract/containers.js';
import type { McpServerState } from '../../../shared/contract/mcp.js';
import type { ProbeSummary } from '../../../shared/contract/probes.js';
import type { CommandName } from '../../../shared/contract/index.js';
import { containerEntries } from '../../../renderer/palette/containerEntries.js';
import { mcpEntries } from '../../../renderer/palette/mcpEntries.js';
import { probeEntries } from '../../../renderer/palette/probeEntries.js';
import { keyboardEntries, screenEntries, stackEntries } from '../../../renderer/palette/appEntries.js';
import type { PaletteActs, PaletteEntry } from '../../../renderer/palette/paletteEntry.js';

const container = (name: string, more: Partial<ContainerSummary> = {}): ContainerSummary => ({
  engine: 'local', id: `id-${name}`, name, image: 'redis:7', state: 'running', status: 'Up', health: 'none', restartCount: 0, restartPolicy: 'no', ports: [], labels: {}, ...more,
});
const server = (name: string, more: Partial<McpServerState> = {}): McpServerState => ({
  name, status: 'ready', reason: '', since: 0, failures: 0, restartPolicy: 'on-failure', command: 'node', args: [], env: {}, hasSelfcheck: false, tools: [], resources: [], prompts: [], stderrTail: [], ...more,
});
const probe = (name: string, kind: ProbeSummary['kind']): ProbeSummary => {
  const w = { p50: 0, p95: 0, p99: 0, count: 0 };
  return { name, kind, target: 'http://127.0.0.1:1/health', everyMs: 1000, timeoutMs: 1000, windows: { '1m': w, '5m': w, '15m': w }, availability15m: null, slo: [] };
};

/** Acts that note what an entry asked for and answer each command with `answers[name]`. */
function recordingActs(answers: Partial<Record<CommandName, unknown>> = {}) {
  const calls: Array<[string, unknown]> = [];
  const moves: Array<[string, Record<string, string> | undefined]> = [];
  const presses: string[] = [];
  const acts: PaletteActs = {
    call: (name, params) => {
      calls.push([name, params]);
      return Promise.resolve(answers[name] as never);
    },
    navigate: (screen, params) => void moves.push([screen, params]),
    press: (id) => void presses.push(id),
  };
  return { acts, calls, moves, presses };
}
const labels = (entries: PaletteEntry[]) => entries.map((e) => e.label);
const find = (entries: PaletteEntry[], label: string) => entries.find((e) => e.label === label)!;

describe('the palette’s entries, built from the contract and the live items', () => {
  const state = (containers: ContainerSummary[], showAll = false): ContainersState => ({ engines: [{ name: 'local', address: 'unix:///var/run/docker.sock', status: 'connected', containers }], showAll });

  it('offers every contract action a container’s state allows, then Show and its logs', () => {
    expect(labels(containerEntries(state([container('sutazai-redis')])))).toEqual([
      'Stop sutazai-redis', 'Restart sutazai-redis', 'Kill sutazai-redis', 'Pause sutazai-redis', 'Remove sutazai-redis', 'Show sutazai-redis', 'Open logs of sutazai-redis', 'Show all containers of the engine',
    ]);
    expect(labels(containerEntries(state([container('migrate', { state: 'exited', exitCode: 1 })]))).slice(0, 3)).toEqual(['Start migrate', 'Restart migrate', 'Remove migrate']);
    expect(labels(containerEntries(state([container('web', { state: 'paused' })])))).toContain('Unpause web');
    // while an action runs on it, only Show and Logs
    expect(labels(containerEntries(state([container('web', { pending: 'restarting' })])))).toEqual(['Show web', 'Open logs of web', 'Show all containers of the engine']);
  });

  it('asks before the destructive ones (the contract marks Kill and Remove), saying what is lost', () => {
    const entries = containerEntries(state([container('web')]));
    expect(entries.filter((e) => e.confirm).map((e) => e.label)).toEqual(['Kill web', 'Remove web']);
    expect(find(entries, 'Remove web').confirm).toEqual({ title: 'Remove web?', body: expect.stringMatching(/running: it is killed first/), confirmLabel: 'Remove web' });
  });

  it('runs a container action through its contract command: Remove of a running one forces, and says what Docker said', async () => {
    const rec = recordingActs({ 'containers.restart': { ok: true, durationMs: 1900, message: 'restart done in 1.9 s of container:web' }, 'containers.remove': { ok: true, durationMs: 1, message: 'removed' } });
    const entries = containerEntries(state([container('web')]));
    expect(await find(entries, 'Restart web').run(rec.acts)).toBe('restart done in 1.9 s');
    await find(entries, 'Remove web').run(rec.acts);
    expect(rec.calls).toEqual([
      ['containers.restart', { engine: 'local', id: 'id-web' }],
      ['containers.remove', { engine: 'local', id: 'id-web', force: true }],
    ]);
    find(entries, 'Open logs of web').run(rec.acts);
    expect(rec.moves).toEqual([['logs', { source: 'container:web' }]]);
  });

  it('offers start, stop and restart of a whole compose project, and names the engine when there are several', async () => {
    const entries = containerEntries(state([container('web', { project: 'shop' }), container('db', { project: 'shop', state: 'exited' })]));
    expect(labels(entries).slice(0, 3)).toEqual(['Start all of shop', 'Stop all of shop', 'Restart all of shop']);
    expect(find(entries, 'Stop all of shop').detail).toBe('compose project · 1/2 running');
    const rec = recordingActs({ 'containers.project': { durationMs: 5, results: [{ engine: 'local', id: 'a', name: 'web', ok: true, message: '' }, { engine: 'local', id: 'b', name: 'db', ok: false, message: 'db: not running' }] } });
    expect(await find(entries, 'Stop all of shop').run(rec.acts)).toBe('stop of shop: 1 of 2 done; db: not running');
    const two: ContainersState = { engines: [...state([container('web')]).engines, { name: 'remote', address: 'tcp://h:2375', status: 'connected', containers: [container('web', { engine: 'remote' })] }], showAll: true };
    expect(find(containerEntries(two), 'Stop web').detail).toBe('container on local · running');
    expect(labels(containerEntries(two)).at(-1)).toBe("Show only the stack's containers");
  });

  it('offers what serverActions allows an MCP server (as its row does), Selfcheck where it has one, Show and logs', async () => {
    expect(labels(mcpEntries({ servers: [server('memory')] }))).toEqual(['Stop memory', 'Restart memory', 'Show memory', 'Open logs of memory']);
    expect(labels(mcpEntries({ servers: [server('postgres', { status: 'exited', hasSelfcheck: true })] }))).toEqual(['Start postgres', 'Restart postgres', 'Selfcheck postgres', 'Show postgres', 'Open logs of postgres']);
    const rec = recordingActs({ 'mcp.restart': server('memory'), 'mcp.selfcheck': { ok: false, exitCode: 1, signal: null, durationMs: 1200, timedOut: false } });
    const entries = mcpEntries({ servers: [server('memory', { hasSelfcheck: true })] });
    expect(await find(entries, 'Restart memory').run(rec.acts)).toBe('now ready');
    expect(await find(entries, 'Selfcheck memory').run(rec.acts)).toBe('selfcheck of memory failed (exit 1) in 1.2 s');
    expect(rec.calls).toEqual([['mcp.restart', { name: 'memory' }], ['mcp.selfcheck', { name: 'memory' }]]);
    expect(find(entries, 'Restart memory').shortcut).toBe('row.restart');
    expect(entries.some((e) => e.confirm)).toBe(false);
  });

  it('offers a load test on each HTTP probe and opens the Benchmark tab on it; while one runs, Cancel instead', async () => {
    const probes = { probes: [probe('backend-health', 'http'), probe('redis-port', 'tcp')] };
    const entries = probeEntries(probes, { results: [] });
    expect(labels(entries)).toEqual(['Run load test on backend-health', 'Open logs of backend-health', 'Open logs of redis-port']);
    const rec = recordingActs({ 'benchmark.run': { id: 'b1' } });
    await find(entries, 'Run load test on backend-health').run(rec.acts);
    expect(rec.calls).toEqual([['benchmark.run', { probe: 'backend-health' }]]);
    expect(rec.moves).toEqual([['dashboards', { tab: 'benchmark', probe: 'backend-health' }]]);
    const running = { id: 'b1', probe: 'backend-health', url: '', startedAt: 0, elapsedMs: 0, done: 10, fraction: 0.25 };
    expect(labels(probeEntries(probes, { running, results: [] }))).toEqual(['Cancel the load test on backend-health', 'Open logs of backend-health', 'Open logs of redis-port']);
  });

  it('has a Go to per screen with its Ctrl/Cmd+digit, Reload stack file, and the keyboard’s own actions', async () => {
    const screens = screenEntries([{ path: 'overview', navLabel: 'Overview' }, { path: 'logs', navLabel: 'Logs' }]);
    expect(screens.map((e) => [e.label, e.shortcut])).toEqual([['Go to Overview', 'screen.overview'], ['Go to Logs', 'screen.logs']]);
    const rec = recordingActs({ 'config.reload': { source: '/srv/stack.yaml', isDemo: false, stackName: 's', loadedAt: 0 } });
    const [reload] = stackEntries(undefined);
    expect(await reload!.run(rec.acts)).toBe('reloaded /srv/stack.yaml');
    const broken = recordingActs({ 'config.reload': { source: '/srv/stack.yaml', isDemo: false, stackName: 's', loadedAt: 0, problem: { file: '/srv/stack.yaml', line: 3, message: 'unknown key' } } });
    await expect(reload!.run(broken.acts)).rejects.toThrow('/srv/stack.yaml:3: unknown key (still running on the last good stack)');
    const help = keyboardEntries().find((e) => e.shortcut === 'help')!;
    help.run(rec.acts);
    expect(rec.presses).toEqual(['help']);
  });

  it('gives every entry its own id, so recent picks find it again', () => {
    const all = [
      ...containerEntries(state([container('web', { project: 'shop' }), container('db', { project: 'shop' })])),
      ...mcpEntries({ servers: [server('web'), server('db', { hasSelfcheck: true })] }),
      ...probeEntries({ probes: [probe('web', 'http')] }, undefined),
      ...stackEntries(undefined),
      ...keyboardEntries(),
    ];
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });
});
