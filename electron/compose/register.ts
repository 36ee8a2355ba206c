import type { AppContext } from '../core/appContext.js';
import { toDisposable } from '../base/disposable.js';
import type { ComposeEngines } from './composeEngines.js';
import { ComposeProjects } from './composeProjects.js';

/**
 * Wires the compose projects to the app: the `compose` and `compose.output`
 * topics, the compose.* commands, and the stack file's `docker.compose` list
 * (followed as it changes).
 */
export function registerCompose(ctx: AppContext, engines: ComposeEngines, options: { env: NodeJS.ProcessEnv }): ComposeProjects {
  const projects = new ComposeProjects(engines, { env: options.env, logs: ctx.logs, audit: ctx.audit, secrets: ctx.secrets });
  ctx.disposables.add(projects);
  const follow = () => void projects.configure(ctx.config.current().docker?.compose ?? [], ctx.config.baseDir()).catch((err: Error) => ctx.audit.note(`compose projects not read: ${err.message}`, 'error'));
  follow();
  ctx.disposables.add(ctx.config.changed.on(follow));

  ctx.topics.provide('compose', (_params, sink) => {
    sink.snapshot(projects.state());
    return projects.changed.on(() => sink.state(projects.state()));
  });
  ctx.topics.provide('compose.output', (params, sink) => {
    sink.snapshot(projects.output.snapshot(params.project));
    const lines = projects.output.line.on(({ project, line }) => project === params.project && sink.append(line));
    return toDisposable(() => lines.dispose());
  });

  ctx.commands.handle('compose.up', (p) => projects.run(p.project, 'up', { services: p.services }));
  ctx.commands.handle('compose.down', (p) => projects.run(p.project, 'down', { removeVolumes: p.removeVolumes }));
  ctx.commands.handle('compose.pull', (p) => projects.run(p.project, 'pull', { services: p.services }));
  ctx.commands.handle('compose.build', (p) => projects.run(p.project, 'build', { services: p.services }));
  ctx.commands.handle('compose.restart', (p) => projects.run(p.project, 'restart', { services: p.services }));
  ctx.commands.handle('compose.deploy', (p) => projects.run(p.project, 'deploy'));
  ctx.commands.handle('compose.cancel', (p) => ({ cancelled: projects.cancel(p.project) }));
  ctx.commands.handle('compose.config', (p) => projects.resolvedConfig(p.project));
  ctx.commands.handle('compose.refresh', () => projects.refresh());
  return projects;
}
