import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerHistory } from '../../../electron/history/index.js';
import { fakeAppContext, recordingSink, type FakeAppContext } from '../../support/appContext.js';
import type { CommandName, ParamsIn, ResultOf } from '../../../shared/contract/index.js';
import { waitFor } from '../../support/waitFor.js';
import type { HistoryStatus, StoredEvent } from '../../../shared/contract/history.js';

/** A command's result, or the error it answered, thrown. */
async function call<K extends CommandName>(ctx: FakeAppContext, name: K, params: ParamsIn<K>): Promise<ResultOf<K>> {
  const outcome = await ctx.commands.call(name, params);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.value as ResultOf<K>;
}

describe('history as a capability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-register-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records what the buses carry, with evidence from the log hub, and serves it through the contract', async () => {
    const ctx = fakeAppContext({ name: 'shop', history: { retain: '2d' } });
    const history = registerHistory(ctx, {
      events: ctx.eventBus,
      signals: ctx.signalBus,
      evidence: { recent: (source, count) => Array.from({ length: Math.min(count, 3) }, (_, i) => ({ ts: i, stream: 'stderr', text: `${source} said ${i}` })) },
      dataFolder: dir,
      flushEveryMs: 100,
    });
    const live = recordingSink<StoredEvent[], StoredEvent>();
    ctx.topics.open('history.live', {}, live.sink);
    const status = recordingSink<HistoryStatus, never>();
    ctx.topics.open('history.status', {}, status.sink);
    expect(status.latest()).toMatchObject({ enabled: true, path: join(dir, 'shop.db'), retainMs: 2 * 86_400_000 });

    ctx.events.publish({ source: 'container:db', kind: 'container.die', severity: 'warning', summary: 'exited with code 137', details: { exitCode: 137 } });
    ctx.events.publish({ source: 'container:db', kind: 'container.start', severity: 'info', summary: 'started' });
    const now = Date.now();
    for (let i = 0; i < 5; i++) ctx.signals.record({ at: now - 5000 + i * 1000, source: 'probe:api', name: 'probe.latency_ms', value: 10 + i });

    await waitFor('two live events', () => live.rec.items.length === 2);
    expect(live.rec.items.map((e) => [e.kind, e.evidenceCount])).toEqual([['container.die', 3], ['container.start', 0]]);
    const page = await call(ctx, 'history.events', { sources: ['container:db'] });
    expect(page.events).toHaveLength(2);
    const die = await call(ctx, 'history.event', { id: live.rec.items[0]!.id });
    expect(die?.evidence.map((l) => l.text)).toEqual(['container:db said 0', 'container:db said 1', 'container:db said 2']);
    const series = await call(ctx, 'history.series', { source: 'probe:api', name: 'probe.latency_ms', from: now - 10_000, to: now, stepMs: 1000 });
    expect(series.points.map((p) => p.value)).toEqual([10, 11, 12, 13, 14]);
    expect(series.from).toBe(`embedded store at ${join(dir, 'shop.db')}`);

    // history: false closes the store; the commands answer empty rather than fail.
    ctx.setConfig({ name: 'shop', history: false });
    expect(status.latest()).toEqual({ enabled: false, reason: 'history: false in the stack file' });
    expect(await call(ctx, 'history.events', {})).toEqual({ events: [] });
    expect(history.store).toBeUndefined();
    await ctx.disposables.disposeAsync();
  });
});
