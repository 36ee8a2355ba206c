import { afterAll, describe, expect, it } from 'vitest';
import { startService } from '../../support/docker/serviceHarness.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { removeTestImages } from '../../support/docker/testImages.js';

describe('several engines side by side', () => {
  const tc = new TestContainers();
  let h: ReturnType<typeof startService> | undefined;

  afterAll(async () => {
    h?.service.dispose();
    await tc.removeAll();
    await removeTestImages();
  });

  it('shows each configured engine with its own state, and says why the ones that cannot be reached are not', async () => {
    const a = await tc.run({ image: 'failer', name: 'a', createOnly: true });
    h = startService(
      {
        engines: [
          { name: 'here', containers: [`${tc.prefix}-*`] },
          { name: 'refused', host: 'tcp://127.0.0.1:9' },
          { name: 'badtls', host: 'tcp://127.0.0.1:2376', tls: { ca: '/nonexistent/ca.pem', cert: '/nonexistent/cert.pem', key: '/nonexistent/key.pem' } },
        ],
      },
      { followLogs: false },
    );
    const state = await h.until('all three engines settled', () => {
      const s = h!.service.state();
      return s.engines.length === 3 && s.engines[0]!.status === 'connected' && s.engines[1]!.status === 'unreachable' && s;
    });
    expect(state.engines.map((e) => e.name)).toEqual(['here', 'refused', 'badtls']);
    expect(state.engines[0]!.containers.map((c) => c.name)).toEqual([a.name]);
    expect(state.engines[1]!.error).toMatch(/^Docker engine not reachable at tcp:\/\/127\.0\.0\.1:9: .*ECONNREFUSED.*is Docker running\?/);
    expect(state.engines[2]).toMatchObject({ status: 'unreachable', address: 'tcp://127.0.0.1:2376' });
    expect(state.engines[2]!.error).toContain('TLS file /nonexistent/ca.pem');
    const err = await h.service.action({ engine: 'refused', id: 'x' }, 'start').catch((e: { code: string }) => e);
    expect(err).toMatchObject({ code: 'engine_unreachable' });
  });

  it('follows a changed docker section without restarting: the new selection shows', async () => {
    const b = await tc.run({ image: 'failer', name: 'b', createOnly: true });
    h!.service.configure({ containers: [b.name] });
    const engine = await h!.until('the new selection', () => {
      const s = h!.service.state();
      return s.engines.length === 1 && s.engines[0]!.status === 'connected' && s.engines[0]!.containers.length === 1 && s.engines[0];
    });
    expect(engine.containers[0]!.name).toBe(b.name);
  });
});
