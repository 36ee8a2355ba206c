import type { McpServerState, McpStatus } from '../../shared/contract/mcp.js';
import { sourceId } from '../../shared/sourceId.js';
import type { EventDetails, EventSeverity } from '../../shared/stackEvents.js';
import type { EventWriter, SignalWriter } from '../core/stackBus.js';

/** What a change of an MCP server's state means to someone reading the timeline. */
const severityOf: Record<McpStatus, EventSeverity> = {
  stopped: 'info',
  starting: 'info',
  ready: 'info',
  degraded: 'warning',
  backoff: 'error',
  exited: 'error',
  'crash-loop': 'critical',
};

/** States a start from is a restart (the first start and a start after Stop are not). */
const restartFrom = new Set<McpStatus>(['ready', 'degraded', 'backoff', 'exited', 'crash-loop']);

/**
 * MCP server transitions as `mcp.state` events (with the reason and the
 * diagnosis the screen shows) and `mcp.up` / `mcp.restarts_total` signals.
 */
export class McpStackEvents {
  private readonly restarts = new Map<string, number>();

  constructor(
    private readonly events: EventWriter,
    private readonly signals: SignalWriter,
  ) {}

  transition(from: McpStatus, state: McpServerState): void {
    const source = sourceId.mcp(state.name);
    if (state.status === 'starting' && restartFrom.has(from)) this.restarts.set(state.name, (this.restarts.get(state.name) ?? 0) + 1);
    const details: EventDetails = { state: state.status, previous: from, reason: state.reason, failures: state.failures };
    if (state.exitCode !== undefined && state.exitCode !== null) details.exitCode = state.exitCode;
    if (state.exitSignal) details.exitSignal = state.exitSignal;
    this.events.publish({
      source,
      kind: 'mcp.state',
      severity: severityOf[state.status],
      at: state.since,
      summary: `${state.name}: ${state.status}${state.reason ? ` (${state.reason})` : ''}`,
      details,
    });
    this.signals.record({ source, name: 'mcp.up', value: state.status === 'ready' ? 1 : 0, at: state.since });
    this.signals.record({ source, name: 'mcp.restarts_total', value: this.restarts.get(state.name) ?? 0, at: state.since });
  }

  /** A server taken out of the stack file: its count starts over if it comes back. */
  forget(name: string): void {
    this.restarts.delete(name);
  }
}
