import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { scratchDir, useApp } from './appFixture.js';
import { repoRoot } from './harness.js';
import { processesWith } from '../support/processTable.js';

function serverRow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: `MCP server ${name}`, exact: true });
}

/** What a server's row says and offers, in the same terms on the Overview card and the MCP screen (countdown digits as N). */
async function lookOf(row: Locator) {
  const pill = row.locator('.pill');
  const reason = (await row.locator('.is-failing, .text-bad').count()) ? 'bad' : (await row.locator('.is-warn, .text-warn').count()) ? 'warn' : 'plain';
  return {
    tone: /pill-(\w+)/.exec((await pill.getAttribute('class')) ?? '')?.[1],
    words: (await pill.textContent())?.replace(/\d+/g, 'N'),
    actions: (await row.getByRole('button').allTextContents()).filter((label) => ['Start', 'Stop', 'Restart'].includes(label)),
    reason,
  };
}

describe('MCP screen on the built-in demo stack', () => {
  const app = useApp({ at: '#/mcp' });

  it('shows the failing demo wrapper with its diagnosis; after its cause is fixed, Restart makes it ready', async () => {
    const row = serverRow(app.page, 'search-index');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/exited before initialize \(code 1\).*index not found at .*build it with: touch/);
    await app.shot('mcp-search-index-failing');

    await row.getByRole('button', { name: 'Selfcheck' }).click();
    const selfcheck = app.page.getByRole('region', { name: 'Selfcheck result' });
    await expect.poll(() => selfcheck.textContent(), { timeout: 20_000 }).toMatch(/Selfcheck failed · exit 1.*FAIL — index not found/);

    writeFileSync(join(app.server.demoDir, 'search-index'), '');
    await row.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => row.textContent()).toMatch(/\d+ tools/);
    await app.shot('mcp-search-index-ready');
  });

  it('lists a ready server\'s tools and calls one from the form', async () => {
    const row = serverRow(app.page, 'everything');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await row.getByRole('button', { name: 'Show details of everything' }).click();
    await app.page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: /^echo/ }).click();
    const form = app.page.getByRole('form', { name: 'Call echo' });
    await form.getByRole('textbox', { name: /message/ }).fill('hello from the e2e test');
    await form.getByRole('button', { name: 'Call tool' }).click();
    await expect.poll(() => app.page.getByRole('region', { name: 'Tool result' }).textContent(), { timeout: 20_000 }).toContain('hello from the e2e test');
    await app.shot('mcp-tool-call');
  });
});

describe('MCP screen with servers in every state', () => {
  const work = scratchDir('sb-e2e-mcp-states-');
  const marker = `SWITCHBOARD_E2E_MCP=${Date.now()}`;
  const gate = join(work, 'ping-gate');
  const support = join(repoRoot, 'test/support/mcp');
  const env = { [marker.split('=')[0]!]: marker.split('=')[1]! };
  // given to the app's environment and written as ${VAR} in the stack file: expanded into args, never shown
  const expandedToken = 'tok-e2e-expanded-5c1d';
  const app = useApp({
    config: {
      name: 'mcp-states',
      mcpServers: {
        memory: {
          command: 'node',
          args: [join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js'), '--token', '${E2E_MCP_TOKEN}', '--upstream=${E2E_MCP_TOKEN}'],
          env: { ...env, MEMORY_FILE_PATH: join(work, 'memory.jsonl'), API_TOKEN: 'tok-must-not-show' },
        },
        sleepy: { command: 'node', args: [join(support, 'rawServer.mjs')], env: { ...env, RAW_MODE: 'ping-gate', PING_GATE: gate }, pingEvery: '500ms', pingTimeout: '500ms' },
        postgres: { command: join(support, 'exit-at-once.sh'), env, backoff: { initial: '10m' }, selfcheck: ['--selfcheck'] },
        flaky: { command: join(support, 'exit-at-once.sh'), env, crashLoop: { failures: 1 } },
        ghost: { command: 'switchboard-missing-wrapper', env, restart: 'no' },
      },
    },
    env: { E2E_MCP_TOKEN: expandedToken },
    at: '#/mcp',
    viewport: { width: 1440, height: 1000 },
  });

  it('shows ready, degraded, backoff, crash-loop and exited at a glance, secrets masked', async () => {
    await expect.poll(() => serverRow(app.page, 'sleepy').textContent(), { timeout: 30_000 }).toMatch(/ready/);
    // ping times come on a topic of their own (mcp.pings): the row shows the last one, and none once pings go unanswered
    await expect.poll(() => serverRow(app.page, 'sleepy').textContent(), { timeout: 10_000 }).toMatch(/\d+ tools? · ping [\d.]+ ms/);
    writeFileSync(gate, '');
    await expect.poll(() => serverRow(app.page, 'memory').textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => serverRow(app.page, 'sleepy').textContent(), { timeout: 30_000 }).toMatch(/degraded.*no answer to ping/);
    expect(await serverRow(app.page, 'sleepy').textContent()).not.toMatch(/· ping [\d.]+ ms/);
    await expect.poll(() => serverRow(app.page, 'postgres').textContent(), { timeout: 30_000 }).toMatch(/backoff · retry in .*DATABASE_URL is not set/);
    await expect.poll(() => serverRow(app.page, 'flaky').textContent(), { timeout: 30_000 }).toMatch(/crash-loop.*gave up after 1 failure in/);
    await expect.poll(() => serverRow(app.page, 'ghost').textContent(), { timeout: 30_000 }).toMatch(/command not found: switchboard-missing-wrapper — searched PATH=/);
    await serverRow(app.page, 'memory').getByRole('button', { name: 'Show details of memory' }).click();
    await expect.poll(() => app.page.locator('.mcp-details').textContent()).toContain('API_TOKEN=••••••');
    expect(await app.page.content()).not.toContain('tok-must-not-show');
    await expect.poll(() => app.page.locator('.mcp-details').textContent()).toContain('--token •••••••• --upstream=••••••••');
    expect(await app.page.content()).not.toContain(expandedToken);
    await app.shot('mcp-states');

    // Restart works out of crash-loop (the wrapper still fails, so it comes back to crash-loop with a fresh since)
    await serverRow(app.page, 'flaky').getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => serverRow(app.page, 'flaky').textContent(), { timeout: 30_000 }).toMatch(/crash-loop/);
  });

  it('the Overview card shows a server in backoff and a degraded one as the MCP screen does: same words, colours and actions', async () => {
    await expect.poll(() => serverRow(app.page, 'postgres').textContent(), { timeout: 30_000 }).toMatch(/backoff · retry in/);
    await expect.poll(() => serverRow(app.page, 'sleepy').textContent(), { timeout: 30_000 }).toMatch(/degraded/);
    const onMcpScreen = { postgres: await lookOf(serverRow(app.page, 'postgres')), sleepy: await lookOf(serverRow(app.page, 'sleepy')) };
    expect(onMcpScreen).toEqual({
      postgres: { tone: 'busy', words: expect.stringMatching(/^backoff · retry in N (s|min)$/), actions: ['Stop', 'Restart'], reason: 'bad' },
      sleepy: { tone: 'warn', words: 'degraded', actions: ['Stop', 'Restart'], reason: 'warn' },
    });
    await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => serverRow(app.page, 'postgres').textContent(), { timeout: 10_000 }).toMatch(/backoff · retry in/);
    expect({ postgres: await lookOf(serverRow(app.page, 'postgres')), sleepy: await lookOf(serverRow(app.page, 'sleepy')) }).toEqual(onMcpScreen);
    await app.shot('overview-mcp-states');
  });

  it('leaves no MCP process behind once the app has quit', async () => {
    expect(processesWith(marker).length).toBeGreaterThan(0);
    await app.quit();
    const deadline = Date.now() + 10_000;
    while (processesWith(marker).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith(marker)).toEqual([]);
  });
});
