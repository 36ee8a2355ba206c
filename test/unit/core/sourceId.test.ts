import { describe, expect, it } from 'vitest';
import { nameInSource, parseSourceId, sourceId } from '../../../shared/sourceId.js';

describe('log source ids', () => {
  it('builds the ids the hub, the screens and future alerts key on', () => {
    expect([sourceId.mcp('postgres'), sourceId.container('sutazai-redis'), sourceId.probe('backend-health'), sourceId.cache('backend'), sourceId.switchboard]).toEqual([
      'mcp:postgres',
      'container:sutazai-redis',
      'probe:backend-health',
      'cache:backend',
      'switchboard',
    ]);
  });

  it('reads them back, names with colons included, and refuses ids nobody writes', () => {
    expect(parseSourceId(sourceId.container('web'))).toEqual({ kind: 'container', name: 'web' });
    expect(parseSourceId(sourceId.mcp('a:b'))).toEqual({ kind: 'mcp', name: 'a:b' });
    expect(parseSourceId('switchboard')).toEqual({ kind: 'switchboard' });
    expect([parseSourceId('nginx'), parseSourceId('pod:web'), parseSourceId('mcp:')]).toEqual([undefined, undefined, undefined]);
    expect(nameInSource('container:web', 'container')).toBe('web');
    expect(nameInSource('mcp:web', 'container')).toBeUndefined();
  });
});
