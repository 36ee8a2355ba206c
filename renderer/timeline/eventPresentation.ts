import type { Tone } from '../components/StatusPill.js';
import type { ScreenPath } from '../navigation/screens.js';
import { parseSourceId } from '../../shared/sourceId.js';
import { eventSeverities, severityRank, type EventSeverity } from '../../shared/stackEvents.js';
import type { StoredEvent } from '../../shared/contract/history.js';

export const severityTone: Record<EventSeverity, Tone> = { info: 'idle', warning: 'warn', error: 'bad', critical: 'bad' };

/** The severities at or above one (the filter is "warning and worse", as operators read it). */
export function severitiesFrom(min: EventSeverity | undefined): EventSeverity[] | undefined {
  return min ? eventSeverities.filter((s) => severityRank[s] >= severityRank[min]) : undefined;
}

/** The screen that shows an event's source, with the params that select it. */
export function sourceScreen(event: Pick<StoredEvent, 'source' | 'details'>): { screen: ScreenPath; params: Record<string, string>; label: string } | undefined {
  const parsed = parseSourceId(event.source);
  if (!parsed || parsed.kind === 'switchboard') return undefined;
  const d = event.details ?? {};
  switch (parsed.kind) {
    case 'mcp':
      return { screen: 'mcp', params: { server: parsed.name }, label: `Open ${parsed.name} in MCP servers` };
    case 'container':
      return {
        screen: 'containers',
        params: typeof d.engine === 'string' && typeof d.id === 'string' ? { engine: d.engine, id: d.id, tab: 'stats' } : {},
        label: `Open Containers (${parsed.name})`,
      };
    case 'probe':
      return { screen: 'dashboards', params: { tab: 'health', range: '1h' }, label: `Open ${parsed.name} in Dashboards` };
    case 'cache':
      return { screen: 'dashboards', params: { tab: 'cache' }, label: `Open ${parsed.name} in Dashboards` };
    case 'engine':
      return { screen: 'containers', params: {}, label: 'Open Containers' };
    default:
      return undefined;
  }
}

/** The detail entries worth a row in the expanded view, in the publisher's order. */
export function detailEntries(event: Pick<StoredEvent, 'details'>): [string, string][] {
  return Object.entries(event.details ?? {})
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => [k, String(v)]);
}
