import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openPage, repoRoot, shot, startServer } from './harness.js';
import { processesWith } from '../support/processTable.js';

function serverRow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: `MCP server ${name}`, exact: true });
}

describe('MCP screen on the built-in demo stack', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  const demoDir = mkdtempSync(join(tmpdir(), 'sb-e2e-mcp-demo-'));

  beforeAll(async () => {
    server = await startServer({ demoDir });
    browser = await openPage(`${server.url}#/mcp`);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(demoDir, { recursive: true, force: true });
  });

  it('shows the failing demo wrapper with its diagnosis; after its cause is fixed, Restart makes it ready', async () => {
    const row = serverRow(page, 'search-index');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/exited before initialize \(code 1\).*index not found at .*build it with: touch/);
    await shot(page, 'mcp-search-index-failing');

    await row.getByRole('button', { name: 'Selfcheck' }).click();
    const selfcheck = page.getByRole('region', { name: 'Selfcheck result' });
    await expect.poll(() => selfcheck.textContent(), { timeout: 20_000 }).toMatch(/Selfcheck failed · exit 1.*FAIL — index not found/);

    writeFileSync(join(demoDir, 'search-index'), '');
    await row.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => row.textContent()).toMatch(/\d+ tools/);
    await shot(page, 'mcp-search-index-ready');
  });

  it('lists a ready server\'s tools and calls one from the form', async () => {
    const row = serverRow(page, 'everything');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await row.getByRole('button', { name: 'Show details of everything' }).click();
    await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: /^echo/ }).click();
    const form = page.getByRole('form', { name: 'Call echo' });
    await form.getByRole('textbox', { name: /message/ }).fill('hello from the e2e test');
    await form.getByRole('button', { name: 'Call tool' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Tool result' }).textContent(), { timeout: 20_000 }).toContain('hello from the e2e test');
    await shot(page, 'mcp-tool-call');
  });
});

describe('MCP screen with servers in every state', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  const work = mkdtempSync(join(tmpdir(), 'sb-e2e-mcp-states-'));
  const marker = `SWITCHBOARD_E2E_MCP=${Date.now()}`;
  const gate = join(work, 'ping-gate');
  const support = join(repoRoot, 'test/support/mcp');
  const env = { [marker.split('=')[0]!]: marker.split('=')[1]! };

  beforeAll(async () => {
    server = await startServer({
      config: {
        name: 'mcp-states',
        mcpServers: {
          memory: { command: 'node', args: [join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js')], env: { ...env, MEMORY_FILE_PATH: join(work, 'memory.jsonl'), API_TOKEN: 'tok-must-not-show' } },
          sleepy: { command: 'node', args: [join(support, 'rawServer.mjs')], env: { ...env, RAW_MODE: 'ping-gate', PING_GATE: gate }, pingEvery: '500ms', pingTimeout: '500ms' },
          postgres: { command: join(support, 'exit-at-once.sh'), env, backoff: { initial: '10m' }, selfcheck: ['--selfcheck'] },
          flaky: { command: join(support, 'exit-at-once.sh'), env, crashLoop: { failures: 1 } },
          ghost: { command: 'switchboard-missing-wrapper', env, restart: 'no' },
        },
      },
    });
    browser = await openPage(`${server.url}#/mcp`, { viewport: { width: 1440, height: 1000 } });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows ready, degraded, backoff, crash-loop and exited at a glance, secrets masked', async () => {
    await expect.poll(() => serverRow(page, 'sleepy').textContent(), { timeout: 30_000 }).toMatch(/ready/);
    writeFileSync(gate, '');
    await expect.poll(() => serverRow(page, 'memory').textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => serverRow(page, 'sleepy').textContent(), { timeout: 30_000 }).toMatch(/degraded.*no answer to ping/);
    await expect.poll(() => serverRow(page, 'postgres').textContent(), { timeout: 30_000 }).toMatch(/backoff · retry in .*DATABASE_URL is not set/);
    await expect.poll(() => serverRow(page, 'flaky').textContent(), { timeout: 30_000 }).toMatch(/crash-loop.*gave up after 1 failure in/);
    await expect.poll(() => serverRow(page, 'ghost').textContent(), { timeout: 30_000 }).toMatch(/command not found: switchboard-missing-wrapper — searched PATH=/);
    await serverRow(page, 'memory').getByRole('button', { name: 'Show details of memory' }).click();
    await expect.poll(() => page.locator('.mcp-details').textContent()).toContain('API_TOKEN=••••••');
    expect(await page.content()).not.toContain('tok-must-not-show');
    await shot(page, 'mcp-states');

    // Restart works out of crash-loop (the wrapper still fails, so it comes back to crash-loop with a fresh since)
    await serverRow(page, 'flaky').getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => serverRow(page, 'flaky').textContent(), { timeout: 30_000 }).toMatch(/crash-loop/);
  });

  it('leaves no MCP process behind once the app has quit', async () => {
    expect(processesWith(marker).length).toBeGreaterThan(0);
    await browser.close();
    await server.stop();
    const deadline = Date.now() + 10_000;
    while (processesWith(marker).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith(marker)).toEqual([]);
  });
});
