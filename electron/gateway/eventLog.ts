import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Events kept per session for a client that reconnects with Last-Event-ID; older ones cannot be replayed. */
const keptEvents = 1_000;

export interface LoggedEvent {
  id: string;
  streamId: string;
  /** undefined for a priming event: an id the client can resume from, with nothing to replay. */
  message: JSONRPCMessage | undefined;
}

/**
 * A session's recent SSE events, so a dropped GET stream (or POST stream)
 * can be resumed; bounded, because a client that never comes back must not
 * grow the gateway's memory.
 */
export class EventLog {
  private readonly events: LoggedEvent[] = [];
  private seq = 0;

  store(streamId: string, message: JSONRPCMessage | undefined): string {
    const id = `${streamId}|${++this.seq}`;
    this.events.push({ id, streamId, message });
    if (this.events.length > keptEvents) this.events.splice(0, this.events.length - keptEvents);
    return id;
  }

  streamOf(eventId: string): string | undefined {
    return this.events.find((e) => e.id === eventId)?.streamId;
  }

  /** The events of `eventId`'s stream that came after it, priming events left out. */
  after(eventId: string): LoggedEvent[] {
    const at = this.events.findIndex((e) => e.id === eventId);
    if (at === -1) return [];
    const streamId = this.events[at]!.streamId;
    return this.events.slice(at + 1).filter((e) => e.streamId === streamId && e.message !== undefined);
  }
}
