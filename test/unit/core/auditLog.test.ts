import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../electron/core/auditLog.js';
import { LogHub } from '../../../electron/logs/logHub.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import { MASK } from '../../../electron/base/secrets/secretShapes.js';
import { formatElapsed } from '../../../shared/elapsed.js';
import { sourceId } from '../../../shared/sourceId.js';

describe('audit lines for operator actions', () => {
  it('writes the request and the outcome with its duration', async () => {
    const hub = new LogHub();
    const audit = createAuditLog(hub);
    audit.action({ action: 'restart', target: 'sutazai-redis', outcome: 'requested' });
    audit.action({ action: 'restart', target: 'sutazai-redis', outcome: 'done', durationMs: 1_234 });
    audit.action({ action: 'stop', target: sourceId.mcp('postgres'), outcome: 'requested' });
    audit.action({ action: 'stop', target: sourceId.mcp('postgres'), outcome: 'failed', durationMs: 40, detail: 'server is not running' });
    const lines = hub.query({ sources: ['switchboard'] }, 10);
    expect(lines.map((l) => l.text.replace(/\d+ ms|\d+\.\d s/, 'T'))).toEqual([
      'restart of sutazai-redis requested',
      'restart of sutazai-redis done in T',
      'stop of mcp:postgres requested',
      'stop of mcp:postgres failed after T: server is not running',
    ]);
    expect(lines[3]!.level).toBe('error');
    expect(lines.every((l) => l.stream === 'system')).toBe(true);
  });

  it('says what an action came to, returns the line, and takes a level when a failure is no error of Switchboard', () => {
    const hub = new LogHub();
    const audit = createAuditLog(hub);
    expect(audit.action({ action: 'start', target: sourceId.container('web'), outcome: 'done', detail: 'was already running', durationMs: 300 })).toBe(
      'start of container:web was already running in 0.3 s',
    );
    audit.action({ action: 'env API_KEY', target: sourceId.container('web'), outcome: 'done', detail: 'revealed' });
    audit.action({ action: 'selfcheck', target: sourceId.mcp('search'), outcome: 'failed', detail: 'exit 1', durationMs: 2_000, level: 'warn' });
    audit.action({ action: 'config reload', outcome: 'done', durationMs: 12 });
    audit.note('config reloaded from /stack.yaml');
    expect(hub.query({}, 10).map((l) => [l.level, l.text])).toEqual([
      ['info', 'start of container:web was already running in 0.3 s'],
      ['info', 'env API_KEY of container:web revealed'],
      ['warn', 'selfcheck of mcp:search failed after 2.0 s: exit 1'],
      ['info', 'config reload done in 12 ms'],
      ['info', 'config reloaded from /stack.yaml'],
    ]);
  });
});

describe('audit lines never carry a secret', () => {
  it('masks URL passwords and secret pairs always, and the values the masker was told about', () => {
    const hub = new LogHub();
    createAuditLog(hub).note('load test of api started: GET https://u:pw-1@127.0.0.1/x --token t-2');
    createAuditLog(hub, new SecretMasker().remember(['tok-from-env-3'])).action({ action: 'selfcheck', target: 'mcp:x', outcome: 'failed', detail: 'tok-from-env-3 rejected' });
    expect(hub.query({}, 10).map((l) => l.text)).toEqual([
      `load test of api started: GET https://u:${MASK}@127.0.0.1/x --token ${MASK}`,
      `selfcheck of mcp:x failed: ${MASK} rejected`,
    ]);
  });
});

describe('one way to say how long something took', () => {
  it('gives milliseconds for blinks, a decimal under 10 s, whole seconds, then minutes', () => {
    expect([12.4, 99, 100, 1_234, 9_940, 12_400, 119_000, 180_000].map(formatElapsed)).toEqual([
      '12 ms',
      '99 ms',
      '0.1 s',
      '1.2 s',
      '9.9 s',
      '12 s',
      '119 s',
      '3 min',
    ]);
  });
});
