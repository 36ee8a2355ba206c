import type { AppInfo } from '../../shared/contract/app.js';
import type { AppContext } from '../core/appContext.js';
import type { ConfigStore } from '../config/index.js';
import { describeProblem } from '../config/index.js';

/** app.info, config.reload and the `config` topic (where a broken stack file shows up on screen), and the reloads in the log. */
export function registerAppCommands(ctx: AppContext, config: ConfigStore, info: AppInfo): void {
  ctx.commands.handle('app.info', () => info);
  ctx.commands.handle('config.reload', async () => {
    const started = performance.now();
    const status = await config.reload();
    const durationMs = performance.now() - started;
    ctx.audit.action(
      status.problem
        ? { action: 'config reload', outcome: 'failed', durationMs, detail: status.problem.message }
        : { action: 'config reload', outcome: 'done', durationMs },
    );
    return status;
  });
  ctx.topics.provide('config', (_params, sink) => {
    sink.snapshot(config.status());
    return config.statusChanged.on((status) => sink.state(status));
  });
  // Edits picked up by the watcher are no one's action: they are noted as they land.
  ctx.disposables.add(
    config.statusChanged.on((status) =>
      status.problem
        ? ctx.audit.note(`config problem: ${describeProblem(status.problem)} — keeping the last good config`, 'error')
        : ctx.audit.note(`config reloaded from ${status.source}`),
    ),
  );
}
