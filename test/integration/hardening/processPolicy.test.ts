import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { batchLines, type LogBatch, type LogsSnapshot } from '../../../shared/contract/logs.js';
import { processesWith } from '../../support/processTable.js';
import { repoRoot, startBrowserMode, tempStack, type BrowserModeProcess } from './browserModeProcess.js';
import { get, rawRequest } from './rawHttp.js';
import { connectClient, eventually } from './wsClient.js';

const fixture = 'test/integration/hardening/serveWithFaults.ts';

/** The process-wide policy for errors nobody caught, seen from outside a real browser-mode process. */
describe('process policy in browser mode', { timeout: 90_000 }, () => {
  let server: BrowserModeProcess | undefined;
  let stack: ReturnType<typeof tempStack> | undefined;

  afterEach(async () => {
    await server?.stop();
    stack?.remove();
    server = undefined;
  });

  for (const [fault, words] of [
    ['reject', 'unhandled promise rejection: Error: planted rejection for the test'],
    ['throw', 'uncaught exception: Error: planted exception for the test'],
  ] as const) {
    it(`logs a planted ${fault} with its stack to the hub and stderr, and keeps serving`, async () => {
      stack = tempStack('name: policy\n');
      server = await startBrowserMode(['--config', stack.file], fixture);
      const client = await connectClient(server.port, server.token);
      const logs = client.subscribe('logs', { tail: 100 });
      server.tell(fault);
      const all = () => [...logs.snapshots.flatMap((s) => batchLines((s as LogsSnapshot).lines)), ...(logs.items as LogBatch[]).flatMap(batchLines)];
      await eventually(() => all().some((line) => line.text.includes(words)), 10_000, `a log line "${words}"`);
      // The hub keeps one line per text line: the stack follows its headline, same source and level.
      await eventually(() => all().some((l) => /^\s+at .*serveWithFaults\.ts/.test(l.text)), 5000, 'the stack lines');
      const line = all().find((l) => l.text.includes(words))!;
      const stackLine = all().find((l) => l.seq > line.seq && /^\s+at .*serveWithFaults\.ts/.test(l.text))!;
      expect(line).toMatchObject({ source: 'switchboard', level: 'error' });
      expect(stackLine).toMatchObject({ source: 'switchboard', level: 'error' });
      expect(server.stderr()).toContain(words);
      expect(server.alive()).toBe(true);
      expect((await client.call('app.info')).ok).toBe(true);
      expect((await rawRequest(server.port, get(server.port, `/?token=${server.token}`))).status).toBe(303);
      client.close();
    });
  }

  it('after a storm of uncaught exceptions, stops the MCP servers it supervises and exits non-zero, saying why', async () => {
    const marker = `SWITCHBOARD_POLICY_TEST=${process.pid}-${Date.now()}`;
    const [key, value] = marker.split('=') as [string, string];
    const memory = join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js');
    stack = tempStack(`name: storm\nmcpServers:\n  memory:\n    command: node\n    args: ["${memory}"]\n    env: { ${key}: "${value}", MEMORY_FILE_PATH: "/tmp/${value}.json" }\n`);
    server = await startBrowserMode(['--config', stack.file], fixture);
    await eventually(() => processesWith(marker).length > 0, 30_000, 'the MCP server to start');
    for (let i = 0; i < 20; i++) server.tell('throw');
    await new Promise<void>((resolve) => server!.child.once('exit', () => resolve()));
    expect(server.child.exitCode).not.toBe(0);
    expect(server.stderr()).toMatch(/uncaught exceptions? in .*stopping Switchboard/);
    expect(processesWith(marker)).toEqual([]);
  });
});
