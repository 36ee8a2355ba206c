import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { batchLines, type LogBatch, type LogLine, type LogsSnapshot } from '../../../shared/contract/logs.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import { Session } from '../../../electron/transport/session.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { waitFor } from '../../support/waitFor.js';
import { killLeftovers, repoRoot, testMarker, waitForNoLeftovers } from '../../support/mcp/servers.js';

// The whole path a user sees: a real MCP server's stderr and a real container's
// output, through the app's composition root, into the hub, out of the `logs` topic.
const everything = join(repoRoot, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const talker = [
  'echo "[ERROR] talker could not open cache.db" >&2',
  'echo "level=warn msg=\\"slow start\\" took=1200ms" >&2',
  'echo "talker says hello" >&2',
  `exec node ${everything} stdio`,
].join('; ');

describe('logs from real processes and containers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-logs-it-'));
  const containers = new TestContainers();
  let app: Switchboard;
  let session: Session;
  const messages: ServerMessage[] = [];

  const received = (id: number): LogLine[] =>
    messages.flatMap((m) => {
      if (m.t === 'snapshot' && m.id === id) return batchLines((m.value as LogsSnapshot).lines);
      if (m.t === 'append' && m.id === id) return (m.items as LogBatch[]).flatMap(batchLines);
      return [];
    });

  beforeAll(async () => {
    const logger = await containers.run({ image: 'logger', name: 'logger' });
    const [markerKey, markerValue] = testMarker.split('=') as [string, string];
    const file = join(dir, 'stack.yaml');
    writeFileSync(
      file,
      stringify({
        name: 'logs-it',
        docker: { containers: [logger.name] },
        mcpServers: { talker: { command: 'sh', args: ['-c', talker], env: { [markerKey]: markerValue }, restart: 'no' } },
        logs: { linesPerSource: 1_000 },
      }),
    );
    app = await createSwitchboard({ argv: ['--config', file], env: { ...process.env, SWITCHBOARD_CONFIG: '' }, cwd: dir, mode: 'browser' });
    session = new Session({ send: (m) => messages.push(m), backlog: () => 0 }, app.commands, app.topics);
  }, 120_000);

  afterAll(async () => {
    session?.dispose();
    await app?.shutdown();
    await containers.removeAll();
    await waitForNoLeftovers().catch(() => killLeftovers());
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("carries an MCP server's stderr lines with the level each one states", async () => {
    session.receive({ t: 'sub', id: 1, topic: 'logs', params: { sources: ['mcp:talker'] } });
    const lines = await waitFor('the talker lines', () => {
      const got = received(1);
      return got.some((l) => l.text === 'talker says hello') && got;
    }, 60_000);
    const byText = (start: string) => lines.find((l) => l.text.startsWith(start));
    expect(byText('[ERROR] talker could not open')).toMatchObject({ source: 'mcp:talker', stream: 'stderr', level: 'error' });
    expect(byText('level=warn msg="slow start"')).toMatchObject({ level: 'warn' });
    expect(byText('talker says hello')).toMatchObject({ level: 'warn', stream: 'stderr' });
    // Arrival order is kept across the stream.
    const seqs = lines.map((l) => l.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  }, 90_000);

  it("carries a container's stdout and stderr apart, colours intact, and opens later viewers with that history", async () => {
    const source = `container:${containers.prefix}-logger`;
    await waitFor('container lines in the hub', () => app.logs.query({ sources: [source] }, 10).length >= 6, 60_000);
    session.receive({ t: 'sub', id: 2, topic: 'logs', params: { sources: [source], tail: 4 } });
    const snapshot = await waitFor('a snapshot', () => messages.find((m) => m.t === 'snapshot' && m.id === 2), 10_000);
    const lines = batchLines((snapshot as { value: LogsSnapshot }).value.lines);
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.stream))).toEqual(new Set(['stdout', 'stderr']));
    for (const l of lines) expect(l.text).toMatch(l.stream === 'stdout' ? /out \d+/ : /err \d+/);
    expect(lines.some((l) => l.text.includes('\u001b['))).toBe(true);
    const before = received(2).length;
    await waitFor('live container lines', () => received(2).length > before + 2, 30_000);
  }, 90_000);

  it('lists every source with its counts', async () => {
    const outcome = await app.commands.call('logs.sources', {});
    expect(outcome.ok).toBe(true);
    const names = (outcome as { value: { source: string }[] }).value.map((s) => s.source);
    expect(names).toEqual(expect.arrayContaining(['mcp:talker', `container:${containers.prefix}-logger`, 'switchboard']));
  });
});
