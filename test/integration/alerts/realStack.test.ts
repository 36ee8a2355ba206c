import { describe, expect, it } from 'vitest';
import { registerAlerts } from '../../../electron/alerts/index.js';
import { registerDocker } from '../../../electron/docker/index.js';
import { registerMcp } from '../../../electron/mcp/index.js';
import { registerProbes } from '../../../electron/probes/index.js';
import type { FakeAppContext } from '../../support/appContext.js';
import { useRealStackContexts } from '../../support/realStackContexts.js';
import { docker } from '../../support/docker/dockerCli.js';
import { freePort } from '../../support/docker/testContainers.js';
import { wrapper } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

describe('alerts over a real engine, real probes and a real crash-looping wrapper', { timeout: 120_000 }, () => {
  const { tc, context } = useRealStackContexts();
  const alertEvents = (ctx: FakeAppContext, rule: string) => ctx.published.filter((e) => e.source === `alert:${rule}`);

  it('stopping a probed container fires the probe alert within its for: plus one probe interval, and starting it resolves it', async () => {
    const port = await freePort();
    const project = `${tc.prefix}-alerts`;
    const web = await tc.run({ image: 'web', name: 'web', project, service: 'web', env: { PORT: String(port) } });
    const forMs = 2_000;
    const everyMs = 500;
    const ctx = context({
      docker: { project },
      probes: { 'web-health': { url: `http://127.0.0.1:${port}/`, every: everyMs, timeout: '1s' } },
      alerts: { 'web-down': { probe: 'web-health', when: 'up < 1', for: forMs, severity: 'critical' } },
    });
    registerAlerts(ctx, { events: ctx.eventBus, signals: ctx.signalBus }, { env: {} });
    registerDocker(ctx);
    registerProbes(ctx);
    await waitFor('the probe to pass', () => ctx.recorded.find((s) => s.source === 'probe:web-health' && s.name === 'probe.up' && s.value === 1));

    await docker(['stop', '-t', '1', web.name]);
    const stoppedAt = Date.now();
    const firing = await waitFor('the web-down alert to fire', () => alertEvents(ctx, 'web-down').find((e) => e.kind === 'alert.firing'), 30_000);
    const took = firing.at - stoppedAt;
    // for: plus one probe interval, and a second of slack for a shared, loaded machine.
    expect(took).toBeLessThanOrEqual(forMs + everyMs + 1_000);
    expect(took).toBeGreaterThanOrEqual(forMs - 100);
    expect(firing).toMatchObject({ severity: 'critical', details: { target: 'probe:web-health', state: 'firing' } });
    expect(ctx.lines.some((l) => l.source === 'alert:web-down' && l.text.startsWith('FIRING [critical]'))).toBe(true);
    // The engine saw the stop too: the container went down, which no rule here fires on at once.
    await waitFor('container.up = 0', () => ctx.recorded.find((s) => s.source === `container:${web.name}` && s.name === 'container.up' && s.value === 0));

    await docker(['start', web.name]);
    await waitFor('the web-down alert to resolve', () => alertEvents(ctx, 'web-down').find((e) => e.kind === 'alert.resolved'), 30_000);
    expect(alertEvents(ctx, 'web-down').map((e) => e.kind)).toEqual(['alert.firing', 'alert.resolved']);
  });

  it('a crash-looping wrapper fires the built-in MCP rule, critical, linking to the server', async () => {
    const ctx = context({ mcpServers: { postgres: { command: wrapper('exit-at-once.sh').command, crashLoop: { failures: 2 } } } });
    registerAlerts(ctx, { events: ctx.eventBus, signals: ctx.signalBus }, { env: {} });
    registerMcp(ctx);
    const firing = await waitFor('the crash-loop alert', () => alertEvents(ctx, 'mcp-crash-loop').find((e) => e.kind === 'alert.firing'), 30_000);
    expect(firing).toMatchObject({ severity: 'critical', details: { target: 'mcp:postgres', firingId: 'mcp-crash-loop|mcp:postgres#1' } });
    expect(firing.summary).toBe('MCP server is crash-looping — mcp postgres: state = crash-loop');
  });
});
