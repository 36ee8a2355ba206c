import { toErrorInfo } from '../../shared/errors.js';
import { toDisposable } from '../base/disposable.js';
import type { AppContext } from '../core/appContext.js';
import type { TerminalDocker } from './terminalDocker.js';
import { TerminalService } from './terminalService.js';

/**
 * Wires terminals to the contract: the `terminals` list, each session's
 * `terminals.output`, and the terminals.* commands. Docker comes from the
 * composition root; every session's processes end when the app quits.
 */
export function registerTerminals(ctx: AppContext, docker: TerminalDocker): TerminalService {
  const terminals = ctx.disposables.add(new TerminalService(docker, ctx.audit, ctx.config.current().terminals));
  ctx.disposables.add(ctx.config.changed.on((config) => terminals.configure(config.terminals)));

  ctx.topics.provide('terminals', (_params, sink) => {
    sink.snapshot(terminals.state());
    return terminals.changed.on(() => sink.state(terminals.state()));
  });

  ctx.topics.provide('terminals.output', (params, sink) => {
    let attached;
    try {
      attached = terminals.session(params.id).attach(params.viewer, (item) => sink.append(item), params.keepLines);
    } catch (err) {
      sink.close(toErrorInfo(err));
      return toDisposable(() => {});
    }
    sink.snapshot(attached.scrollback);
    return attached.detach;
  });

  ctx.commands.handle('terminals.open', (p) => terminals.open(p));
  ctx.commands.handle('terminals.close', async (p) => ({ closed: await terminals.close(p.id) }));
  ctx.commands.handle('terminals.input', (p) => ({ accepted: terminals.session(p.id).input(p.data) }));
  ctx.commands.handle('terminals.resize', async (p) => {
    await terminals.session(p.id).resize(p.cols, p.rows);
    return { cols: p.cols, rows: p.rows };
  });
  ctx.commands.handle('terminals.ack', (p) => {
    const session = terminals.session(p.id);
    session.ack(p.viewer, p.offset);
    return { paused: session.paused };
  });
  ctx.commands.handle('terminals.rename', (p) => terminals.rename(p.id, p.name));
  ctx.commands.handle('terminals.choices', (p) => terminals.choices(p));
  return terminals;
}
