import { describe, expect, it } from 'vitest';
import { cacheVerdict } from '../../../renderer/dashboards/cacheVerdict.js';
import { probeVerdict, sloVerdict } from '../../../renderer/dashboards/probeVerdict.js';

describe('cache and probe verdicts, the same on the Overview and the Dashboards', () => {
  it('a cache source is on target, below it, without lookups yet, or unreadable (which wins)', () => {
    expect(cacheVerdict({ hitRate: 0.9, target: 0.8 })).toEqual({ tone: 'ok', label: 'on target' });
    expect(cacheVerdict({ hitRate: 0.8, target: 0.8 })).toEqual({ tone: 'ok', label: 'on target' });
    expect(cacheVerdict({ hitRate: 0.5, target: 0.8 })).toEqual({ tone: 'warn', label: 'below target' });
    expect(cacheVerdict({ hitRate: null, target: 0.8 })).toEqual({ tone: 'idle', label: 'no lookups yet' });
    expect(cacheVerdict({ hitRate: 0.9, target: 0.8, error: 'ECONNREFUSED' })).toEqual({ tone: 'bad', label: 'cannot read' });
  });

  it('a probe is passing, waiting for its first run, or failed with its outcome as the word', () => {
    expect(probeVerdict({ outcome: 'ok' })).toEqual({ tone: 'ok', label: 'passing' });
    expect(probeVerdict(undefined)).toEqual({ tone: 'idle', label: 'waiting for first run' });
    expect(probeVerdict({ outcome: 'timeout' })).toEqual({ tone: 'bad', label: 'timeout' });
    expect(probeVerdict({ outcome: 'fail' })).toEqual({ tone: 'bad', label: 'fail' });
  });

  it('an SLO passes, fails, or has no data yet', () => {
    expect(sloVerdict({ pass: true })).toEqual({ tone: 'ok', label: 'pass' });
    expect(sloVerdict({ pass: false })).toEqual({ tone: 'bad', label: 'fail' });
    expect(sloVerdict({ pass: null })).toEqual({ tone: 'idle', label: 'no data' });
  });
});
