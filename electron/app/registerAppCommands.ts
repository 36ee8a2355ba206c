import type { AppInfo } from '../../shared/contract/app.js';
import type { AppContext } from '../core/appContext.js';
import type { ConfigStore } from '../config/configStore.js';

/** app.info, config.reload and the `config` topic (where a broken stack file shows up on screen). */
export function registerAppCommands(ctx: AppContext, config: ConfigStore, info: AppInfo): void {
  ctx.commands.handle('app.info', () => info);
  ctx.commands.handle('config.reload', async () => {
    const started = Date.now();
    const status = await config.reload();
    ctx.logs.write({
      source: 'switchboard',
      stream: 'system',
      level: status.problem ? 'error' : 'info',
      text: `config reload requested … ${status.problem ? `failed: ${status.problem.message}` : 'done'} in ${Date.now() - started} ms`,
    });
    return status;
  });
  ctx.topics.provide('config', (_params, sink) => {
    sink.snapshot(config.status());
    return config.statusChanged.on((status) => sink.state(status));
  });
}
