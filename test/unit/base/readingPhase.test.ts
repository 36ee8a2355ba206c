import { describe, expect, it } from 'vitest';
import { readingAddress, readingPhases } from '../../../electron/base/readingPhase.js';

describe('readings of one service share a beat', () => {
  it('names the service a reading talks to by host and port', () => {
    expect(readingAddress('http://127.0.0.1:8080/health')).toBe('127.0.0.1:8080');
    expect(readingAddress('https://api.example.com/metrics')).toBe('api.example.com:443');
    expect(readingAddress('http://backend/health')).toBe('backend:80');
    expect(readingAddress('redis://:secret@cache:6380/0')).toBe('cache:6380');
    expect(readingAddress('db:5432')).toBe('db:5432');
    expect(readingAddress('/var/run/redis/redis.sock')).toBeUndefined();
  });

  it('gives a backend’s health probe and its cache counters one phase, whatever their names', () => {
    const probes = readingPhases([{ name: 'backend-health', address: '127.0.0.1:8080', everyMs: 1000 }]);
    const cache = readingPhases([{ name: 'api-cache', address: '127.0.0.1:8080', everyMs: 1000 }]);
    expect(cache.get('api-cache')).toBe(probes.get('backend-health'));
  });

  it('still spreads many probes of one host over the interval, in wake-up slots of 50 ms', () => {
    const phases = readingPhases(Array.from({ length: 100 }, (_, i) => ({ name: `probe-${i}`, address: '127.0.0.1:8080', everyMs: 1000 })));
    const slots = new Set(phases.values());
    expect(slots.size).toBeGreaterThanOrEqual(15);
    for (const phase of slots) expect(phase % 50).toBe(0);
  });

  it('keeps a phase by name for a reading without an address, stable from run to run', () => {
    const once = readingPhases([{ name: 'disk-check', address: undefined, everyMs: 5000 }]);
    const again = readingPhases([{ name: 'disk-check', address: undefined, everyMs: 5000 }, { name: 'other', address: 'x:1', everyMs: 5000 }]);
    expect(again.get('disk-check')).toBe(once.get('disk-check'));
  });
});
