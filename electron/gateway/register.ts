import type { AppContext } from '../core/appContext.js';
import type { GatewayChildren } from './gatewayChildren.js';
import { GatewayService } from './gatewayService.js';
import type { GuardFactory } from './requestGate.js';

/** Live figures change with every request: subscribers get the state at most once a second. */
const refreshMs = 1_000;

/**
 * Wires the MCP gateway: the stack file's `gateway:` section (followed as it
 * changes), the supervised children it exposes (from the MCP capability,
 * through the composition root) and the `gateway` topic the MCP screen shows.
 */
export function registerGateway(ctx: AppContext, children: GatewayChildren, guards: GuardFactory): GatewayService {
  const gateway = ctx.disposables.add(
    new GatewayService({ children, guards, logs: ctx.logs, audit: ctx.audit, secrets: ctx.secrets, baseDir: () => ctx.config.baseDir() }),
  );
  void gateway.apply(ctx.config.current());
  ctx.disposables.add(ctx.config.changed.on((config) => void gateway.apply(config)));

  ctx.topics.provide('gateway', (_params, sink) => {
    sink.snapshot(gateway.state());
    const send = () => sink.state(gateway.state());
    const timer = setInterval(send, refreshMs);
    const changed = gateway.changed.on(send);
    const servers = children.changed.on(send);
    return {
      dispose() {
        clearInterval(timer);
        changed.dispose();
        servers.dispose();
      },
    };
  });
  return gateway;
}
