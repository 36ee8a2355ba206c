import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigStatus } from '../../../shared/contract/app.js';
import { startBrowserMode, tempStack, type BrowserModeProcess } from './browserModeProcess.js';
import { get, rawRequest } from './rawHttp.js';
import { connectClient } from './wsClient.js';

/** A NUL byte in what would be spawned used to make spawn throw and kill browser mode at start or on reload. */
describe('a NUL byte in the stack file', { timeout: 60_000 }, () => {
  let server: BrowserModeProcess | undefined;
  let stack: ReturnType<typeof tempStack> | undefined;

  afterEach(async () => {
    await server?.stop();
    stack?.remove();
    server = undefined;
  });

  async function reloadStatus(): Promise<ConfigStatus> {
    const client = await connectClient(server!.port, server!.token);
    const answer = await client.call<ConfigStatus>('config.reload');
    client.close();
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }

  async function expectServingPage(): Promise<void> {
    expect(server!.alive(), `browser mode died:\n${server!.stderr()}`).toBe(true);
    const answer = await rawRequest(server!.port, get(server!.port, `/?token=${server!.token}`));
    expect(answer.status).toBe(303);
  }

  it('in an MCP argument is a config problem at start, naming the key, line and column', async () => {
    stack = tempStack('name: t\nmcpServers:\n  x:\n    command: node\n    args: ["-e", "a\\0b"]\n');
    server = await startBrowserMode(['--config', stack.file]);
    await new Promise((r) => setTimeout(r, 1000));
    const status = await reloadStatus();
    expect(status.problem).toMatchObject({ file: stack.file, line: 5, column: 18, key: 'mcpServers.x.args.1' });
    expect(status.problem!.message).toMatch(/NUL/);
    await expectServingPage();
  });

  it('in an env value of an included ~/.cursor/mcp.json is a problem naming that file', async () => {
    stack = tempStack('name: t\ninclude: [./mcp.json]\n');
    const included = join(stack.dir, 'mcp.json');
    writeFileSync(included, JSON.stringify({ mcpServers: { y: { command: 'node', args: ['-e', '0'], env: { TOKEN: 'a\u0000b' } } } }, null, 2));
    server = await startBrowserMode(['--config', stack.file]);
    await new Promise((r) => setTimeout(r, 1000));
    const status = await reloadStatus();
    expect(status.problem).toMatchObject({ file: included, key: 'mcpServers.y.env.TOKEN' });
    expect(status.problem!.line).toBeGreaterThan(1);
    await expectServingPage();
  });

  it('in a command probe written on reload keeps the last good config and keeps serving', async () => {
    stack = tempStack('name: t\n');
    server = await startBrowserMode(['--config', stack.file]);
    writeFileSync(stack.file, 'name: t\nprobes:\n  p:\n    command: ["true", "a\\0b"]\n    every: 1s\n');
    const status = await reloadStatus();
    expect(status.problem).toMatchObject({ file: stack.file, line: 4, key: 'probes.p.command.1' });
    await new Promise((r) => setTimeout(r, 1500));
    await expectServingPage();
  });
});
