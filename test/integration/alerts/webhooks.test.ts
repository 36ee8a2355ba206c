import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAlerts } from '../../../electron/alerts/index.js';
import { fakeAppContext, recordingSink, type FakeAppContext } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';
import { sourceId } from '../../../shared/sourceId.js';
import type { AlertsState } from '../../../shared/contract/alerts.js';

interface Received {
  status: number;
  body: Record<string, unknown>;
}

/** A real webhook receiver on loopback that answers each request with the next status of `answers` (then 200). */
async function receiver(answers: number[]): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const status = answers.shift() ?? 200;
      got.push({ status, body: JSON.parse(text) as Record<string, unknown> });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/s3cr3t-token`, got, server };
}

describe('alert webhooks', () => {
  let ctx: FakeAppContext | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await ctx?.disposables.disposeAsync();
    server?.close();
  });

  it('delivers exactly one firing and one resolution, retrying when the receiver first answers 500, and never logs the URL', async () => {
    const hook = await receiver([500]);
    server = hook.server;
    ctx = fakeAppContext({
      alerts: { 'pg-wrapper': { mcp: 'postgres', when: 'state in [crash-loop, exited]', notify: ['webhook:ops'], severity: 'critical' } },
      notify: { webhooks: { ops: { url: '${OPS_WEBHOOK}', backoff: '100ms', timeout: '2s' } } },
    });
    registerAlerts(ctx, { events: ctx.eventBus, signals: ctx.signalBus }, { env: { OPS_WEBHOOK: hook.url } });
    const topic = recordingSink<AlertsState, never>();
    ctx.topics.open('alerts', {}, topic.sink);

    const state = (state: string) => ctx!.events.publish({ source: sourceId.mcp('postgres'), kind: 'mcp.state', severity: 'error', summary: state, details: { state } });
    state('crash-loop');
    // A second event while firing is not a second firing.
    state('exited');
    await waitFor('the firing delivered after a retry', () => hook.got.filter((r) => r.status === 200).length === 1);
    expect(topic.latest()?.active).toMatchObject([{ rule: 'pg-wrapper', state: 'firing', severity: 'critical' }]);
    state('ready');
    await waitFor('the resolution delivered', () => hook.got.filter((r) => r.status === 200).length === 2);
    await new Promise((r) => setTimeout(r, 300));

    expect(hook.got.map((r) => [r.status, r.body.status])).toEqual([
      [500, 'firing'],
      [200, 'firing'],
      [200, 'resolved'],
    ]);
    expect(hook.got[1]!.body).toMatchObject({ stack: 'stack', alert: { rule: 'pg-wrapper', source: 'mcp:postgres', severity: 'critical', firingId: 'pg-wrapper|mcp:postgres#1' } });
    const text = ctx.lines.map((l) => l.text).join('\n');
    expect(text).toContain('webhook ops: firing pg-wrapper mcp:postgres failed (answered 500); trying again');
    expect(text).toContain('webhook ops: sent firing pg-wrapper mcp:postgres after 2 tries');
    expect(text).not.toContain('s3cr3t-token');
    // The log hub line and the alert.* events, per firing and resolution.
    expect(ctx.lines.filter((l) => l.source === 'alert:pg-wrapper').map((l) => l.text)).toEqual([
      'FIRING [critical] state in [crash-loop, exited] — mcp postgres: state = crash-loop',
      'RESOLVED state in [crash-loop, exited] — mcp postgres: state = ready',
    ]);
    expect(ctx.published.filter((e) => e.source === 'alert:pg-wrapper').map((e) => e.kind)).toEqual(['alert.firing', 'alert.resolved']);
    // The built-in crash-loop rule fired too, but it sends to desktop only (notify.default).
    expect(ctx.published.filter((e) => e.source === 'alert:mcp-crash-loop').map((e) => e.kind)).toEqual(['alert.firing', 'alert.resolved']);
  });

  it('sends Slack-compatible text, and nothing for a silenced rule', async () => {
    const hook = await receiver([]);
    server = hook.server;
    ctx = fakeAppContext({
      alerts: { down: { engine: '*', when: 'up < 1', notify: ['webhook:chat'], summary: 'engine down' } },
      notify: { webhooks: { chat: { url: hook.url, format: 'slack' } } },
    });
    registerAlerts(ctx, { events: ctx.eventBus, signals: ctx.signalBus }, { env: {} });
    ctx.signals.record({ source: sourceId.engine('local'), name: 'engine.up', value: 0 });
    await waitFor('the Slack message', () => hook.got.length === 1);
    expect(hook.got[0]!.body).toEqual({ text: ':warning: *Firing [warning]* down — engine down — engine local: up = 0 (stack stack)' });

    await ctx.commands.call('alerts.silence', { rule: 'down', forMs: 60_000 });
    ctx.signals.record({ source: sourceId.engine('local'), name: 'engine.up', value: 1 });
    ctx.signals.record({ source: sourceId.engine('local'), name: 'engine.up', value: 0 });
    await waitFor('the resolution', () => hook.got.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.got.map((r) => (r.body.text as string).split(' ')[1])).toEqual(['*Firing', '*Resolved*']);
    expect(ctx.published.filter((e) => e.kind.startsWith('alert.')).map((e) => e.kind)).toEqual(['alert.firing', 'alert.silenced', 'alert.resolved', 'alert.firing']);
  });

  it('answers silence, unsilence and acknowledge, and refuses an unknown rule', async () => {
    ctx = fakeAppContext({});
    registerAlerts(ctx, { events: ctx.eventBus, signals: ctx.signalBus }, { env: {} });
    ctx.events.publish({ source: sourceId.container('db'), kind: 'container.oom', severity: 'error', summary: 'oom' });
    const topic = recordingSink<AlertsState, never>();
    ctx.topics.open('alerts', {}, topic.sink);
    const id = topic.latest()!.active[0]!.id;
    expect(await ctx.commands.call('alerts.acknowledge', { id })).toEqual({ ok: true, value: { acknowledged: true } });
    expect(topic.latest()!.active[0]!.acknowledged).toBe(true);
    const silenced = await ctx.commands.call('alerts.silence', { rule: 'container-oom-killed', source: 'container:db', forMs: 5_000 });
    const until = silenced.ok ? (silenced.value as { until: number }).until : 0;
    expect(topic.latest()!.silences).toEqual([{ rule: 'container-oom-killed', source: 'container:db', until }]);
    expect(await ctx.commands.call('alerts.unsilence', { rule: 'container-oom-killed', source: 'container:db' })).toEqual({ ok: true, value: { removed: true } });
    expect(topic.latest()!.silences).toEqual([]);
    expect(await ctx.commands.call('alerts.silence', { rule: 'nope', forMs: 5_000 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'no alert rule named "nope"' } });
  });
});
