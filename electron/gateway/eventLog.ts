import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Events kept per session for a client that reconnects with Last-Event-ID; older ones cannot be replayed. */
const keptEvents = 1_000;

/**
 * A session's recent SSE events, so a dropped GET stream (or POST stream)
 * can be resumed; bounded, because a client that never comes back must not
 * grow the gateway's memory.
 */
export class EventLog implements EventStore {
  private readonly events: { id: string; streamId: string; message: JSONRPCMessage }[] = [];
  private seq = 0;

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    const id = `${streamId}|${++this.seq}`;
    this.events.push({ id, streamId, message });
    if (this.events.length > keptEvents) this.events.splice(0, this.events.length - keptEvents);
    return id;
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return this.events.find((e) => e.id === eventId)?.streamId;
  }

  async replayEventsAfter(lastEventId: string, { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> }): Promise<string> {
    const at = this.events.findIndex((e) => e.id === lastEventId);
    if (at === -1) return '';
    const streamId = this.events[at]!.streamId;
    for (const event of this.events.slice(at + 1)) if (event.streamId === streamId) await send(event.id, event.message);
    return streamId;
  }
}
