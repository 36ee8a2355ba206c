import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { registerCache } from '../../../electron/cache/index.js';
import { registerDocker } from '../../../electron/docker/index.js';
import { registerMcp } from '../../../electron/mcp/index.js';
import { registerProbes } from '../../../electron/probes/index.js';
import { useRealStackContexts } from '../../support/realStackContexts.js';
import { wrapper } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

/** A target whose answer the test sets: the status code and a JSON body. */
async function controlledTarget(initial: { status: number; body: unknown }) {
  const current = { ...initial };
  const server = http.createServer((_req, res) => {
    res.writeHead(current.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(current.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { current, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

describe('capabilities publish what happens as stack events and signals', { timeout: 120_000 }, () => {
  const { tc, context } = useRealStackContexts();

  it('docker: the engine coming up, a container exiting on its own (error) and one stopped by an operator (warning)', async () => {
    const project = `${tc.prefix}-events`;
    const ctx = context({ docker: { project } });
    registerDocker(ctx);
    await waitFor('the engine to be reachable', () => ctx.published.find((e) => e.kind === 'engine.status' && e.details?.status === 'connected'));
    expect(ctx.recorded).toContainEqual(expect.objectContaining({ source: 'engine:local', name: 'engine.up', value: 1 }));

    const failer = await tc.run({ image: 'failer', name: 'failer', project, service: 'failer' });
    const died = await waitFor('the failer to die', () => ctx.published.find((e) => e.kind === 'container.die' && e.source === `container:${failer.name}`));
    expect(died).toMatchObject({ severity: 'error', summary: `${failer.name} exited with code 42`, details: { exitCode: 42, askedFor: false } });
    const kinds = ctx.published.filter((e) => e.source === `container:${failer.name}`).map((e) => e.kind);
    expect(kinds.slice(0, 3)).toEqual(['container.create', 'container.start', 'container.die']);

    const web = await tc.run({ image: 'logger', name: 'logger', project, service: 'logger' });
    await waitFor('the logger to run', () => ctx.recorded.find((s) => s.source === `container:${web.name}` && s.name === 'container.up' && s.value === 1));
    expect(await ctx.commands.call('containers.kill', { id: web.name })).toMatchObject({ ok: true });
    const killed = await waitFor('the logger to die', () => ctx.published.find((e) => e.kind === 'container.die' && e.source === `container:${web.name}`));
    expect(killed).toMatchObject({ severity: 'warning', details: { exitCode: 137, askedFor: true } });
    // the operator's action itself is on the audit trail
    expect(ctx.published).toContainEqual(expect.objectContaining({ kind: 'action', source: `container:${web.name}`, details: expect.objectContaining({ action: 'kill', outcome: 'done' }) }));
    // containers outside the stack say nothing
    const outsider = await tc.run({ image: 'failer', name: 'outsider' });
    await waitFor('the outsider to exit', async () => (await tc.inspect<boolean>(outsider.id, '.State.Running')) === false);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.published.some((e) => e.source === `container:${outsider.name}`)).toBe(false);
  });

  it('mcp: a crashing wrapper goes starting → backoff … → crash-loop (critical), counting restarts', async () => {
    const ctx = context({ mcpServers: { postgres: { command: wrapper('exit-at-once.sh').command, crashLoop: { failures: 2 } } } });
    registerMcp(ctx);
    const loop = await waitFor('the crash-loop event', () => ctx.published.find((e) => e.kind === 'mcp.state' && e.details?.state === 'crash-loop'), 30_000);
    expect(loop).toMatchObject({ source: 'mcp:postgres', severity: 'critical', details: { previous: expect.any(String), reason: expect.any(String) } });
    const states = ctx.published.filter((e) => e.kind === 'mcp.state').map((e) => e.details!.state);
    expect(states.slice(0, 2)).toEqual(['starting', 'backoff']);
    const restarts = ctx.recorded.filter((s) => s.source === 'mcp:postgres' && s.name === 'mcp.restarts_total').map((s) => s.value);
    expect(Math.max(...restarts)).toBeGreaterThanOrEqual(1);
    expect(ctx.recorded.filter((s) => s.name === 'mcp.up').every((s) => s.value === 0)).toBe(true);
  });

  it('probes: latency and up signals per sample; going down and coming back are two probe.status events', async () => {
    const target = await controlledTarget({ status: 200, body: { ok: true } });
    try {
      const ctx = context({ probes: { api: { url: target.url, every: '100ms', timeout: '1s' } } });
      registerProbes(ctx);
      await waitFor('two samples', () => ctx.recorded.filter((s) => s.name === 'probe.up').length >= 2);
      expect(ctx.recorded.find((s) => s.name === 'probe.latency_ms')).toMatchObject({ source: 'probe:api', value: expect.any(Number) });
      expect(ctx.published.filter((e) => e.kind === 'probe.status')).toEqual([]);
      target.current.status = 503;
      const down = await waitFor('the down event', () => ctx.published.find((e) => e.kind === 'probe.status' && e.severity === 'error'));
      expect(down).toMatchObject({ source: 'probe:api', details: { status: 'fail', previous: 'ok' } });
      target.current.status = 200;
      await waitFor('the ok-again event', () => ctx.published.find((e) => e.kind === 'probe.status' && e.severity === 'info'));
      expect(ctx.published.filter((e) => e.kind === 'probe.status')).toHaveLength(2);
    } finally {
      target.close();
    }
  });

  it('cache: the hit rate as a signal, and crossing the target either way as cache.target events', async () => {
    const target = await controlledTarget({ status: 200, body: { hits: 0, misses: 0 } });
    try {
      const ctx = context({ cache: { api: { json: target.url, hits: 'hits', misses: 'misses', every: '100ms', window: '10s', target: 0.8 } } });
      registerCache(ctx);
      const count = (hits: number, misses: number) => (target.current.body = { hits, misses });
      count(90, 10);
      await waitFor('a reading', () => ctx.recorded.find((s) => s.name === 'cache.hits_total' && s.value === 90));
      count(190, 10);
      await waitFor('a hit rate on target', () => ctx.recorded.find((s) => s.name === 'cache.hit_rate' && s.value >= 0.8));
      expect(ctx.published.filter((e) => e.kind === 'cache.target')).toEqual([]);
      count(190, 1000);
      const below = await waitFor('the below-target event', () => ctx.published.find((e) => e.kind === 'cache.target'));
      expect(below).toMatchObject({ source: 'cache:api', severity: 'warning', details: { meets: false, target: 0.8 } });
    } finally {
      target.close();
    }
  });
});
