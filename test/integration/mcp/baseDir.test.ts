import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import { killLeftovers, repoRoot, serverConfig, tempDir } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

// Switching the app to another stack file (the demo's "Create stack.yaml") moves the folder relative paths resolve against.
describe('MCP servers follow the stack file\'s folder', { timeout: 60_000 }, () => {
  const first = tempDir();
  const second = tempDir();
  const supervisor = new McpSupervisor({ logs: { write() {} }, baseDir: first.dir });
  afterAll(async () => {
    await supervisor.disposeAsync();
    killLeftovers();
    first.remove();
    second.remove();
  });

  it('replaces every server when the folder changes, so ./wrapper.sh means the new folder\'s', async () => {
    // Only the first folder has the wrapper.
    const wrapper = path.join(first.dir, 'wrapper.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec node ${JSON.stringify(path.join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js'))}\n`);
    chmodSync(wrapper, 0o755);
    const servers = { memory: serverConfig({ command: './wrapper.sh', env: { MEMORY_FILE_PATH: path.join(first.dir, 'memory.jsonl') } }) };

    await supervisor.setServers(servers, first.dir);
    await waitFor('the server ready from the first folder', () => supervisor.get('memory').status === 'ready', 30_000);

    // The same entries, another folder: not "unchanged", but resolved again there.
    await supervisor.setServers(servers, second.dir);
    const state = await waitFor('the server to look in the second folder', () => {
      const s = supervisor.get('memory');
      return s.status !== 'ready' && s.status !== 'starting' && s.reason.includes(second.dir) ? s : undefined;
    }, 30_000);
    expect(state.reason).toMatch(/command not found: \.\/wrapper\.sh \(resolved against .*\)/);
  });
});
