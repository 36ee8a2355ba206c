import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../support/docker/serviceHarness.js';
import { TestContainers, freePort } from '../../support/docker/testContainers.js';
import { removeTestImages } from '../../support/docker/testImages.js';
import { SwitchboardError } from '../../../shared/errors.js';

describe('container actions on a real engine', () => {
  const tc = new TestContainers();
  const project = `${tc.prefix}-ops`;
  let h: ReturnType<typeof startService>;
  let web: { id: string; name: string };

  beforeAll(async () => {
    web = await tc.run({ image: 'web', name: 'web', project, service: 'web', env: { PORT: String(await freePort()) } });
    await tc.run({ image: 'logger', name: 'a', project, service: 'a' });
    await tc.run({ image: 'logger', name: 'b', project, service: 'b' });
    h = startService({ project }, { followLogs: false });
    await h.until('the stack to be listed', () => h.container(web.name) && h.container(`${tc.prefix}-b`));
  });

  afterAll(async () => {
    h?.service.dispose();
    await tc.removeAll();
    await removeTestImages();
  });

  it('stops, starts and restarts a container, showing it in progress and then the result', async () => {
    const before = h.container(web.name)!.startedAt!;
    const restart = h.service.action({ id: web.id }, 'restart');
    await h.until('the row to show restarting', () => h.container(web.name)?.pending === 'restarting');
    const result = await restart;
    expect(result.message).toMatch(/^restart of container:.*-web done in (\d+ ms|\d+(\.\d)? s)$/);
    const after = h.container(web.name)!;
    expect(after.state).toBe('running');
    expect(after.pending).toBeUndefined();
    expect(after.startedAt!).toBeGreaterThan(before);
    expect(after.lastAction).toMatchObject({ action: 'restart', ok: true });

    await h.service.action({ id: web.name }, 'stop');
    expect(h.container(web.name)?.state).toBe('exited');
    await h.service.action({ id: web.id.slice(0, 12) }, 'start');
    expect(h.container(web.name)?.state).toBe('running');
    expect(h.lines.map((l) => l.text)).toContain(`restart of container:${web.name} requested`);
  });

  it('pauses, unpauses and kills a container', async () => {
    await h.service.action({ id: web.id }, 'pause');
    expect(h.container(web.name)?.state).toBe('paused');
    await h.service.action({ id: web.id }, 'unpause');
    expect(h.container(web.name)?.state).toBe('running');
    await h.service.action({ id: web.id }, 'kill');
    expect(h.container(web.name)).toMatchObject({ state: 'exited', exitCode: 137 });
  });

  it('says an already-stopped container was already stopped, and explains engine conflicts', async () => {
    const stop = await h.service.action({ id: web.id }, 'stop');
    expect(stop.message).toContain('was already stopped');
    const err = await h.service.action({ id: web.id }, 'pause').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SwitchboardError);
    expect((err as SwitchboardError).code).toBe('conflict');
    expect((err as SwitchboardError).message).toMatch(/^pause of container .*-web failed: .*is not running/);
    expect(h.container(web.name)?.lastAction).toMatchObject({ action: 'pause', ok: false });
  });

  it('reports a container that is gone as not found', async () => {
    const err = await h.service.action({ id: 'no-such-container' }, 'start').catch((e: unknown) => e);
    expect((err as SwitchboardError).code).toBe('not_found');
    expect((err as SwitchboardError).message).toContain('no container "no-such-container"');
  });

  it('stops and starts a whole compose project and a selection', async () => {
    const stopped = await h.service.project(undefined, project, 'stop');
    expect(stopped.results).toHaveLength(3);
    expect(stopped.results.every((r) => r.ok)).toBe(true);
    for (const n of ['web', 'a', 'b']) expect(h.container(`${tc.prefix}-${n}`)?.state).toBe('exited');
    const started = await h.service.bulk([{ id: `${tc.prefix}-a` }, { id: `${tc.prefix}-b` }, { id: 'gone-already' }], 'start');
    expect(started.results.filter((r) => r.ok).map((r) => r.name).sort()).toEqual([`${tc.prefix}-a`, `${tc.prefix}-b`]);
    expect(started.results.find((r) => !r.ok)?.message).toContain('no container "gone-already"');
  });

  it('removes a container, refusing a running one unless forced', async () => {
    const a = h.container(`${tc.prefix}-a`)!;
    const err = await h.service.action({ id: a.id }, 'remove').catch((e: unknown) => e);
    expect((err as SwitchboardError).code).toBe('conflict');
    await h.service.action({ id: a.id }, 'remove', { force: true });
    await h.until('the removed container to leave the list', () => !h.container(a.name));
  });

  it('acts only on a container named exactly: the full id, its name, or a unique id prefix of 12 or more', async () => {
    const spare = await tc.run({ image: 'logger', name: 'spare', project });
    await h.until('spare to be listed', () => h.container(spare.name)?.state === 'running');
    // Eleven characters of its id name no other container here, but are too few to be sure of that.
    const short = await h.service.action({ id: spare.id.slice(0, 11) }, 'remove', { force: true }).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(SwitchboardError);
    expect((short as SwitchboardError).code).toBe('invalid_params');
    expect((short as SwitchboardError).message).toContain(`"${spare.id.slice(0, 11)}" is too short`);
    // One character would match some container of the engine: refused before anything is looked at.
    const one = await h.service.inspect({ id: spare.id.slice(0, 1) }).catch((e: unknown) => e);
    expect((one as SwitchboardError).code).toBe('invalid_params');
    expect(h.container(spare.name)?.state).toBe('running');
    const twelve = await h.service.inspect({ id: spare.id.slice(0, 12) });
    expect(twelve.id).toBe(spare.id);
    await h.service.action({ id: spare.name }, 'remove', { force: true });
    await h.until('spare to leave the list', () => !h.container(spare.name));
  });

  it('masks secret-looking env values in the inspect view until revealed', async () => {
    const s = await tc.run({ image: 'failer', name: 'secretive', project, createOnly: true, env: { DB_PASSWORD: 'hunter2', API_TOKEN: 'abc', DATABASE_URL: 'postgres://u:pw@127.0.0.1/db', MODE: 'prod' } });
    await h.until('it to be listed', () => h.container(s.name));
    const details = await h.service.inspect({ id: s.id });
    const env = Object.fromEntries(details.env.map((e) => [e.key, e]));
    expect(env.DB_PASSWORD).toMatchObject({ masked: true });
    expect(env.DB_PASSWORD!.value).not.toContain('hunter2');
    expect(env.API_TOKEN!.masked).toBe(true);
    expect(env.DATABASE_URL!.masked).toBe(true);
    expect(env.MODE).toMatchObject({ value: 'prod', masked: false });
    expect(details.labels['com.docker.compose.project']).toBe(project);
    expect(details.networkMode).toBe('host');
    expect(await h.service.envValue({ id: s.id }, 'DB_PASSWORD')).toBe('hunter2');
  });
});
