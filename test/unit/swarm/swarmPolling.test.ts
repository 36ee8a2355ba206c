import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SwarmApi } from '../../../electron/swarm/swarmApi.js';
import { SwarmEngine } from '../../../electron/swarm/swarmEngine.js';

/** An engine whose info() says manager or not, counting how often it is asked. */
function fakeApi(manager: boolean): { api: SwarmApi; infos: () => number } {
  let infos = 0;
  const api = {
    info: async () => {
      infos++;
      return { Swarm: manager ? { LocalNodeState: 'active', ControlAvailable: true } : { LocalNodeState: 'inactive' } };
    },
    listServices: async () => [],
    listTasks: async () => [],
    listNodes: async () => [],
    getEvents: async () => new PassThrough(),
  } as unknown as SwarmApi;
  return { api, infos: () => infos };
}

describe('how often an engine is read for Swarm', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an engine that is no manager is asked every 30 s, not every 3 s', async () => {
    const { api, infos } = fakeApi(false);
    const engine = new SwarmEngine('local', 'auto', api, () => undefined);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(infos()).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(infos()).toBe(2);
    engine.dispose();
  });

  it('a manager is read every 3 s while a screen watches, every 30 s when none does, and at once when one starts to', async () => {
    const { api, infos } = fakeApi(true);
    const engine = new SwarmEngine('local', 'auto', api, () => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(infos()).toBe(1);
    engine.watch(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(infos()).toBe(2);
    await vi.advanceTimersByTimeAsync(9_500);
    expect(infos()).toBe(5);
    engine.watch(false);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(infos()).toBe(5);
    engine.dispose();
  });
});
