import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../shared/contract/index.js';
import { containerActionCommand, containerActionNames } from '../../../shared/contract/containers.js';
import { registerDocker } from '../../../electron/docker/register.js';
import { fakeAppContext, type FakeAppContext } from '../../support/appContext.js';
import { DisposableStore } from '../../../electron/base/disposable.js';

let owners = new DisposableStore();
afterEach(() => {
  owners.dispose();
  owners = new DisposableStore();
});

/** The docker capability on an engine that is not there: enough to see which commands it answers. */
function registered(): FakeAppContext['commands'] {
  const ctx = fakeAppContext({ docker: { host: 'unix:///nonexistent/docker.sock' } });
  registerDocker(ctx);
  owners.add(ctx.disposables);
  return ctx.commands;
}

describe('container actions come from the one list in the contract', () => {
  it('keeps the command names the renderer and tests use', () => {
    expect(containerActionNames.map((a) => containerActionCommand(a))).toEqual([
      'containers.start',
      'containers.stop',
      'containers.restart',
      'containers.kill',
      'containers.pause',
      'containers.unpause',
      'containers.remove',
    ]);
    for (const action of containerActionNames) expect(Object.keys(commands)).toContain(containerActionCommand(action));
  });

  it('has a handler for every action, and only remove takes force', async () => {
    const registry = registered();
    for (const action of containerActionNames) expect(registry.names()).toContain(containerActionCommand(action));
    const stop = await registry.call('containers.stop', { id: 'abc', force: true });
    expect(stop).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    // Valid params reach the service, which says the engine is not there rather than that the params are wrong.
    const remove = await registry.call('containers.remove', { id: 'abc', force: true });
    expect(remove).toMatchObject({ ok: false, error: { code: 'engine_unreachable' } });
  });
});
