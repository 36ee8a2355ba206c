import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp } from './appFixture.js';
import { axeViolations } from './screens.js';

/** Wraps window.Notification so the test sees each one the page shows, and can click it as the OS would. */
const captureNotifications = `
  window.__notifications = [];
  const Real = window.Notification;
  class Captured extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notifications.push({ title, body: options && options.body, tag: options && options.tag, at: Date.now(), self: this });
    }
  }
  window.Notification = Captured;
`;

interface Shown {
  title: string;
  body: string;
  tag: string;
}

/** The probe's target: a loopback server the test stops and starts, as an operator's service would go down and come back. */
class Backend {
  private server: Server | undefined;
  port = 0;
  async start(): Promise<void> {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  }
}

describe('Alerts in browser mode, notifications allowed', () => {
  const backend = new Backend();
  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  const app = useApp(() => ({
    config: {
      name: 'alerting',
      probes: { api: { url: `http://127.0.0.1:${backend.port}/`, every: '300ms', timeout: '1s' } },
      alerts: {
        // for: 1s so one slow sample on a loaded machine is not a firing.
        'api-down': { probe: 'api', when: 'up < 1', for: '1s', severity: 'critical', summary: 'API is down' },
        'probe-down': { off: true },
      },
    },
    permissions: ['notifications'],
    initScript: captureNotifications,
  }));
  const shown = () => app.page.evaluate(() => (window as unknown as { __notifications: Shown[] }).__notifications.map(({ title, body, tag }) => ({ title, body, tag })));
  const banner = () => app.page.locator('.alert-banner');

  it('fires when the probed service stops: a banner on every screen and one notification, whose click opens the probe', async () => {
    await expect.poll(() => app.page.getByRole('link', { name: 'Alerts', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await backend.stop();
    await expect.poll(() => banner().textContent(), { timeout: 15_000 }).toMatch(/1 alert firing · critical.*API is down/);
    await expect.poll(shown, { timeout: 10_000 }).toEqual([{ title: '🔴 api-down', body: expect.stringMatching(/^API is down — probe api: up = 0/), tag: expect.stringMatching(/^api-down\|probe:api#\d+$/) }]);
    await app.shot('alerts-banner');
    // More failed samples keep it firing, and notify nobody again.
    await app.page.waitForTimeout(1500);
    expect(await shown()).toHaveLength(1);

    await app.page.evaluate(() => (window as unknown as { __notifications: { self: Notification }[] }).__notifications[0]!.self.onclick?.(new Event('click')));
    await expect.poll(() => app.page.evaluate(() => location.hash), { timeout: 10_000 }).toBe('#/dashboards?tab=health&probe=api');
    await expect.poll(() => banner().isVisible(), { timeout: 10_000 }).toBe(true);

    await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Alerts', exact: true }).click();
    const active = app.page.getByRole('list', { name: 'Active alerts' });
    await expect.poll(() => active.getByRole('listitem', { name: 'api-down on probe:api' }).textContent(), { timeout: 10_000 }).toMatch(/firing · critical/);
    await expect.poll(() => app.page.getByRole('table').textContent(), { timeout: 10_000 }).toMatch(/mcp-crash-loop.*built-in/);
    await app.shot('alerts-screen');
    expect(await axeViolations(app.page)).toEqual([]);
    // Acknowledged from the banner: the banner goes, the alert keeps firing.
    await banner().getByRole('button', { name: 'Acknowledge api-down on probe:api' }).click();
    await expect.poll(() => banner().count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => active.getByRole('listitem', { name: 'api-down on probe:api' }).textContent(), { timeout: 10_000 }).toMatch(/firing.*acknowledged/);
  }, 90_000);

  it('resolves when the service is back, and a silenced rule fires without a notification until the silence ends', async () => {
    await backend.start();
    await expect.poll(() => app.page.getByRole('list', { name: 'Active alerts' }).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => app.page.getByRole('list', { name: 'Resolved alerts' }).textContent(), { timeout: 10_000 }).toMatch(/api-down/);

    // Silence it from its row: fire it again first so the row with its buttons is there.
    await backend.stop();
    const row = app.page.getByRole('list', { name: 'Active alerts' }).getByRole('listitem', { name: 'api-down on probe:api' });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/firing/);
    await expect.poll(shown, { timeout: 10_000 }).toHaveLength(2);
    await row.getByRole('button', { name: 'Silence 1 h api-down on probe:api' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/silenced for \d+ min/);
    await backend.start();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await backend.stop();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/firing.*silenced/);
    await app.page.waitForTimeout(1000);
    expect(await shown()).toHaveLength(2);
    await app.shot('alerts-silenced');

    // Ending the silence does not notify the firing it covered; the next firing notifies again.
    await row.getByRole('button', { name: 'End silence api-down on probe:api' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).not.toMatch(/silenced/);
    await backend.start();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await backend.stop();
    await expect.poll(shown, { timeout: 15_000 }).toHaveLength(3);
    // One per firing that was not silenced: three distinct firings.
    expect(new Set((await shown()).map((n) => n.tag)).size).toBe(3);
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});

describe('Alerts in browser mode, notifications not yet allowed', () => {
  const app = useApp({ config: { name: 'not-yet-allowed' }, at: '#/alerts' });

  it('offers to allow them, and follows the browser when they are allowed in its site settings', async () => {
    const note = app.page.locator('.alerts-note');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/Be told when something fires/);
    expect(await note.getByRole('button', { name: 'Allow notifications' }).count()).toBe(1);
    // as the operator would in the browser's site settings, with the page open: no reload
    await app.page.context().grantPermissions(['notifications'], { origin: new URL(app.page.url()).origin });
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/Notifications are on in this browser/);
  });
});
