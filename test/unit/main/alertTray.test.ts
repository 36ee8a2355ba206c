import { describe, expect, it, vi } from 'vitest';
import { alertTrayModel, firingsToNotify } from '../../../electron/main/alertTray.js';
import { trayMenuTemplate } from '../../../electron/main/appMenu.js';
import { accent } from '../../../electron/main/trayIcon.js';
import type { AlertsState, AlertView } from '../../../shared/contract/alerts.js';

const alert = (over: Partial<AlertView>): AlertView => ({
  id: 'probe-down|probe:api',
  rule: 'probe-down',
  source: 'probe:api',
  state: 'firing',
  severity: 'error',
  summary: 'probe failing for 1 min — probe api: up = 0',
  since: 1,
  firingId: 'probe-down|probe:api#1',
  firedAt: 1,
  acknowledged: false,
  flapping: false,
  notify: ['desktop'],
  link: '#/dashboards?tab=health&probe=api',
  ...over,
});

const state = (active: AlertView[], worst?: AlertsState['worst']): AlertsState => ({ active, resolved: [], rules: [], silences: [], ...(worst ? { worst } : {}) });

describe('the tray’s alerts', () => {
  it('is calm, in the usual colour, when nothing fires', () => {
    const model = alertTrayModel(state([alert({ state: 'pending', firingId: undefined })]));
    expect(model).toMatchObject({ tone: 'calm', color: accent, items: [], tooltip: 'Switchboard — still supervising your stack' });
  });

  it('takes the worst firing severity’s tone and lists the firing alerts', () => {
    const model = alertTrayModel(state([alert({}), alert({ id: 'x', rule: 'mcp-crash-loop', source: 'mcp:pg', severity: 'critical', link: '#/mcp?server=pg', acknowledged: true })], 'critical'));
    expect(model.tone).toBe('critical');
    expect(model.tooltip).toBe('Switchboard — 2 alerts firing (worst: critical)');
    expect(model.items).toEqual([
      { label: '[error] probe-down — probe:api', route: '#/dashboards?tab=health&probe=api' },
      { label: '[critical] mcp-crash-loop — mcp:pg (acknowledged)', route: '#/mcp?server=pg' },
    ]);
    expect(alertTrayModel(state([alert({ severity: 'warning' })], 'warning')).tone).toBe('warning');
  });

  it('lists at most 8 and says how many more, and changes its signature only when the menu would', () => {
    const many = Array.from({ length: 11 }, (_, i) => alert({ id: `r|${i}`, source: `probe:p${i}`, firingId: `r|${i}#1` }));
    const model = alertTrayModel(state(many, 'error'));
    expect(model.items).toHaveLength(9);
    expect(model.items.at(-1)).toEqual({ label: '… 3 more', route: '#/alerts' });
    expect(alertTrayModel(state(many.map((a) => ({ ...a, summary: 'other value' })), 'error')).signature).toBe(model.signature);
  });

  it('puts the firing alerts at the top of the tray menu, each opening its item', () => {
    const actions = { openWindow: vi.fn(), reloadStackFile: vi.fn(), quit: vi.fn(), openRoute: vi.fn() };
    const template = trayMenuTemplate(actions, alertTrayModel(state([alert({})], 'error')).items);
    expect(template.map((i) => i.label ?? i.type)).toEqual(['Firing alerts', '[error] probe-down — probe:api', 'separator', 'Open Switchboard', 'Reload Stack File', 'separator', 'Quit Switchboard']);
    (template[1]!.click as () => void)();
    expect(actions.openRoute).toHaveBeenCalledWith('#/dashboards?tab=health&probe=api');
  });

  it('notifies each firing once, never a silenced one or one that does not notify the desktop', () => {
    const notified = new Set<string>();
    const now = 1000;
    const all = [alert({}), alert({ id: 'b', firingId: 'b#1', silencedUntil: now + 1 }), alert({ id: 'c', firingId: 'c#1', notify: ['webhook:ops'] }), alert({ id: 'd', state: 'pending', firingId: undefined })];
    expect(firingsToNotify(state(all), notified, now).map((a) => a.firingId)).toEqual(['probe-down|probe:api#1']);
    expect(firingsToNotify(state(all), notified, now)).toEqual([]);
    // The silence ending is not a new firing; the next firing is.
    expect(firingsToNotify(state([alert({ id: 'b', firingId: 'b#1' }), alert({ id: 'b', firingId: 'b#2' })]), notified, now + 5).map((a) => a.firingId)).toEqual(['b#2']);
  });
});
