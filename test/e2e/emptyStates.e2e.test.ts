import { describe, expect, it } from 'vitest';
import { useApp } from './appFixture.js';

// A stack file with nothing in it: every screen says what to add, and that it goes in the stack file.
describe('empty states on an empty stack', () => {
  // A selection no container matches: the engine may have containers, the stack has none.
  const app = useApp({ config: { name: 'empty', docker: { containers: ['no-container-is-named-like-this-*'] } } });

  const visit = async (route: string) => {
    await app.page.evaluate((hash) => (location.hash = hash), route);
  };
  const emptyStates = () => app.page.locator('.empty-state, .dashboards-chart-empty').allTextContents();

  it.each([
    ['#/overview', [/No MCP servers configured.*under mcpServers: in the stack file/, /No health probes configured.*under probes: in the stack file/, /No cache sources configured.*under cache: in the stack file/, /No containers in this stack.*docker: selection in the stack file/]],
    ['#/containers', [/No containers in this stack on this engine.*docker: selection in the stack file/]],
    ['#/mcp', [/No MCP servers configured.*under mcpServers: in the stack file.*include:/]],
    ['#/dashboards?tab=health', [/No health probes configured.*under probes: in the stack file/]],
    ['#/dashboards?tab=cache', [/No cache sources configured.*under cache: in the stack file/]],
    ['#/dashboards?tab=benchmark', [/No HTTP probes to load-test: add one under probes: in the stack file/]],
  ])('%s says what to add and where', async (route, expected) => {
    await visit(route);
    for (const text of expected) await expect.poll(async () => (await emptyStates()).join(' | '), { timeout: 15_000 }).toMatch(text);
    await app.shot(`empty-${route.replace(/[#/?=]+/g, '-').replace(/^-|-$/g, '')}`);
  });

  it('shows no demo banner: a stack file is loaded, even an empty one', async () => {
    await visit('#/overview');
    await expect.poll(() => app.page.locator('.topbar .stack-name').textContent(), { timeout: 15_000 }).toBe('empty');
    expect(await app.page.getByRole('region', { name: 'Demo stack' }).count()).toBe(0);
  });
});
