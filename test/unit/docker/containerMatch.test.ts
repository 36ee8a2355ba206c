import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../shared/contract/containers.js';
import { SwitchboardError } from '../../../shared/errors.js';
import { matchContainer } from '../../../electron/docker/containerMatch.js';

const summary = (id: string, name: string) => ({ engine: 'local', id, name }) as ContainerSummary;
const containers = new Map(
  [summary('a1b2c3d4e5f6a7b8c9d0', 'web'), summary('a1b2c3d4e5f6ffff0000', 'db'), summary('0123456789abcdef0123', 'a1')].map((c) => [c.id, c]),
);
const refusal = (idOrName: string) => {
  try {
    matchContainer(containers, idOrName, 'local');
  } catch (err) {
    return err as SwitchboardError;
  }
  throw new Error(`"${idOrName}" was not refused`);
};

describe('which container an id names', () => {
  it('takes the full id, the exact name, or a unique prefix of 12 or more', () => {
    expect(matchContainer(containers, 'a1b2c3d4e5f6a7b8c9d0', 'local')?.name).toBe('web');
    expect(matchContainer(containers, 'db', 'local')?.name).toBe('db');
    expect(matchContainer(containers, '0123456789ab', 'local')?.name).toBe('a1');
    expect(matchContainer(containers, 'a1b2c3d4e5f6a', 'local')?.name).toBe('web');
  });

  it('prefers a name over an id prefix it happens to be', () => {
    expect(matchContainer(containers, 'a1', 'local')?.name).toBe('a1');
  });

  it('finds nothing for an id that is no container', () => {
    expect(matchContainer(containers, 'nope', 'local')).toBeUndefined();
  });

  it('refuses a short prefix even when it names one container, and says why', () => {
    expect(refusal('0')).toMatchObject({ code: 'invalid_params' });
    expect(refusal('0123456789a').message).toContain('"0123456789a" is too short');
  });

  it('refuses a long prefix shared by two containers', () => {
    expect(refusal('a1b2c3d4e5f6')).toMatchObject({ code: 'invalid_params' });
    expect(refusal('a1b2c3d4e5f6').message).toContain('is the start of 2 container ids on engine local');
  });
});
