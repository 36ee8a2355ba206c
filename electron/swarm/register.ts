import { toDisposable } from '../base/disposable.js';
import type { AppContext } from '../core/appContext.js';
import { SwarmServices, type SwarmEngines } from './swarmServices.js';

/** Wires Swarm to the app: the `swarm` topic and the swarm.* commands, for every engine that is a manager. */
export function registerSwarm(ctx: AppContext, engines: SwarmEngines): SwarmServices {
  const swarm = ctx.disposables.add(new SwarmServices(engines, { logs: ctx.logs, audit: ctx.audit, secrets: ctx.secrets }));
  ctx.topics.provide('swarm', (_params, sink) => {
    sink.snapshot(swarm.state());
    const watching = swarm.watch();
    const changes = swarm.changed.on(() => sink.state(swarm.state()));
    return toDisposable(() => {
      changes.dispose();
      watching.dispose();
    });
  });
  ctx.commands.handle('swarm.scale', (p) => swarm.act(p.engine, p.service, 'scale', p.replicas));
  ctx.commands.handle('swarm.restart', (p) => swarm.act(p.engine, p.service, 'restart'));
  ctx.commands.handle('swarm.rollback', (p) => swarm.act(p.engine, p.service, 'rollback'));
  ctx.commands.handle('swarm.remove', (p) => swarm.act(p.engine, p.service, 'remove'));
  ctx.commands.handle('swarm.logs', (p) => swarm.logs(p.engine, p.service, p.follow));
  return swarm;
}
