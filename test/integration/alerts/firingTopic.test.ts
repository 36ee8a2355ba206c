import { afterEach, describe, expect, it } from 'vitest';
import { registerAlerts } from '../../../electron/alerts/index.js';
import { fakeAppContext, recordingSink, type FakeAppContext } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';
import { sourceId } from '../../../shared/sourceId.js';
import type { AlertsFiring, AlertsState } from '../../../shared/contract/alerts.js';

describe('the alerts.firing topic (every screen’s banner and notifications)', () => {
  let ctx: FakeAppContext | undefined;
  afterEach(async () => ctx?.disposables.disposeAsync());

  it('stays quiet while an alert is pending and its value moves, and follows a firing: its value, its acknowledgement, its resolution', async () => {
    ctx = fakeAppContext({
      cache: { backend: { redis: 'redis://127.0.0.1:6379', target: '90%' } },
      alerts: { 'cache-below-target': { cache: '*', when: 'hitRate < target', for: '1s' } },
    });
    registerAlerts(ctx, { events: ctx.eventBus, signals: ctx.signalBus }, { env: {} });
    const all = recordingSink<AlertsState, never>();
    const firing = recordingSink<AlertsFiring, never>();
    ctx.topics.open('alerts', {}, all.sink);
    ctx.topics.open('alerts.firing', {}, firing.sink);
    const hitRate = (value: number) => ctx!.signals.record({ source: sourceId.cache('backend'), name: 'cache.hit_rate', value });

    for (const value of [0.85, 0.86, 0.87, 0.86]) hitRate(value);
    await waitFor('the pending alert on the Alerts screen', () => all.latest()?.active[0]?.summary.endsWith('hitRate = 86.0%') === true);
    expect(all.latest()!.active).toMatchObject([{ rule: 'cache-below-target', state: 'pending' }]);
    expect(all.rec.states.length).toBeGreaterThanOrEqual(2);
    expect(firing.rec.snapshots).toEqual([{ firing: [] }]);
    expect(firing.rec.states).toEqual([]);

    await waitFor('the firing', () => firing.latest()?.firing.length === 1, 3_000);
    expect(firing.latest()!.firing[0]).toMatchObject({ rule: 'cache-below-target', state: 'firing', acknowledged: false, firingId: 'cache-below-target|cache:backend#1' });
    const sent = firing.rec.states.length;

    // A firing alert's value is on the banner: it is sent.
    hitRate(0.8);
    await waitFor('the new value', () => firing.latest()!.firing[0]!.summary.endsWith('hitRate = 80.0%'));
    expect(firing.rec.states).toHaveLength(sent + 1);
    // The same value again changes nothing there.
    hitRate(0.8);
    await new Promise((r) => setTimeout(r, 100));
    expect(firing.rec.states).toHaveLength(sent + 1);

    await ctx.commands.call('alerts.acknowledge', { id: 'cache-below-target|cache:backend' });
    await waitFor('the acknowledgement', () => firing.latest()!.firing[0]!.acknowledged);
    hitRate(0.95);
    await waitFor('the resolution', () => firing.latest()!.firing.length === 0);
    expect(all.latest()!.active).toEqual([]);
  });
});
