import { afterAll, afterEach } from 'vitest';
import { fakeAppContext, type FakeAppContext } from './appContext.js';
import { TestContainers } from './docker/testContainers.js';
import { killLeftovers, repoRoot } from './mcp/servers.js';

/**
 * For a describe block whose tests register real capabilities on app contexts
 * over the real engine and real MCP wrappers: each context is disposed after its
 * test, the block's containers and wrapper processes after the block.
 */
export function useRealStackContexts() {
  const contexts: FakeAppContext[] = [];
  const tc = new TestContainers();
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((ctx) => ctx.disposables.disposeAsync()));
  });
  afterAll(async () => {
    killLeftovers();
    await tc.removeAll();
  });
  const context = (input: Parameters<typeof fakeAppContext>[0]): FakeAppContext => {
    const ctx = fakeAppContext(input, { baseDir: repoRoot });
    contexts.push(ctx);
    return ctx;
  };
  return { tc, context };
}
