import { describe, expect, it } from 'vitest';
import { joinProbeHistory } from '../../../renderer/dashboards/probeHistoryJoin.js';
import { joinContainerHistory } from '../../../renderer/containers/containerHistory.js';
import { incidentBins } from '../../../renderer/timeline/incidentBins.js';
import { pan, rangeBounds, rangeFromParams, zoom } from '../../../renderer/timeline/timelineRange.js';
import { severitiesFrom, sourceScreen } from '../../../renderer/timeline/eventPresentation.js';

const hour = 3_600_000;
const now = Date.UTC(2026, 11, 2, 12);

describe('a probe chart across a restart', () => {
  it('draws stored buckets up to the first live sample, then the live ones: no gap, no point twice', () => {
    const stored = [0, 1, 2, 3].map((m) => ({ at: now + m * 60_000, value: 10 + m, max: 20, count: 60 }));
    const live = [{ ts: now + 2 * 60_000 + 30_000, latencyMs: 5, outcome: 'ok' as const }];
    const joined = joinProbeHistory(stored, live);
    expect(joined.map((s) => s.ts)).toEqual([now, now + 60_000, now + 120_000, now + 150_000]);
    expect(joined[0]).toEqual({ ts: now, latencyMs: 10, outcome: 'ok', maxMs: 20, count: 60 });
    expect(joinProbeHistory([], live)).toBe(live);
    expect(joinProbeHistory(stored, [])).toHaveLength(4);
  });
});

describe('a container chart across a restart', () => {
  it('pairs stored CPU and memory by time, up to the first live sample', () => {
    const cpu = [0, 1, 2].map((k) => ({ at: now + k * 10_000, value: k }));
    const memory = [0, 2].map((k) => ({ at: now + k * 10_000, value: 100 + k }));
    const live = [{ ts: now + 15_000, cpuPercent: 9, memUsed: 200, memLimit: 1000, rxBytesPerSec: null, txBytesPerSec: null, blockReadBytesPerSec: 0, blockWriteBytesPerSec: 0, pids: 1 }];
    expect(joinContainerHistory(cpu, memory, live)).toEqual([
      { ts: now, cpuPercent: 0, memUsed: 100 },
      { ts: now + 10_000, cpuPercent: 1 },
      { ts: now + 15_000, cpuPercent: 9, memUsed: 200 },
    ]);
  });
});

describe('the Timeline range', () => {
  it('reads span and end from the URL, defaulting to the last 24 h up to now', () => {
    expect(rangeFromParams(new URLSearchParams(''))).toEqual({ span: '24h' });
    expect(rangeFromParams(new URLSearchParams(`span=1h&end=${now}`))).toEqual({ span: '1h', end: now });
    expect(rangeBounds({ span: '1h', end: now }, now + hour)).toEqual({ from: now - hour, to: now });
  });

  it('pans by half a span and follows now again past it; zooms around the middle', () => {
    expect(pan({ span: '1h' }, -1, now)).toEqual({ span: '1h', end: now - hour / 2 });
    expect(pan({ span: '1h', end: now - hour / 2 }, 1, now)).toEqual({ span: '1h' });
    expect(zoom({ span: '24h', end: now - 24 * hour }, 'in', now)).toEqual({ span: '6h', end: now - 24 * hour - 12 * hour + 3 * hour });
    expect(zoom({ span: '24h' }, 'out', now)).toEqual({ span: '7d' });
    expect(zoom({ span: '15m' }, 'in', now)).toEqual({ span: '15m' });
  });
});

describe('what the Timeline draws and links to', () => {
  it('bins events by time, counting them and keeping the worst severity', () => {
    const events = [
      { at: now + 1, severity: 'info' as const },
      { at: now + 2, severity: 'error' as const },
      { at: now + 50, severity: 'warning' as const },
      { at: now + 200, severity: 'critical' as const },
    ];
    expect(incidentBins(events, now, now + 100, 10)).toEqual([
      { index: 0, from: now, count: 2, worst: 'error' },
      { index: 5, from: now + 50, count: 1, worst: 'warning' },
    ]);
  });

  it('filters "warning and worse" and sends each source to its screen', () => {
    expect(severitiesFrom('error')).toEqual(['error', 'critical']);
    expect(severitiesFrom(undefined)).toBeUndefined();
    expect(sourceScreen({ source: 'mcp:postgres' })).toMatchObject({ screen: 'mcp', params: { server: 'postgres' } });
    expect(sourceScreen({ source: 'container:web', details: { engine: 'local', id: 'abc' } })).toMatchObject({ screen: 'containers', params: { engine: 'local', id: 'abc' } });
    expect(sourceScreen({ source: 'switchboard' })).toBeUndefined();
  });
});
