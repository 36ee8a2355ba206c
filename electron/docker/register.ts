import { containerActionCommand, containerActionNames } from '../../shared/contract/containers.js';
import { toErrorInfo } from '../../shared/errors.js';
import type { AppContext } from '../core/appContext.js';
import { toDisposable } from '../base/disposable.js';
import { DockerService } from './dockerService.js';
import { watchStatsTable } from './statsTable.js';
import { publishDockerStackEvents } from './dockerStackEvents.js';

/**
 * Wires the Docker service to the app: the `containers`, `container.stats` and
 * `containers.stats` topics, the containers.* commands, and the stack file's
 * `docker:` section (followed as it changes). Everything is disposed with the app.
 */
export function registerDocker(ctx: AppContext): DockerService {
  const service = new DockerService(ctx.config.current().docker, { logs: ctx.logs, audit: ctx.audit, secrets: ctx.secrets });
  ctx.disposables.add(service);
  ctx.disposables.add(ctx.config.changed.on((config) => service.configure(config.docker)));
  ctx.disposables.add(publishDockerStackEvents(service, ctx.events, ctx.signals));

  ctx.topics.provide('containers', (_params, sink) => {
    sink.snapshot(service.state());
    return service.changed.on(() => sink.state(service.state()));
  });

  ctx.topics.provide('container.stats', (params, sink) => {
    let resolved;
    try {
      resolved = service.resolve(params);
    } catch (err) {
      sink.close(toErrorInfo(err));
      return toDisposable(() => {});
    }
    const { engine, container } = resolved;
    const watch = engine.stats.watch(container.id);
    sink.snapshot({ engine: engine.name, id: container.id, samples: engine.stats.history(container.id) });
    const samples = engine.stats.sample.on(({ id, sample }) => id === container.id && sink.append(sample));
    const reset = service.reset.on(() => sink.close({ code: 'unavailable', message: 'the docker section of the stack file changed; open the stats again' }));
    return toDisposable(() => {
      reset.dispose();
      samples.dispose();
      watch.dispose();
    });
  });

  ctx.topics.provide('containers.stats', (_params, sink) => watchStatsTable(service, (table) => sink.state(table)));

  for (const action of containerActionNames) {
    ctx.commands.handle(containerActionCommand(action), (p) => service.action(p, action, 'force' in p ? { force: p.force } : {}));
  }
  ctx.commands.handle('containers.bulk', (p) => service.bulk(p.targets, p.action, { force: p.force }));
  ctx.commands.handle('containers.project', (p) => service.project(p.engine, p.project, p.action, { force: p.force }));
  ctx.commands.handle('containers.inspect', (p) => service.inspect(p));
  ctx.commands.handle('containers.env', (p) => service.envValue(p, p.key));
  ctx.commands.handle('containers.logHistory', (p) =>
    service.logHistory(p, { untilMs: p.until, shown: p.shown, count: p.count, streams: p.streams, levels: p.levels }),
  );
  ctx.commands.handle('containers.showAll', (p) => {
    service.setShowAll(p.showAll);
    return { showAll: p.showAll };
  });
  return service;
}
