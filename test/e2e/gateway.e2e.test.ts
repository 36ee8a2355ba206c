import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useApp } from './appFixture.js';
import { repoRoot } from './harness.js';
import { axeViolations } from './screens.js';

describe('MCP screen: a server exposed through the gateway', () => {
  const token = 'e2e-gateway-token-0123456789';
  const app = useApp({
    config: {
      name: 'gateway',
      gateway: { port: 0, token },
      mcpServers: { test: { command: 'node', args: [join(repoRoot, 'test/support/mcp/gatewayServer.mjs')], gateway: { replicas: 2 } } },
    },
    at: '#/mcp',
    viewport: { width: 1440, height: 1100 },
  });

  it('shows its URL, replicas and live figures, and copies a client config', async () => {
    const row = app.page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: 'MCP server test#2', exact: true });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    const panel = app.page.getByRole('region', { name: 'Gateway — test' });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/mcp\/test/);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/mcp\/test)/.exec((await panel.textContent()) ?? '')![1]!;

    // a script's calls through the plain shortcut show up in the figures
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${url}/tools/echo`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ message: `hi ${i}` }) });
      expect(res.status).toBe(200);
    }
    const refused = await fetch(`${url}/tools/echo`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    const replicas = app.page.getByRole('list', { name: 'Replicas of test' });
    await expect.poll(() => replicas.textContent(), { timeout: 10_000 }).toMatch(/test ready.*test#2 ready/);
    const figures = panel.locator('.mcp-gateway-figures');
    await expect.poll(() => figures.textContent(), { timeout: 10_000 }).toMatch(/Errors \(1 min\)unauthorized 1/);
    expect(await figures.textContent()).toMatch(/Requests\/s0\.[1-9]/);

    await app.page.getByRole('group', { name: 'Copy client config' }).getByRole('button', { name: 'Cursor' }).click();
    await expect.poll(() => app.page.getByRole('group', { name: 'Copy client config' }).textContent()).toMatch(/Copied the Cursor config|clipboard refused/);
    const serious = (await axeViolations(app.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await app.shot('mcp-gateway-panel', panel);
    await app.shot('mcp-gateway');
  });
});
